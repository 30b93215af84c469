package io.fleetmesh.api.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An operator whose password someone else chose (the first administrator's generated one) may do one thing until
 * they change it: change it. The dashboard sends them to its password page, the API answers 403 elsewhere.
 */
public final class PasswordChangeGate extends OncePerRequestFilter {

    static final String DASHBOARD_PAGE = "/account/password";
    static final String API_ENDPOINT = "/api/v1/operators/me/password";
    private static final String REQUIRED = "PASSWORD_CHANGE_REQUIRED";
    // also the OpenAPI document's example (AccessDocumentation)
    static final String TITLE = "Password change required";
    static final String DETAIL = "Change your password first: PUT " + API_ENDPOINT + ".";
    private static final List<String> DASHBOARD_ALLOWED = List.of(DASHBOARD_PAGE, "/logout", "/login", "/css/", "/js/", "/error");

    /** The authentication of an operator who must change their password before anything else. */
    public static Authentication pending(Caller caller) {
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority(caller.role().authority()), new SimpleGrantedAuthority(REQUIRED)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mustChangePassword() || allowed(request.getRequestURI())) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")) {
            ProblemResponses.write(response, 403, TITLE, DETAIL);
        } else {
            response.sendRedirect(DASHBOARD_PAGE);
        }
    }

    private static boolean mustChangePassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> REQUIRED.equals(authority.getAuthority()));
    }

    private static boolean allowed(String path) {
        return path.equals(API_ENDPOINT) || DASHBOARD_ALLOWED.stream().anyMatch(path::startsWith);
    }
}
