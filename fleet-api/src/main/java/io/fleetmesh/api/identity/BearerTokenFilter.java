package io.fleetmesh.api.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} for this request only (no session). The context is kept in
 * the request's attributes, as Spring's own filters keep theirs: a server-sent event stream's later ASYNC dispatch
 * (when it completes or times out) is authorized with it, instead of being denied on an already committed response.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AuthenticationEntryPoint rejected;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(AuthenticationManager authentication, AuthenticationEntryPoint rejected) {
        this.authentication = authentication;
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            var caller = authentication.authenticate(new BearerToken(header.substring(BEARER.length()).trim()));
            SecurityContext context = new SecurityContextImpl(caller);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            rejected.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
