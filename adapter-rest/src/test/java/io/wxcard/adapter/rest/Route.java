package io.wxcard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operation of the API as its published document (/openapi.json) describes it: the tests walk every route the
 * document lists, and OpsRoutesTest checks that the document lists every handler Javalin serves.
 */
record Route(String method, String path, String operationId, boolean authenticated, boolean nonJsonBody) {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    static List<Route> of(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                    op.get("operationId").asText(), op.get("security").size() > 0,
                    op.at("/requestBody/content").has("text/csv")
                            || op.at("/requestBody/content").has("multipart/form-data")));
        }));
        return routes;
    }

    /** The JSON name of a record component: its @JsonProperty, or its name in snake_case. */
    static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null ? property.value() : SNAKE.translate(component.getName());
    }
}
