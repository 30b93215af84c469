package io.fleetmesh.api.commands;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores new commands, one or a fan-out's many, and has them dispatched once stored. */
@Component
class CommandQueue {

    private final CommandRepository commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommandQueue(CommandRepository commands, ApplicationEventPublisher events, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /** {@code holdFor}: a synchronous attempt comes first; the dispatcher leaves the command alone until then. */
    @Transactional
    Command queue(UUID tenant, String device, CommandRequest request, java.time.Duration holdFor) {
        Instant now = clock.instant();
        Command command = new Command(tenant, device, request, now);
        if (holdFor != null) {
            command.holdUntil(now.plus(holdFor));
        }
        Command saved = commands.saveAndFlush(command);
        announce(saved, request, holdFor != null);
        return saved;
    }

    @Transactional
    List<Command> fanOut(UUID tenant, List<String> devices, CommandRequest request) {
        Instant now = clock.instant();
        List<Command> saved = commands.saveAll(devices.stream().map(device -> new Command(tenant, device, request, now))
                .toList());
        saved.forEach(command -> announce(command, request, true));
        events.publishEvent(new CommandEvents.FanOutCreated(tenant, request.fanoutId(), request.type(), saved.size(),
                request.by()));
        return saved;
    }

    private void announce(Command command, CommandRequest request, boolean leftToSweep) {
        events.publishEvent(new CommandEvents.CommandCreated(command.tenantId(), command.id(), command.deviceId(),
                request.type(), request.by(), request.fanoutId()));
        events.publishEvent(command.transitioned());
        events.publishEvent(new CommandQueued(command.id(), !leftToSweep));
    }
}
