package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Commands: {@code POST /api/v1/devices/{id}/commands} queues one (202, or with {@code ?wait=PT5S} the truck's answer,
 * 200); lists per device and fleet-wide with filters; {@code POST /api/v1/commands/{id}/cancel}.
 */
@RestController
@Validated
class CommandController {

    private final CommandRepository commands;
    private final CommandHistory history;
    private final CommandRequests requests;
    private final CommandQueue queue;
    private final SynchronousCommands synchronous;
    private final CommandCancellation cancellation;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final CommandProperties properties;

    CommandController(CommandRepository commands, CommandHistory history, CommandRequests requests, CommandQueue queue,
                      SynchronousCommands synchronous, CommandCancellation cancellation, DeviceDirectory directory,
                      CurrentTenant tenant, CommandProperties properties) {
        this.commands = commands;
        this.history = history;
        this.requests = requests;
        this.queue = queue;
        this.synchronous = synchronous;
        this.cancellation = cancellation;
        this.directory = directory;
        this.tenant = tenant;
        this.properties = properties;
    }

    @PostMapping("/api/v1/devices/{deviceId}/commands")
    ResponseEntity<CommandView> create(@PathVariable String deviceId, @Valid @RequestBody NewCommand body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey,
            @RequestParam(required = false) Duration wait) {
        Caller caller = tenant.caller();
        directory.requireRegistered(caller.tenantId(), deviceId);
        CommandRequest request = requests.of(body, caller, idempotencyKey, "device:" + deviceId);
        if (idempotencyKey != null) {
            var earlier = commands.findByTenantIdAndIdempotencyKey(caller.tenantId(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        Command command = queueOrReplay(caller, deviceId, request, checkedWait(wait));
        if (wait == null) {
            return accepted(command);
        }
        Command answered = synchronous.run(command, wait);
        return answered.state().terminal() ? ResponseEntity.ok(answered.view()) : accepted(answered);
    }

    private Command queueOrReplay(Caller caller, String deviceId, CommandRequest request, Duration hold) {
        try {
            return queue.queue(caller.tenantId(), deviceId, request, hold);
        } catch (DataIntegrityViolationException raced) {
            // the same Idempotency-Key in a concurrent request: the command it created is this one's answer
            return commands.findByTenantIdAndIdempotencyKey(caller.tenantId(), request.idempotencyKey()).orElseThrow(() -> raced);
        }
    }

    private Duration checkedWait(Duration wait) {
        if (wait != null && (wait.isNegative() || wait.isZero() || wait.compareTo(properties.maxWait()) > 0)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "wait must be positive and at most " + properties.maxWait());
        }
        return wait;
    }

    /** The same key again: the first answer if it is the same request, else 422 (the key was used for another). */
    private static ResponseEntity<CommandView> replay(Command earlier, CommandRequest request) {
        if (!earlier.matches(request.hash())) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for a different command.");
        }
        return ResponseEntity.ok().header("Idempotent-Replayed", "true").location(location(earlier)).body(earlier.view());
    }

    private static ResponseEntity<CommandView> accepted(Command command) {
        return ResponseEntity.accepted().location(location(command)).body(command.view());
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
    CommandView cancel(@PathVariable UUID id) {
        return cancellation.cancel(find(id), tenant.caller()).view();
    }

    private Command find(UUID id) {
        return commands.findByIdAndTenantId(id, tenant.id()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no command with this id."));
    }
}
