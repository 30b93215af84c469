package io.fleetmesh.api.drivers;

import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.NotFound;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's driver registry (table drivers): one driver per identifier in a tenant. */
@Component
public class Drivers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Drivers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    DriverView create(UUID tenant, NewDriver body) {
        UUID id = UUID.randomUUID();
        unique(() -> jdbc.update("INSERT INTO drivers (id, tenant_id, name, identifier, licence_expires, phone, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, tenant, body.name().strip(), DriverBadge.normalised(body.identifier()),
                date(body.licenceExpires()), blankToNull(body.phone()), Timestamp.from(clock.instant())));
        return get(tenant, id);
    }

    List<DriverView> list(UUID tenant) {
        return jdbc.query("SELECT * FROM drivers WHERE tenant_id = ? ORDER BY name, identifier", this::view, tenant);
    }

    DriverView get(UUID tenant, UUID id) {
        return jdbc.query("SELECT * FROM drivers WHERE tenant_id = ? AND id = ?", this::view, tenant, id).stream()
                .findFirst().orElseThrow(Drivers::notFound);
    }

    DriverView update(UUID tenant, UUID id, NewDriver body) {
        int changed = unique(() -> jdbc.update("UPDATE drivers SET name = ?, identifier = ?, licence_expires = ?, phone = ?"
                + " WHERE tenant_id = ? AND id = ?", body.name().strip(), DriverBadge.normalised(body.identifier()),
                date(body.licenceExpires()), blankToNull(body.phone()), tenant, id));
        if (changed == 0) {
            throw notFound();
        }
        return get(tenant, id);
    }

    void delete(UUID tenant, UUID id) {
        if (jdbc.update("DELETE FROM drivers WHERE tenant_id = ? AND id = ?", tenant, id) == 0) {
            throw notFound();
        }
    }

    /** The names of the tenant's drivers by identifier, for trips and reports that hold identifiers. */
    public Map<String, String> names(UUID tenant) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT identifier, name FROM drivers WHERE tenant_id = ?",
                rs -> { names.put(rs.getString(1), rs.getString(2)); }, tenant);
        return names;
    }

    /** The name of the driver with this identifier in the tenant, if there is one. */
    Optional<String> nameOf(UUID tenant, String identifier) {
        return jdbc.queryForList("SELECT name FROM drivers WHERE tenant_id = ? AND identifier = ?", String.class, tenant,
                identifier).stream().findFirst();
    }

    private DriverView view(ResultSet rs, int row) throws SQLException {
        Date expires = rs.getDate("licence_expires");
        LocalDate expiry = expires == null ? null : expires.toLocalDate();
        return new DriverView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("identifier"), expiry,
                expiry != null && expiry.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                rs.getString("phone"), rs.getTimestamp("created_at").toInstant());
    }

    private static int unique(java.util.function.IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DuplicateKeyException taken) {
            throw new Conflict("A driver with this identifier is registered already.");
        }
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static NotFound notFound() {
        return new NotFound("There is no driver with this id.");
    }
}
