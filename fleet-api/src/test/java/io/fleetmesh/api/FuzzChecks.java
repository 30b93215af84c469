package io.fleetmesh.api;

import io.fleetmesh.api.FuzzExchange.FuzzResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The properties every answer to every request must have, however hostile the request. */
final class FuzzChecks {

    /** What a body shows when it leaks a stack trace, an exception, SQL or framework internals. */
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "java.", "org.springframework",
            "org.hibernate", "SQLState", "PSQLException", "ERROR:  ", "jakarta.", "tools.jackson", "com.zaxxer",
            "Apache Tomcat/");
    /** The start of Tomcat's own error page. */
    private static final String CONTAINER_PAGE = "<!doctype html><html lang=\"en\"><head><title>HTTP Status 400";
    private static final JsonMapper json = JsonMapper.builder().build();

    private FuzzChecks() {
    }

    /** Each broken property, described; none if the answer is fine. */
    static List<String> violations(FuzzRequest request, FuzzResponse response) {
        List<String> broken = new ArrayList<>();
        if (response.status() >= 500 && !needsTheHub(request, response)) {
            broken.add("server error " + response.status());
        }
        LEAKS.stream().filter(leak -> response.body().contains(leak) && !request.contains(leak))
                .forEach(leak -> broken.add("body leaks internals (" + leak.strip() + ")"));
        if (response.status() == 409 && request.method().equals("GET")) {
            broken.add("a read conflicts with nothing, yet answered 409");
        }
        boolean refusedEarly = refusedByContainer(request, response) || refusedByFirewall(response);
        if (!request.authenticated() && response.status() != 401 && !refusedEarly) {
            broken.add("without valid credentials the answer must be 401, was " + response.status());
        }
        if (response.status() >= 400 && response.status() < 500 && !response.body().isEmpty()
                && !refusedByContainer(request, response)) {
            problem(response).ifPresent(broken::add);
        }
        return broken;
    }

    /**
     * The test hub runs without operator mode: only the default tenant has a link to it, not the fuzzer's own, so
     * its live readings, package uploads and taps (consumers in its account) are unavailable by design (503; with no
     * body when the request accepts nothing a problem can be written in). Every other operation of that tenant works
     * without a link.
     */
    private static boolean needsTheHub(FuzzRequest request, FuzzResponse response) {
        return response.status() == 503 && (request.url().contains("/telemetry/live")
                && response.body().contains("The hub is not reachable from this replica")
                || request.url().contains("/api/v1/packages/") && response.body().contains("not linked to the hub")
                || request.url().contains("/api/v1/taps") && (response.body().contains("not linked to the hub")
                        || response.body().isEmpty()));
    }

    /**
     * Tomcat refuses some requests before any filter or servlet runs, so before authentication and with its own
     * HTML page rather than a problem detail: invalid UTF-8 or an encoded slash in the path, a request line or
     * header over its 8 KB limit. Only requests generated to be odd in just these ways may get it.
     */
    private static boolean refusedByContainer(FuzzRequest request, FuzzResponse response) {
        return request.oddUrl() && response.status() == 400 && response.contentType().startsWith("text/html")
                && response.body().startsWith(CONTAINER_PAGE);
    }

    /** Spring Security's firewall refuses malformed URLs before authentication, with its own problem detail. */
    private static boolean refusedByFirewall(FuzzResponse response) {
        return response.status() == 400 && response.contentType().startsWith("application/problem+json")
                && response.body().contains("\"title\":\"Request rejected\"");
    }

    /** A client error's body is an RFC 9457 problem detail whose status is the answer's. */
    private static Optional<String> problem(FuzzResponse response) {
        if (!response.contentType().startsWith("application/problem+json")) {
            return Optional.of("a " + response.status() + " body is " + response.contentType()
                    + ", not application/problem+json");
        }
        try {
            JsonNode status = json.readTree(response.body()).path("status");
            return status.asInt(-1) == response.status() ? Optional.empty()
                    : Optional.of("problem status " + status + " is not the HTTP status " + response.status());
        } catch (RuntimeException unreadable) {
            return Optional.of("problem detail is not JSON");
        }
    }
}
