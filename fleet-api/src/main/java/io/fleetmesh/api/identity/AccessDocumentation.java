package io.fleetmesh.api.identity;

import io.fleetmesh.api.web.ProblemContributor;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.ProblemDocs.Documented;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document says how to authenticate (an API key as a bearer token, or an operator's Basic credentials)
 * and which role each operation under {@code /api/} needs. The role is not a list kept here: each operation's path
 * and method are put to the same authorization rules a request meets (SecurityConfiguration's filter chains, through
 * Spring Security's privilege evaluator), as a caller of each role, lowest first. The 401 and 403 the filters
 * answer themselves are documented here too.
 */
@Component
class AccessDocumentation implements OpenApiCustomizer, ProblemContributor {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
    static final String ROLE_EXTENSION = "x-required-role";
    static final String PUBLIC = "none";
    private static final String NOBODY = "nobody";
    private static final List<Role> LOWEST_FIRST = List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN);
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi-document",
            "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final WebInvocationPrivilegeEvaluator privileges;

    AccessDocumentation(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("fmk_<prefix>_<secret>").description("An API key, created by an ADMIN"
                        + " with POST /api/v1/api-keys (its token is shown once): Authorization: Bearer <token>. The"
                        + " key's role applies."));
        openApi.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("An operator's username and password, for scripts; the operator's role"
                        + " applies. Five wrong passwords lock the name for a few minutes."));
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        String required = requiredRole(path, method, operation);
        operation.addExtension(ROLE_EXTENSION, required);
        if (required.equals(PUBLIC)) {
            operation.setSecurity(List.of());
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY, required),
                new SecurityRequirement().addList(BASIC, required)));
        operation.setDescription(join(operation.getDescription(), required.equals(NOBODY)
                ? "No role may call this operation." : needs(Role.valueOf(required))));
    }

    /** The lowest role allowed; PUBLIC if anybody may call it, authenticated or not, NOBODY if no role may. */
    private String requiredRole(String path, PathItem.HttpMethod method, Operation operation) {
        String uri = ProblemDocs.instance(path, operation);
        if (privileges.isAllowed("", uri, method.name(), ANONYMOUS)) {
            return PUBLIC;
        }
        return LOWEST_FIRST.stream().filter(candidate -> privileges.isAllowed("", uri, method.name(),
                new Caller(new UUID(0, 0), "openapi-document", candidate).authenticated())).findFirst()
                .map(Role::name).orElse(NOBODY);
    }

    private static String needs(Role role) {
        return "Requires the " + role + " role" + switch (role) {
            case VIEWER -> " (OPERATOR and ADMIN include it).";
            case OPERATOR -> " (ADMIN includes it).";
            case ADMIN -> ".";
        };
    }

    /**
     * The answers of the security filters themselves (ProblemResponses, PasswordChangeGate). Every caller has a role,
     * VIEWER at least, and safe methods need no CSRF token: a GET for viewers is refused only to an operator who must
     * change their password.
     */
    @Override
    public Map<String, Documented> problems(String path, PathItem.HttpMethod method, Operation operation) {
        String required = requiredRole(path, method, operation);
        if (required.equals(PUBLIC)) {
            return Map.of();
        }
        List<String> why = new ArrayList<>();
        if (!required.equals(Role.VIEWER.name())) {
            why.add("the caller's role is below " + required + " (" + ROLE_EXTENSION + ")");
        }
        if (!SecurityConfiguration.SAFE_METHODS.contains(method.name())) {
            why.add("a dashboard session's request lacks its CSRF token");
        }
        Map<String, Example> forbidden = new LinkedHashMap<>();
        if (!why.isEmpty()) {
            forbidden.put("forbidden", ProblemDocs.filterExample(capitalized(String.join(", or ", why)), 403,
                    ProblemResponses.FORBIDDEN, ProblemResponses.FORBIDDEN_DETAIL));
        }
        if (!path.equals(PasswordChangeGate.API_ENDPOINT)) {
            why.add("an operator must change a temporary password first");
            forbidden.put("passwordChangeRequired", ProblemDocs.filterExample("An operator's temporary password", 403,
                    PasswordChangeGate.TITLE, PasswordChangeGate.DETAIL));
        }
        return Map.of("401", Documented.of("No credentials, or unknown, expired, revoked or wrong ones.", "unauthorized",
                        ProblemDocs.filterExample("Not authenticated", 401, ProblemResponses.UNAUTHORIZED,
                                ProblemResponses.UNAUTHORIZED_DETAIL)),
                "403", new Documented(capitalized(String.join("; or ", why)) + ".", forbidden));
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase() + text.substring(1);
    }

    private static String join(String description, String access) {
        return description == null || description.isBlank() ? access : description + "\n\n" + access;
    }
}
