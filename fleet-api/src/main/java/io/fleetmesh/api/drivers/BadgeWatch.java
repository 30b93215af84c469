package io.fleetmesh.api.drivers;

import io.fleetmesh.api.telemetry.ReadingsStored;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each badge in stored tells whether the driver is known: an identifier the registry does not have is told as
 * {@link DriverEvents.UnknownDriverBadged} (the alerts feature raises an alert), a known one as
 * {@link DriverEvents.DriverBadgedIn}. Badges are rare, so each is looked up when it comes.
 */
@Component
class BadgeWatch {

    private static final Logger log = LoggerFactory.getLogger(BadgeWatch.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Drivers drivers;
    private final ApplicationEventPublisher events;

    BadgeWatch(Drivers drivers, ApplicationEventPublisher events) {
        this.drivers = drivers;
        this.events = events;
    }

    @EventListener
    void on(ReadingsStored stored) {
        stored.readings().stream().filter(reading -> reading.channel().equals(DriverBadge.CHANNEL))
                .forEach(reading -> badged(stored, reading));
    }

    /** One badge that cannot be looked at never keeps the batch's other readings from the cloud's rules. */
    private void badged(ReadingsStored stored, ReadingsStored.Stored reading) {
        try {
            tell(stored, reading);
        } catch (RuntimeException e) {
            log.warn("badge of {} at {} not looked at: {}", reading.deviceId(), reading.ts(), e.toString());
        }
    }

    private void tell(ReadingsStored stored, ReadingsStored.Stored reading) {
        String identifier = DriverBadge.identifier(json.readTree(reading.metricsJson()));
        if (identifier == null) {
            return;
        }
        Optional<String> name = drivers.nameOf(stored.tenantId(), identifier);
        events.publishEvent(name.<Object>map(known -> new DriverEvents.DriverBadgedIn(stored.tenantId(), reading.deviceId(),
                identifier, known, reading.ts())).orElseGet(() -> new DriverEvents.UnknownDriverBadged(stored.tenantId(),
                reading.deviceId(), identifier, reading.ts())));
    }
}
