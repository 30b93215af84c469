package io.fleetmesh.api.reports;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** The zones a caller may count days in. */
public final class TimeZones {

    private TimeZones() {
    }

    /** A region (Europe/Berlin) or UTC: PostgreSQL reads offsets such as GMT+2 the POSIX way, the other way round. */
    public static ZoneId named(String zone) {
        try {
            ZoneId id = ZoneId.of(zone);
            if (id.normalized() instanceof ZoneOffset offset) {
                return offset.getTotalSeconds() == 0 ? ZoneId.of("UTC") : refused(zone);
            }
            return id;
        } catch (DateTimeException e) {
            return refused(zone);
        }
    }

    private static ZoneId refused(String zone) {
        throw new InvalidInput("Unknown time zone", "zone must be an IANA time zone such as Europe/Berlin.",
                Map.of("zone", zone));
    }
}
