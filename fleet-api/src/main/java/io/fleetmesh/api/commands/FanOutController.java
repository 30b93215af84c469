package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/fanouts}: one tracked command per device of a tag or a list (202 with the fan-out's
 * progress); {@code GET /api/v1/fanouts/{id}}: how many are in each state. The commands are listed with
 * {@code GET /api/v1/commands?fanout=<id>}.
 */
@RestController
class FanOutController {

    private final CommandRepository commands;
    private final CommandRequests requests;
    private final CommandQueue queue;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;

    FanOutController(CommandRepository commands, CommandRequests requests, CommandQueue queue,
                     DeviceDirectory directory, CurrentTenant tenant) {
        this.commands = commands;
        this.requests = requests;
        this.queue = queue;
        this.directory = directory;
        this.tenant = tenant;
    }

    @PostMapping("/api/v1/fanouts")
    ResponseEntity<FanOutView> create(@Valid @RequestBody FanOut fanOut) {
        Caller caller = tenant.caller();
        List<String> devices = targets(caller.tenantId(), fanOut);
        UUID id = UUID.randomUUID();
        queue.fanOut(caller.tenantId(), devices, requests.of(fanOut.command(), caller, null, fanOut.target()).forFanOut(id));
        return ResponseEntity.accepted().location(URI.create("/api/v1/fanouts/" + id)).body(progress(caller.tenantId(), id));
    }

    @GetMapping("/api/v1/fanouts/{id}")
    FanOutView get(@PathVariable UUID id) {
        FanOutView view = progress(tenant.id(), id);
        if (view.commands() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no fan-out with this id.");
        }
        return view;
    }

    private List<String> targets(UUID tenantId, FanOut fanOut) {
        if ((fanOut.tag() == null) == (fanOut.devices() == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name either a tag or a list of devices.");
        }
        List<String> devices = fanOut.tag() != null ? directory.withTag(tenantId, fanOut.tag())
                : List.copyOf(directory.registered(tenantId, fanOut.devices()));
        if (devices.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "No registered device matches the target.");
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
