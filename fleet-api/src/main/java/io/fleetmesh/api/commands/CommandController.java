package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands: {@code POST /api/v1/devices/{id}/commands} queues one (202, or with {@code ?wait=PT5S} the truck's answer,
 * 200); lists per device and fleet-wide with filters; {@code POST /api/v1/commands/{id}/cancel}.
 */
@RestController
@Validated
class CommandController {

    private final CommandIntake intake;
    private final CommandRepository commands;
    private final CommandHistory history;
    private final CommandCancellation cancellation;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;

    CommandController(CommandIntake intake, CommandRepository commands, CommandHistory history,
                      CommandCancellation cancellation, DeviceDirectory directory, CurrentTenant tenant) {
        this.intake = intake;
        this.commands = commands;
        this.history = history;
        this.cancellation = cancellation;
        this.directory = directory;
        this.tenant = tenant;
    }

    /** 202 while queued, 200 with the truck's answer; a replayed Idempotency-Key answers 200 with the first command. */
    @PostMapping("/api/v1/devices/{deviceId}/commands")
    @Refuses(status = 422, detail = "This Idempotency-Key was used for a different command.")
    ResponseEntity<CommandView> create(@PathVariable String deviceId, @Valid @RequestBody NewCommand body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
            @RequestParam(required = false) Duration wait) {
        CommandIntake.Taken taken = intake.submit(tenant.caller(), deviceId, body, idempotencyKey, wait);
        Command command = taken.command();
        if (taken.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").location(location(command)).body(command.view());
        }
        boolean answered = wait != null && command.state().terminal();
        return answered ? ResponseEntity.ok(command.view())
                : ResponseEntity.accepted().location(location(command)).body(command.view());
    }

    private static URI location(Command command) {
        return URI.create("/api/v1/commands/" + command.id());
    }

    @GetMapping("/api/v1/devices/{deviceId}/commands")
    CommandPage listForDevice(@PathVariable String deviceId, @RequestParam(required = false) CommandState state,
                              @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String type,
                              @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                              @RequestParam(required = false) @Size(max = 200) String cursor) {
        directory.requireRegistered(tenant.id(), deviceId);
        return history.page(new CommandFilter(tenant.id(), deviceId, state, type, null, from, to, cursor), limit);
    }

    @GetMapping("/api/v1/commands")
    CommandPage list(@RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String device,
                     @RequestParam(required = false) CommandState state,
                     @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String type,
                     @RequestParam(required = false) UUID fanout,
                     @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                     @RequestParam(required = false) @Size(max = 200) String cursor) {
        return history.page(new CommandFilter(tenant.id(), device, state, type, fanout, from, to, cursor), limit);
    }

    @GetMapping("/api/v1/commands/{id}")
    CommandView get(@PathVariable UUID id) {
        return find(id).view();
    }

    /** 409 once the truck has it (DELIVERED) or it is over; a truck that had it already may still report it ran. */
    @PostMapping("/api/v1/commands/{id}/cancel")
    @Refuses(status = 409, detail = "A command that is DELIVERED can no longer be cancelled.")
    CommandView cancel(@PathVariable UUID id) {
        return cancellation.cancel(find(id), tenant.caller()).view();
    }

    private Command find(UUID id) {
        return commands.findByIdAndTenantId(id, tenant.id())
                .orElseThrow(() -> new NotFound("There is no command with this id."));
    }
}
