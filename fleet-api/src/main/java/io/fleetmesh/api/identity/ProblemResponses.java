package io.fleetmesh.api.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details. No {@code WWW-Authenticate: Basic} challenge: a browser never caches
 * Basic credentials for this site, which is what lets the API skip CSRF checks for requests that carry them.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    // also the OpenAPI document's examples (AccessDocumentation)
    static final String UNAUTHORIZED = "Unauthorized";
    static final String UNAUTHORIZED_DETAIL = "Authenticate with an API key (Authorization: Bearer <key>) or as an operator.";
    static final String FORBIDDEN = "Forbidden";
    static final String FORBIDDEN_DETAIL = "Your role does not allow this, or the request lacks its CSRF token.";

    private static final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, 401, UNAUTHORIZED, UNAUTHORIZED_DETAIL);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, FORBIDDEN, FORBIDDEN_DETAIL);
    }

    static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
