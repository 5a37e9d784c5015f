package io.wxcard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document, generated from the route table and the JSON records themselves (field names, types,
 * {@link Doc} and {@link Required}), so that it cannot drift from what is served.
 */
final class OpenApi {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
    private static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(400, "Malformed JSON, a body of the wrong shape (wrong type, unknown field), a bad parameter, "
                    + "or a missing Idempotency-Key (types malformed-json, invalid-request, idempotency-key-required)."),
            Map.entry(401, "No API key, or not a valid one (type unauthorized)."),
            Map.entry(403, "Refused."),
            Map.entry(404, "Not found, or another tenant's (type not-found)."),
            Map.entry(409, "Not allowed in the current state: the type is derived from the domain's rejection code, "
                    + "for example card-not-editable; or concurrent-update, or merchant-credentials-missing."),
            Map.entry(413, "The body is larger than the configured limit (type body-too-large)."),
            Map.entry(415, "The body is not of a media type the route takes, or not UTF-8 (type unsupported-media-type)."),
            Map.entry(422, "The values break a rule: card-definition-invalid, ledger-change-invalid, "
                    + "idempotency-key-reused, or invalid-input; errors[] names every offending field."),
            Map.entry(500, "Something failed here; the answer carries the request id the log line has (type internal-error)."),
            Map.entry(502, "WeChat refused the call; wechat_errcode holds WeChat's code (type wechat-failed)."),
            Map.entry(503, "WeChat is over quota or busy: try later (type wechat-unavailable); the database is out of reach (type "
                    + "database-unavailable: repeat a change with the same Idempotency-Key); or this instance is not ready."));

    private final ObjectNode schemas = Json.MAPPER.createObjectNode();

    private OpenApi() {}

    static byte[] document(List<Route> routes) {
        return Json.write(new OpenApi().build(routes));
    }

    private ObjectNode build(List<Route> routes) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "wxcard: WeChat member cards");
        info.put("version", "1");
        info.put("description", "Every /v1 route needs Authorization: Bearer <API key>; a key sees its own tenant's "
                + "cards only. Errors are RFC 9457 application/problem+json with a stable type "
                + "(https://wxcard.dev/problems/...). Every answer carries X-Request-Id.");
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Route route : routes) {
            ObjectNode path = paths.computeIfAbsent(route.path(), p -> Json.MAPPER.createObjectNode());
            path.set(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode pathsNode = root.putObject("paths");
        paths.forEach(pathsNode::set);
        ObjectNode components = root.putObject("components");
        ObjectNode security = components.putObject("securitySchemes").putObject("apiKey");
        security.put("type", "http");
        security.put("scheme", "bearer");
        security.put("description", "The tenant's API key.");
        schemas.set("Problem", problemSchema());
        components.set("schemas", schemas);
        ObjectNode requestId = components.putObject("headers").putObject(Dispatcher.REQUEST_ID);
        requestId.put("description", "The request's id: the caller's own when it is 1 to 128 of [A-Za-z0-9._:-], "
                + "otherwise a new UUID. Problems carry it as request_id; log lines carry it too.");
        requestId.putObject("schema").put("type", "string");
        return root;
    }

    private ObjectNode operation(Route route) {
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("operationId", route.operationId());
        operation.put("summary", route.summary());
        if (!route.description().isEmpty()) {
            operation.put("description", route.description());
        }
        operation.putArray("tags").add(route.tag());
        ArrayNode security = operation.putArray("security");
        if (route.authenticated()) {
            security.addObject().putArray("apiKey");
        }
        ArrayNode parameters = operation.putArray("parameters");
        for (String name : route.pathParams()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", name);
            parameter.put("in", "path");
            parameter.put("required", true);
            parameter.putObject("schema").put("type", "string");
        }
        route.queryParams().forEach(param -> parameters.add(parameter(param, "query")));
        route.headerParams().forEach(param -> parameters.add(parameter(param, "header")));
        if (route.requestBody() != null && route.linesBody()) {
            operation.set("requestBody", linesBody(route));
        } else if (route.requestBody() != null) {
            ObjectNode body = operation.putObject("requestBody");
            body.put("required", route.requestBodyRequired());
            ObjectNode schema = schemaOf(route.requestBody());
            if (route.requestMediaTypes().contains(Route.MERGE_PATCH)) {
                schema.put("description", "A JSON merge patch (RFC 7396) onto this document: every member is "
                        + "optional, null removes one.");
            }
            ObjectNode content = body.putObject("content");
            route.requestMediaTypes().forEach(type -> content.putObject(type).set("schema", schema.deepCopy()));
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject(Integer.toString(route.successStatus()));
        success.put("description", "Done.");
        ObjectNode successHeaders = success.putObject("headers");
        successHeaders.set(Dispatcher.REQUEST_ID, headerRef());
        for (Route.Param header : route.responseHeaders()) {
            ObjectNode described = successHeaders.putObject(header.name());
            described.put("description", header.description());
            described.putObject("schema").put("type", "string");
        }
        if (route.responseBody() != null) {
            ObjectNode schema = route.pagedResponse() ? pageSchemaOf(route.responseBody()) : schemaOf(route.responseBody());
            ObjectNode content = success.putObject("content");
            content.putObject(route.responseMediaType()).set("schema", schema);
            for (String other : route.otherResponseMediaTypes()) {
                content.putObject(other).putObject("schema").put("type", "string");
            }
        }
        for (int status : route.errorStatuses()) {
            ObjectNode error = responses.putObject(Integer.toString(status));
            error.put("description", ERRORS.getOrDefault(status, "Error."));
            error.putObject("headers").set(Dispatcher.REQUEST_ID, headerRef());
            String mediaType = route.path().startsWith("/wechat/") ? route.responseMediaType() : PROBLEM_JSON;
            error.putObject("content").putObject(mediaType).set("schema", mediaType.equals(PROBLEM_JSON)
                    ? ref("Problem") : Json.MAPPER.createObjectNode().put("type", "string"));
        }
        return operation;
    }

    /**
     * A streamed body of records: text in each media type (OpenAPI has no schema for "one object per line"), with the
     * record's fields as the line schema ({@code x-line-schema}), which is also what a CSV header names.
     */
    private ObjectNode linesBody(Route route) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("required", route.requestBodyRequired());
        ObjectNode line = schemaOf(route.requestBody());
        ObjectNode content = body.putObject("content");
        for (String type : route.requestMediaTypes()) {
            ObjectNode schema = content.putObject(type).putObject("schema");
            schema.put("type", "string");
            schema.put("description", switch (type) {
                case Route.CSV -> "RFC 4180 CSV in UTF-8 (a BOM is allowed): a header row naming columns among the "
                        + "fields of the line schema (openid required, the others in any order, each at most once), "
                        + "then one member per row; an empty cell is an absent value.";
                case Route.NDJSON -> "One JSON object per line, with the fields of the line schema; blank lines are "
                        + "ignored.";
                default -> "One record per line, with the fields of the line schema.";
            });
            schema.set("x-line-schema", line.deepCopy());
        }
        return body;
    }

    private ObjectNode parameter(Route.Param param, String in) {
        ObjectNode parameter = Json.MAPPER.createObjectNode();
        parameter.put("name", param.name());
        parameter.put("in", in);
        parameter.put("required", param.required());
        if (!param.description().isEmpty()) {
            parameter.put("description", param.description());
        }
        ObjectNode schema = parameter.putObject("schema");
        schema.put("type", param.type());
        if (!param.allowed().isEmpty()) {
            ArrayNode values = schema.putArray("enum");
            param.allowed().forEach(values::add);
        }
        return parameter;
    }

    // ---- schemas from records -------------------------------------------------------------------------------------

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = Json.MAPPER.createObjectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = Json.MAPPER.createObjectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
            throw new IllegalArgumentException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Json.MAPPER.createObjectNode().put("type", "string");
        }
        if (c == Integer.class || c == int.class) {
            return Json.MAPPER.createObjectNode().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return Json.MAPPER.createObjectNode().put("type", "integer").put("format", "int64");
        }
        if (c == Double.class || c == double.class) {
            return Json.MAPPER.createObjectNode().put("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return Json.MAPPER.createObjectNode().put("type", "boolean");
        }
        if (c == Object.class) {
            return Json.MAPPER.createObjectNode();
        }
        if (c.isRecord()) {
            if (!schemas.has(c.getSimpleName())) {
                schemas.putObject(c.getSimpleName()); // reserved first: records may nest
                schemas.set(c.getSimpleName(), recordSchema(c));
            }
            return ref(c.getSimpleName());
        }
        throw new IllegalArgumentException("no schema for " + c.getName());
    }

    private ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        Doc doc = record.getAnnotation(Doc.class);
        if (doc != null) {
            schema.put("description", doc.value());
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            ObjectNode property = schemaOf(component.getGenericType());
            Doc fieldDoc = component.getAnnotation(Doc.class);
            if (fieldDoc != null) {
                property.put("description", fieldDoc.value());
            }
            properties.set(name, property);
            if (component.isAnnotationPresent(Required.class)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static String jsonName(RecordComponent component) {
        JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
        return named != null ? named.value() : SNAKE.translate(component.getName());
    }

    private ObjectNode pageSchemaOf(Class<?> itemType) {
        String name = itemType.getSimpleName() + "Page";
        if (!schemas.has(name)) {
            ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ObjectNode items = properties.putObject("items").put("type", "array");
            items.set("items", schemaOf(itemType));
            properties.putObject("total").put("type", "integer").put("format", "int64")
                    .put("description", "How many there are in all.");
            properties.putObject("offset").put("type", "integer").put("format", "int32");
            properties.putObject("limit").put("type", "integer").put("format", "int32");
            schema.putArray("required").add("items").add("total").add("offset").add("limit");
            schemas.set(name, schema);
        }
        return ref(name);
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object")
                .put("description", "An RFC 9457 problem.");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri")
                .put("description", "Stable: https://wxcard.dev/problems/<slug>.");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string").put("description", "What was wrong and what to do.");
        properties.putObject("instance").put("type", "string").put("description", "The request's path.");
        properties.putObject("request_id").put("type", "string").put("description", "The X-Request-Id, also in the log.");
        properties.putObject("code").put("type", "string").put("description", "The domain's rejection code, when "
                + "the domain said no (CARD_NOT_EDITABLE, ...).");
        properties.putObject("wechat_errcode").put("type", "string").put("description", "WeChat's errcode, when WeChat failed.");
        properties.putObject("wechat_error_kind").put("type", "string");
        ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string")
                .put("description", "The JSON path in WeChat's field names, or the parameter or header.");
        ((ObjectNode) error.get("properties")).putObject("message").put("type", "string");
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }

    private static ObjectNode headerRef() {
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/headers/" + Dispatcher.REQUEST_ID);
    }

    private static ObjectNode ref(String name) {
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }
}
