package io.fleetmesh.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document: its parameters and request body with their schemas, and whether it answers
 * with a server-sent event stream (which never ends by itself).
 */
record ApiOperation(String method, String path, List<Parameter> parameters, Body body, boolean streams) {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body's media type and schema; null if the operation takes none. */
    record Body(String mediaType, JsonNode schema, boolean required) {
    }

    String key() {
        return method + " " + path;
    }

    /**
     * Every operation under {@code /api/}, the DELETEs last: deleting the fuzzer's own fixtures first would leave
     * the other operations nothing real to hit.
     */
    static List<ApiOperation> under(String prefix, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : METHODS) {
                if (path.getKey().startsWith(prefix) && path.getValue().has(method)) {
                    operations.add(of(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        operations.sort(Comparator.comparing((ApiOperation op) -> op.method().equals("DELETE")).thenComparing(ApiOperation::key));
        return operations;
    }

    private static ApiOperation of(String method, String path, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.add(new Parameter(parameter.get("name").stringValue(), parameter.get("in").stringValue(),
                    parameter.path("required").asBoolean(false), parameter.path("schema")));
        }
        return new ApiOperation(method, path, parameters, body(operation.get("requestBody")),
                operation.path("responses").path("200").path("content").has("text/event-stream"));
    }

    private static Body body(JsonNode requestBody) {
        if (requestBody == null) {
            return null;
        }
        Map.Entry<String, JsonNode> content = requestBody.get("content").properties().iterator().next();
        return new Body(content.getKey(), content.getValue().path("schema"), requestBody.path("required").asBoolean(false));
    }
}
