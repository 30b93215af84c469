package io.fleetmesh.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body's Content-Type names one media type: a body typed {@code *}{@code /*} or {@code application/*} is
 * refused with 415 before any handler reads it, as Spring's body reading fails on a wildcard with an
 * IllegalArgumentException (a 500), even when the body is empty. An unparseable Content-Type Spring refuses with
 * 415 itself; a handler that reads no body is left alone, whatever the request's Content-Type.
 */
@Configuration
class ConcreteContentTypes implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header != null && readsBody(handler) && isWildcard(header)) {
            throw new HttpMediaTypeNotSupportedException("Content-Type must name one media type, not a wildcard.");
        }
        return true;
    }

    private static boolean readsBody(Object handler) {
        return handler instanceof HandlerMethod method && Arrays.stream(method.getMethodParameters()).anyMatch(parameter ->
                parameter.hasParameterAnnotation(RequestBody.class) || HttpEntity.class.isAssignableFrom(parameter.getParameterType()));
    }

    private static boolean isWildcard(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }
}
