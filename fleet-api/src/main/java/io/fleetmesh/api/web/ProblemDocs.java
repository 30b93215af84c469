package io.fleetmesh.api.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * How the OpenAPI document shows an error answer: {@code application/problem+json} with the {@code ProblemDetail}
 * schema and examples shaped as the app writes them (ErrorResponseDocumentation writes them; features contribute
 * theirs as a {@link ProblemContributor}).
 */
public final class ProblemDocs {

    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** What ProblemDetailsAdvice answers for a unique key or a version the request lost to a concurrent one. */
    public static final String RELOAD_AND_RETRY = "The request conflicts with the current state; reload and retry.";

    /** The firewall's refusal before authentication (SecurityConfiguration), which any operation may get. */
    public static final String REJECTED = "Request rejected";
    public static final String REJECTED_DETAIL = "The request's URL or headers are not acceptable: no encoded slash,"
            + " backslash, percent sign or dot, no empty or '..' segment.";
    /** The device id in examples, and the id of a path that is no UUID. */
    public static final String SAMPLE_ID = "truck-17";

    static final String SCHEMA_NAME = "ProblemDetail";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA_NAME;
    private static final String SAMPLE_UUID = "0b7e6a52-3c1d-4f0e-9a8b-2d5c7e9f1a34";

    private ProblemDocs() {
    }

    /** One error answer of an operation: when it happens, and examples of its body. */
    public record Documented(String description, Map<String, Example> examples) {

        public Documented {
            examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
        }

        public static Documented of(String description, String name, Example example) {
            return new Documented(description, Map.of(name, example));
        }
    }

    /**
     * A problem detail as Spring writes ProblemDetailsAdvice's (and its own): with the request's path as
     * {@code instance}, no {@code type} (about:blank, which RFC 9457 says an absent type means).
     */
    public static Example example(String summary, int status, String title, String detail, String instance,
                                  Map<String, Object> properties) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        value.put("instance", instance);
        value.putAll(properties);
        return new Example().summary(summary).value(value);
    }

    /** A problem detail as the security filters write it (identity's ProblemResponses): a type, no instance. */
    public static Example filterExample(String summary, int status, String title, String detail) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "about:blank");
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        return new Example().summary(summary).value(value);
    }

    /** The title a problem detail has when nobody set one: the status's reason phrase. */
    public static String defaultTitle(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** The operation's path as a request names it, for an example's {@code instance}: a UUID for ids that are one. */
    public static String instance(String path, Operation operation) {
        String instance = path;
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            if ("path".equals(parameter.getIn())) {
                boolean uuid = parameter.getSchema() != null && "uuid".equals(parameter.getSchema().getFormat());
                instance = instance.replace("{" + parameter.getName() + "}", uuid ? SAMPLE_UUID : SAMPLE_ID);
            }
        }
        return instance;
    }

    /** RFC 9457's members; an answer may carry more (a 400's {@code errors}, the {@code deviceId} not found). */
    static Schema<?> schema() {
        Schema<Object> error = object("One refused field or parameter.")
                .addProperty("field", string(null, "The field or parameter."))
                .addProperty("message", string(null, "What is wrong with it."));
        return object("An RFC 9457 problem detail: what went wrong, for the client.")
                .addProperty("type", string("uri-reference", "about:blank, or absent (the same): the status says what kind"
                        + " of problem.")
                        ._default("about:blank"))
                .addProperty("title", string(null, "A short summary, the same for every occurrence of the problem."))
                .addProperty("status", new Schema<Integer>().type("integer").types(Set.of("integer")).format("int32")
                        .description("The HTTP status."))
                .addProperty("detail", string(null, "What happened this time, written for the client."))
                .addProperty("instance", string("uri-reference", "The request's path (not on 401 and 403)."))
                .addProperty("errors", new Schema<Object>().type("array").types(Set.of("array")).items(error)
                        .description("On a 400 from validation: each refused field or parameter."))
                .required(List.of("status"))
                .additionalProperties(true);
    }

    private static Schema<Object> object(String description) {
        return new Schema<>().type("object").types(Set.of("object")).description(description);
    }

    private static Schema<String> string(String format, String description) {
        return new Schema<String>().type("string").types(Set.of("string")).format(format).description(description);
    }
}
