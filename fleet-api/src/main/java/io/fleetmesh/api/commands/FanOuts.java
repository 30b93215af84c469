package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.refusals.Unprocessable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** One tracked command per device of a tag or a list, and how far the fan-out has come. */
@Component
class FanOuts {

    // also the OpenAPI document's example (FanOutController)
    static final String NO_SUCH_FAN_OUT = "There is no fan-out with this id.";

    private final CommandRepository commands;
    private final CommandRequests requests;
    private final CommandQueue queue;
    private final DeviceDirectory directory;

    FanOuts(CommandRepository commands, CommandRequests requests, CommandQueue queue, DeviceDirectory directory) {
        this.commands = commands;
        this.requests = requests;
        this.queue = queue;
        this.directory = directory;
    }

    FanOutView start(Caller caller, FanOut fanOut) {
        List<String> devices = targets(caller.tenantId(), fanOut);
        UUID id = UUID.randomUUID();
        queue.fanOut(caller.tenantId(), devices, requests.of(fanOut.command(), caller, null, fanOut.target()).forFanOut(id));
        return progress(caller.tenantId(), id);
    }

    FanOutView find(UUID tenantId, UUID id) {
        FanOutView view = progress(tenantId, id);
        if (view.commands() == 0) {
            throw new NotFound(NO_SUCH_FAN_OUT);
        }
        return view;
    }

    private List<String> targets(UUID tenantId, FanOut fanOut) {
        if ((fanOut.tag() == null) == (fanOut.devices() == null)) {
            throw new InvalidInput("Name either a tag or a list of devices.");
        }
        List<String> devices = fanOut.tag() != null ? directory.withTag(tenantId, fanOut.tag())
                : List.copyOf(directory.registered(tenantId, fanOut.devices()));
        if (devices.isEmpty()) {
            throw new Unprocessable("No registered device matches the target.");
        }
        return devices;
    }

    private FanOutView progress(UUID tenantId, UUID id) {
        Map<CommandState, Long> states = new EnumMap<>(CommandState.class);
        for (Object[] row : commands.countByState(tenantId, id)) {
            states.put((CommandState) row[0], (Long) row[1]);
        }
        long total = states.values().stream().mapToLong(Long::longValue).sum();
        boolean finished = states.keySet().stream().allMatch(CommandState::terminal);
        return new FanOutView(id, (int) total, states, total > 0 && finished);
    }
}
