package io.fleetmesh.api.identity;

import io.fleetmesh.api.web.ProblemDocs;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. {@code /api/**}: API keys ({@code Bearer}), operators' Basic credentials for scripts, or the
 * dashboard's session (CSRF-checked); VIEWER may read, OPERATOR may also write, ADMIN manages access. The rest:
 * the dashboard with form login; health, Prometheus and the OpenAPI document are public.
 */
@Configuration
class SecurityConfiguration {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern TILE_ORIGIN = Pattern.compile("^(https?://[A-Za-z0-9.{}:-]+)(/|$)");
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's firewall refuses some requests before authentication (an encoded slash, "..", "//", a control
     * character in a header): under /api/ with a problem detail, as every other client error; elsewhere as before.
     */
    @Bean
    static RequestRejectedHandler requestRejectedHandler() {
        RequestRejectedHandler errorPage = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                ProblemResponses.write(response, 400, ProblemDocs.REJECTED, ProblemDocs.REJECTED_DETAIL);
            } else {
                errorPage.handle(request, response, rejected);
            }
        };
    }

    /** The operators' and the API keys' providers (each in its feature), publishing success and failure events. */
    @Bean
    AuthenticationManager authenticationManager(List<AuthenticationProvider> providers, ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/operators/me/**").hasRole("VIEWER")
                        .requestMatchers("/api/v1/api-keys/**", "/api/v1/operators/**", "/api/v1/audit/**",
                                "/api/v1/devices/*/credentials", "/api/v1/webhooks/**").hasRole("ADMIN")
                        // the catalogue changes how every operator of the tenant reads its fleet
                        .requestMatchers(HttpMethod.PUT, "/api/v1/metric-catalogue/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/metric-catalogue/**").hasRole("ADMIN")
                        // so do the fleet's trip thresholds
                        .requestMatchers(HttpMethod.PUT, "/api/v1/trip-settings").hasRole("ADMIN")
                        // what runs on the trucks: only administrators upload it or take it away
                        .requestMatchers(HttpMethod.PUT, "/api/v1/packages/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/packages/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rollouts", "/api/v1/rollouts/**").hasRole("ADMIN")
                        // mappings reroute the tenant's data on the hub: administrators change them
                        .requestMatchers(HttpMethod.PUT, "/api/v1/subject-mappings").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/subject-mappings/versions/**").hasRole("ADMIN")
                        // a tap hands the tenant's data to another system: administrators open, move and close them
                        .requestMatchers(HttpMethod.POST, "/api/v1/taps", "/api/v1/taps/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/taps/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .anyRequest().hasRole("OPERATOR"))
                .addFilterBefore(new BearerTokenFilter(authentication, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::carriesAmbientCredentials))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // an API client is never sent to a login page and back: nothing to save (saving a stranger's request
                // read its query string before the 401, and kept it in a new session)
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers(headers, CSP))
                .build();
    }

    @Bean
    SecurityFilterChain site(HttpSecurity http, AuthenticationManager authentication,
                             @Value("${fleetmesh.ui.map.tiles:}") String mapTiles) throws Exception {
        return http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/login", "/error", "/css/**", "/js/**", "/webjars/**")
                                .permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // what runs on the trucks and where their data goes (mappings, taps) are the administrators'
                        // to change, as in the API
                        .requestMatchers(HttpMethod.POST, "/rollouts", "/rollouts/**", "/packages", "/mappings", "/mappings/**",
                                "/taps", "/taps/**")
                                .hasRole("ADMIN")
                        // the dashboard's forms act on the fleet: as in the API, viewers only look
                        .requestMatchers(HttpMethod.POST, "/devices/**", "/alerts/**", "/rules/**", "/geofences/**", "/imports",
                                "/notifications/**", "/maintenance/**", "/drivers", "/drivers/**", "/commands/**",
                                "/reports/schedules", "/reports/schedules/**")
                                .hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .headers(headers -> headers(headers, CSP + imagesFrom(mapTiles)))
                .build();
    }

    /**
     * Map tiles are the dashboard's only content from elsewhere: their origin may serve images, nothing else. A tile
     * server on this origin (a relative template) needs no origin of its own.
     */
    private static String imagesFrom(String mapTiles) {
        Matcher origin = TILE_ORIGIN.matcher(mapTiles);
        // data: for the blank image Leaflet puts in a tile it unloads
        return "; img-src 'self' data:" + (origin.find() ? " " + origin.group(1).replace("{s}", "*") : "");
    }

    /**
     * A browser attaches the session cookie by itself, never an Authorization header: only a state-changing request
     * riding on a session can be forged. Without one there is nothing to forge, and the caller gets a plain 401.
     */
    private static boolean carriesAmbientCredentials(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
