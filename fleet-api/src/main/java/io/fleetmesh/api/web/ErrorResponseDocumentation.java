package io.fleetmesh.api.web;

import io.fleetmesh.api.web.ProblemDocs.Documented;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Every operation under {@code /api/} documents its error answers as problem details: 400 always, 404 where the
 * path names something, 415 where there is a body (as ProblemDetailsAdvice writes them); what a handler alone
 * refuses ({@link Refuses}: 409, 422, ...); and what features know best ({@link ProblemContributor}: the security
 * filters' 401 and 403, the device's 404). One customizer writes them all, so nothing depends on the order in which
 * springdoc runs customizers.
 */
@Component
class ErrorResponseDocumentation implements OperationCustomizer, OpenApiCustomizer {

    /** Carries a {@link Refuses} detail from the handler to {@link #customise}, which removes it. */
    private static final String DETAIL = "x-fleetmesh-refusal-detail";
    private static final String BAD_REQUEST = "Invalid request: a parameter or the body is not valid, not of the"
            + " expected shape, or the URL or a header is malformed.";
    private static final String NOT_FOUND = "What the path names does not exist, or not in the caller's tenant.";
    private static final String UNSUPPORTED = "The body's Content-Type is not one this operation reads, or a wildcard.";

    private final List<ProblemContributor> contributors;

