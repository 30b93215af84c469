package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.apikeys.ApiKeyEvents.ApiKeyCreated;
import io.fleetmesh.api.apikeys.ApiKeyEvents.ApiKeyRevoked;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** API keys of the caller's tenant (ADMIN only): created with the token shown once, listed, revoked. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private static final String NO_SUCH_KEY = "No such API key.";

    private final ApiKeyRepository keys;
    private final CurrentTenant tenant;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiKeyController(ApiKeyRepository keys, CurrentTenant tenant, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.tenant = tenant;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    ResponseEntity<CreatedApiKey> create(@Valid @RequestBody NewApiKey request) {
        Caller caller = tenant.caller();
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKey key = keys.save(new ApiKey(caller.tenantId(), request, token, caller.name(), clock.instant()));
        events.publishEvent(new ApiKeyCreated(caller.tenantId(), token.prefix(), request.name(), request.role(), caller.name()));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.view().id()))
                .body(new CreatedApiKey(key.view(), token.toString()));
    }

    @GetMapping
    List<ApiKeyView> list() {
        return keys.findByTenantIdOrderByCreatedAtDesc(tenant.id()).stream().map(ApiKey::view).toList();
    }

    /** Revokes at once: the next request with the key is refused. 404 for another tenant's key. */
    @DeleteMapping("/{id}")
    @Refuses(status = 404, detail = NO_SUCH_KEY)
    @Transactional
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        Caller caller = tenant.caller();
        ApiKey key = keys.findByIdAndTenantId(id, caller.tenantId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_KEY));
        key.revoke(clock.instant());
        events.publishEvent(new ApiKeyRevoked(caller.tenantId(), key.view().prefix(), caller.name()));
        return ResponseEntity.noContent().build();
    }
}
