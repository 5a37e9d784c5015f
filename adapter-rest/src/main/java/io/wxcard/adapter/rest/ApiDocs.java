package io.wxcard.adapter.rest;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document, in swagger-core's models: each routes class describes its operations next to the handlers it
 * registers, and swagger-core's {@link ModelResolver}, reading the JSON records through the API's own ObjectMapper,
 * makes their schemas (snake_case names, {@code @Schema} descriptions and required fields). The schemas are resolved
 * when the document is first written, not at registration: resolving them is most of what the document costs (over
 * a second of a cold start), and only a reader of {@code /openapi.json} needs them.
 */
final class ApiDocs {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
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
            Map.entry(503, "WeChat is over quota or busy: try later (type wechat-unavailable); the database is out of "
                    + "reach (type database-unavailable: repeat a change with the same Idempotency-Key); or this "
                    + "instance is not ready."));

    /** The records whose schemas the document refers to, resolved by {@link #json()}. */
    private final Set<Class<?>> records = new LinkedHashSet<>();
    private final Map<String, Schema> schemas = new TreeMap<>();
    private final OpenAPI openApi = new OpenAPI()
            .openapi("3.1.0")
            .info(new Info().title("wxcard: WeChat member cards").version("1").description("Every /v1 route needs "
                    + "Authorization: Bearer <API key>; a key sees its own tenant's cards only. Errors are RFC 9457 "
                    + "application/problem+json with a stable type (https://wxcard.dev/problems/...). Every answer "
                    + "carries X-Request-Id."))
            .paths(new Paths())
            .components(new Components()
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("The tenant's API key."))
                    .addHeaders(Access.REQUEST_ID, new Header().schema(new StringSchema()).description("The request's "
                            + "id: the caller's own when it is 1 to " + Access.MAX_REQUEST_ID + " of [A-Za-z0-9._:-], otherwise a new UUID. "
                            + "Problems carry it as request_id; log lines carry it too.")));

    ApiDocs() {
        schemas.put("Problem", new ObjectSchema().description("An RFC 9457 problem.")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema()).addProperty("request_id", new StringSchema())
                .addProperty("code", new StringSchema().description("The domain's rejection code, for rejections."))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status", "detail")));
    }

    /**
     * A new operation at {@code method path}: its path parameters, its security ({@code /v1} routes need the API key),
     * the error statuses every route may answer, and {@code errors}.
     */
    Operation operation(PathItem.HttpMethod method, String path, String operationId, String summary, String tag,
                        Integer... errors) {
        boolean apiKey = path.startsWith("/v1/");
        Operation operation = new Operation().operationId(operationId).summary(summary).addTagsItem(tag)
                .security(apiKey ? List.of(new SecurityRequirement().addList("apiKey")) : List.of())
                .responses(new ApiResponses());
        Matcher names = PATH_PARAM.matcher(path);
        while (names.find()) {
            operation.addParametersItem(new Parameter().in("path").name(names.group(1)).required(true)
                    .schema(new StringSchema()));
        }
        for (Integer status : errors) {
            error(operation, status);
        }
        if (apiKey) {
            error(operation, 401);
            error(operation, 400);
        }
        error(operation, 500);
        openApi.getPaths().computeIfAbsent(path, p -> new PathItem()).operation(method, operation);
        return operation;
    }

    private void error(Operation operation, int status) {
        operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                .description(ERRORS.getOrDefault(status, "HTTP " + status))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem")))));
    }

    static Parameter query(String name, String description, String... allowed) {
        StringSchema schema = new StringSchema();
        if (allowed.length > 0) {
            schema._enum(List.of(allowed));
        }
        return new Parameter().in("query").name(name).description(description).required(false).schema(schema);
    }

    static Parameter header(String name, String description) {
        return new Parameter().in("header").name(name).description(description).required(true).schema(new StringSchema());
    }

    /** A request body of this record type, in each of the media types (application/json when none is named). */
    RequestBody body(Class<?> type, boolean required, String... mediaTypes) {
        Content content = new Content();
        for (String mediaType : mediaTypes.length == 0 ? new String[] {Params.JSON} : mediaTypes) {
            content.addMediaType(mediaType, new MediaType().schema(type == String.class ? new StringSchema() : schema(type)));
        }
        return new RequestBody().required(required).content(content);
    }

    /** A successful answer with a body of this type (a JSON record, or text for String), in this media type. */
    ApiResponse answer(String description, Class<?> type, String mediaType) {
        Schema<?> schema = type == String.class ? new StringSchema() : type == Object.class ? new ObjectSchema() : schema(type);
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(mediaType, new MediaType().schema(schema)));
    }

    ApiResponse answer(Class<?> type) {
        return answer("OK", type, Params.JSON);
    }

    /** One page of a listing of this item type: {@link PageResource}. */
    ApiResponse page(Class<?> itemType) {
        Schema<?> page = new ObjectSchema()
                .addProperty("items", new ArraySchema().items(schema(itemType)))
                .addProperty("total", new IntegerSchema().format("int64"))
                .addProperty("offset", new IntegerSchema()).addProperty("limit", new IntegerSchema())
                .required(List.of("items", "total", "offset", "limit"));
        return new ApiResponse().description("One page, and how many there are in all")
                .content(new Content().addMediaType(Params.JSON, new MediaType().schema(page)));
    }

    static List<Parameter> pageQuery() {
        return List.of(query("offset", "Items to skip; 0 when absent."), query("limit", "At most 1 to 200 items; 50 when absent."));
    }

    /** A reference to the record's schema, which {@link #json()} makes (with those of its fields' records). */
    synchronized Schema<?> schema(Class<?> type) {
        records.add(type);
        return ref(type.getSimpleName());
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /** The query parameters the document gives the operation: what the route takes (others are refused). */
    Set<String> queryNames(String method, String path) {
        PathItem item = openApi.getPaths().get(path);
        Operation operation = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        if (operation == null || operation.getParameters() == null) {
            return Set.of();
        }
        return operation.getParameters().stream().filter(p -> p.getIn().equals("query")).map(Parameter::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The document, as JSON, its schemas resolved now. */
    synchronized byte[] json() {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new ModelResolver(Json.MAPPER.copy()));
        records.forEach(type -> converters.readAll(new AnnotatedType(type)).forEach(schemas::putIfAbsent));
        openApi.getComponents().setSchemas(new TreeMap<>(schemas));
        try {
            return io.swagger.v3.core.util.Json.mapper().writeValueAsBytes(openApi);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document could not be written", e);
        }
    }
}
