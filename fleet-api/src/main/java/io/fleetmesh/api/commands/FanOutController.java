package io.fleetmesh.api.commands;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/fanouts}: one tracked command per device of a tag or a list (202 with the fan-out's
 * progress); {@code GET /api/v1/fanouts/{id}}: how many are in each state. The commands are listed with
 * {@code GET /api/v1/commands?fanout=<id>}.
 */
@RestController
class FanOutController {

    private final FanOuts fanOuts;
    private final CurrentTenant tenant;

    FanOutController(FanOuts fanOuts, CurrentTenant tenant) {
        this.fanOuts = fanOuts;
        this.tenant = tenant;
    }

    @PostMapping("/api/v1/fanouts")
    @Refuses(status = 422, detail = "No registered device matches the target.")
    ResponseEntity<FanOutView> create(@Valid @RequestBody FanOut fanOut) {
        FanOutView started = fanOuts.start(tenant.caller(), fanOut);
        return ResponseEntity.accepted().location(URI.create("/api/v1/fanouts/" + started.id())).body(started);
    }

    @GetMapping("/api/v1/fanouts/{id}")
    @Refuses(status = 404, detail = FanOuts.NO_SUCH_FAN_OUT)
    FanOutView get(@PathVariable UUID id) {
        return fanOuts.find(tenant.id(), id);
    }
}