    ErrorResponseDocumentation(List<ProblemContributor> contributors) {
        this.contributors = contributors;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (Refuses refusal : handler.getMethod().getAnnotationsByType(Refuses.class)) {
            String when = refusal.when().isEmpty() ? refusal.detail() : refusal.when();
            operation.getResponses().addApiResponse(String.valueOf(refusal.status()),
                    new ApiResponse().description(when).extensions(new LinkedHashMap<>(Map.of(DETAIL, refusal.detail()))));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(ProblemDocs.SCHEMA_NAME, ProblemDocs.schema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    /**
     * Per status: what the handler declared, and what a feature contributed or else the generic answer. A declared
     * answer is specific enough on its own: a generic example beside it would only blur it.
     */
    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        String instance = ProblemDocs.instance(path, operation);
        Map<String, Documented> generic = generic(path, operation, instance);
        Map<String, Documented> declared = declared(operation.getResponses(), instance);
        Map<String, Documented> contributed = new LinkedHashMap<>();
        contributors.forEach(contributor -> contributor.problems(path, method, operation)
                .forEach((status, answer) -> contributed.merge(status, answer, ErrorResponseDocumentation::join)));
        Map<String, Documented> answers = new LinkedHashMap<>(declared);
        generic.forEach((status, answer) -> answers.putIfAbsent(status, answer));
        contributed.forEach((status, answer) -> answers.put(status, declared.containsKey(status)
                ? join(answer, declared.get(status)) : answer));
        answers.forEach((status, answer) -> operation.getResponses().addApiResponse(status, response(answer)));
    }

    private static Map<String, Documented> generic(String path, Operation operation, String instance) {
        Map<String, Documented> generic = new LinkedHashMap<>();
        boolean body = operation.getRequestBody() != null;
        generic.put("400", badRequest(operation, instance));
        if (!instance.equals(path)) {
            generic.put("404", Documented.of(NOT_FOUND, "notFound", ProblemDocs.example("Nothing with this id", 404,
                    ProblemDocs.defaultTitle(404), notFoundDetail(path), instance, Map.of())));
        }
        if (body) {
            generic.put("415", Documented.of(UNSUPPORTED, "unsupportedMediaType", ProblemDocs.example(
                    "A body of another type", 415, ProblemDocs.defaultTitle(415),
                    "Content-Type 'text/plain;charset=UTF-8' is not supported.", instance, Map.of())));
        }
        return generic;
    }

    /**
     * What every request this operation reads can get wrong: a body that is no JSON of its shape, a parameter that
     * is no UUID, a query string that is no UTF-8 (in that order, one example); and the firewall's refusal of a URL.
     */
    private static Documented badRequest(Operation operation, String instance) {
        Map<String, Example> examples = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Parameter uuid = parameters.stream().filter(parameter -> parameter.getSchema() != null
                && "uuid".equals(parameter.getSchema().getFormat())).findFirst().orElse(null);
        if (operation.getRequestBody() != null) {
            examples.put("malformedBody", ProblemDocs.example("A body that is not JSON of the expected shape", 400,
                    ProblemDetailsAdvice.INVALID, ProblemDetailsAdvice.MALFORMED_BODY, instance, Map.of("errors", List.of())));
        } else if (uuid != null) {
            examples.put("wrongType", ProblemDocs.example(uuid.getName() + " is not a UUID", 400, ProblemDetailsAdvice.INVALID,
                    ProblemDetailsAdvice.WRONG_TYPE, instance, Map.of("errors", List.of(Map.of("field", uuid.getName(),
                            "message", "has the wrong type")))));
        } else if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
            examples.put("unreadableQuery", ProblemDocs.example("A query string that is not UTF-8", 400,
                    ProblemDetailsAdvice.INVALID, ProblemDetailsAdvice.UNREADABLE_QUERY, instance, Map.of()));
        }
        examples.put("requestRejected", ProblemDocs.filterExample("A URL the firewall refuses", 400, ProblemDocs.REJECTED,
                ProblemDocs.REJECTED_DETAIL));
        return new Documented(BAD_REQUEST, examples);
    }

    /** As the features word it: {@code /api/v1/rules/{key}} is "There is no rule with this key." */
    private static String notFoundDetail(String path) {
        String before = path.substring(0, path.indexOf('{') - 1);
        String noun = before.substring(before.lastIndexOf('/') + 1).replaceAll("s$", "").replace('-', ' ');
        String name = path.substring(path.indexOf('{') + 1, path.indexOf('}'));
        return "There is no " + noun + " with this " + (name.equals("key") ? "key" : "id") + ".";
    }

    /** The error answers already on the operation: from {@link Refuses}, or a swagger annotation's. */
    private static Map<String, Documented> declared(ApiResponses responses, String instance) {
        Map<String, Documented> declared = new LinkedHashMap<>();
        responses.forEach((status, response) -> {
            if (isError(status)) {
                MediaType problem = response.getContent() == null ? null : response.getContent().get(ProblemDocs.MEDIA_TYPE);
                Map<String, Example> examples = problem == null || problem.getExamples() == null ? Map.of() : problem.getExamples();
                Object detail = response.getExtensions() == null ? null : response.getExtensions().remove(DETAIL);
                declared.put(status, examples.isEmpty() ? Documented.of(response.getDescription(), name(status),
                        ProblemDocs.example(response.getDescription(), Integer.parseInt(status),
                                ProblemDocs.defaultTitle(Integer.parseInt(status)),
                                detail != null ? detail.toString() : response.getDescription(), instance, Map.of()))
                        : new Documented(response.getDescription(), examples));
            }
        });
        return declared;
    }

    /** An example's name from its status's phrase: "unprocessableContent". */
    private static String name(String status) {
        String[] words = ProblemDocs.defaultTitle(Integer.parseInt(status)).split(" ");
        StringBuilder name = new StringBuilder(words[0].toLowerCase());
        for (int i = 1; i < words.length; i++) {
            name.append(words[i].substring(0, 1).toUpperCase()).append(words[i].substring(1).toLowerCase());
        }
        return name.toString();
    }

    private static Documented join(Documented first, Documented second) {
        Map<String, Example> examples = new LinkedHashMap<>(first.examples());
        second.examples().forEach(examples::putIfAbsent);
        return new Documented(first.description() + " Or: " + second.description(), examples);
    }

    /** Only the problem: an error is never a success's body (springdoc may have given it the method's). */
    private static ApiResponse response(Documented answer) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref(ProblemDocs.SCHEMA_REF));
        problem.setExamples(new LinkedHashMap<>(answer.examples()));
        return new ApiResponse().description(answer.description()).content(new Content().addMediaType(ProblemDocs.MEDIA_TYPE, problem));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
    }
}
