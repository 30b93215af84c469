package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.Unprocessable;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * A caller's new command for one device: checked, queued, or the earlier command of the same Idempotency-Key
 * replayed; with a wait, held until the truck answers or the wait is over.
 */
@Component
class CommandIntake {

    private final CommandRepository commands;
    private final CommandRequests requests;
    private final CommandQueue queue;
    private final SynchronousCommands synchronous;
    private final DeviceDirectory directory;
    private final CommandProperties properties;

    CommandIntake(CommandRepository commands, CommandRequests requests, CommandQueue queue,
                  SynchronousCommands synchronous, DeviceDirectory directory, CommandProperties properties) {
        this.commands = commands;
        this.requests = requests;
        this.queue = queue;
        this.synchronous = synchronous;
        this.directory = directory;
        this.properties = properties;
    }

    /** The command, and whether it is an earlier one replayed for the same Idempotency-Key. */
    record Taken(Command command, boolean replayed) {
    }

    /** {@code idempotencyKey} and {@code wait} may be null. */
    Taken submit(Caller caller, String deviceId, NewCommand body, String idempotencyKey, Duration wait) {
        directory.requireRegistered(caller.tenantId(), deviceId);
        CommandRequest request = requests.of(body, caller, idempotencyKey, "device:" + deviceId);
        Optional<Command> earlier = idempotencyKey == null ? Optional.empty()
                : commands.findByTenantIdAndIdempotencyKey(caller.tenantId(), idempotencyKey);
        if (earlier.isPresent()) {
            return new Taken(replayed(earlier.get(), request), true);
        }
        Command command = queueOrReplay(caller, deviceId, request, checkedWait(wait));
        return new Taken(wait == null ? command : synchronous.run(command, wait), false);
    }

    private Command queueOrReplay(Caller caller, String deviceId, CommandRequest request, Duration hold) {
        try {
            return queue.queue(caller.tenantId(), deviceId, request, hold);
        } catch (DataIntegrityViolationException raced) {
            // the same Idempotency-Key in a concurrent request: the command it created is this one's answer
            return commands.findByTenantIdAndIdempotencyKey(caller.tenantId(), request.idempotencyKey())
                    .orElseThrow(() -> raced);
        }
    }

    private Duration checkedWait(Duration wait) {
        if (wait != null && (wait.isNegative() || wait.isZero() || wait.compareTo(properties.maxWait()) > 0)) {
            throw new InvalidInput("wait must be positive and at most " + properties.maxWait());
        }
        return wait;
    }

    /** The same key again answers the first command if it is the same request; else the key was used for another. */
    private static Command replayed(Command earlier, CommandRequest request) {
        if (!earlier.matches(request.hash())) {
            throw new Unprocessable("This Idempotency-Key was used for a different command.");
        }
        return earlier;
    }
}
