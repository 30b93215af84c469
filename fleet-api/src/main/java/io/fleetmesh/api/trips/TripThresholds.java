package io.fleetmesh.api.trips;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which thresholds detection uses for a device: its own, else its tenant's fleet-wide ones, else the defaults. */
@Component
class TripThresholds {

    private final JdbcClient jdbc;

    TripThresholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TripSettings of(UUID tenant, TripSettings deviceOwn) {
        return deviceOwn != null ? deviceOwn : fleet(tenant);
    }

    TripSettings fleet(UUID tenant) {
        return jdbc.sql("SELECT settings::text FROM trip_settings WHERE tenant_id = :tenant").param("tenant", tenant)
                .query(String.class).optional().map(TripJson::settings).orElse(TripSettings.DEFAULTS);
    }

    void setFleet(UUID tenant, TripSettings settings) {
        jdbc.sql("""
                        INSERT INTO trip_settings (tenant_id, settings) VALUES (:tenant, CAST(:settings AS jsonb))
                        ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings""")
                .param("tenant", tenant).param("settings", TripJson.write(settings)).update();
    }
}
