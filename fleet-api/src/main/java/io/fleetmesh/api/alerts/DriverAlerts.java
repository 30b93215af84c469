package io.fleetmesh.api.alerts;

import io.fleetmesh.api.drivers.DriverEvents;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A badge the registry does not know raises the truck's "unknown driver" alert (a repeat counts on the open one);
 * a registered driver badging in on that truck resolves it.
 */
@Component
class DriverAlerts {

    static final String RULE = "driver-unknown";

    private final AlertBook book;
    private final AlertProperties properties;
    private final Clock clock;

    DriverAlerts(AlertBook book, AlertProperties properties, Clock clock) {
        this.book = book;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(DriverEvents.UnknownDriverBadged badge) {
        boolean backfilled = properties.backfilled(badge.at(), clock.instant());
        book.raise(new AlertRaise(badge.tenantId(), badge.deviceId(), RULE, AlertSource.CLOUD, Severity.WARNING,
                badge.deviceId() + ": a driver badged in with the unknown identifier " + badge.identifier(), "driver.id",
                null, null, badge.at(), null, backfilled));
    }

    @EventListener
    void on(DriverEvents.DriverBadgedIn badge) {
        book.clear(badge.tenantId(), badge.deviceId(), RULE, "fleetmesh", badge.name() + " badged in", badge.at());
    }
}
