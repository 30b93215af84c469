package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.operators.OperatorDirectory;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.reports.TimeZones;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's notification rules and their recipients (operators of the same tenant only). */
@Component
class NotificationRules {

    private static final String SELECT = """
            SELECT r.*, extract(epoch FROM r.rate_window)::bigint AS rate_window_seconds,
                array(SELECT operator_id::text FROM notification_recipients n WHERE n.rule_id = r.id) AS recipients
            FROM notification_rules r WHERE r.tenant_id = ?""";

    private final JdbcTemplate jdbc;
    private final OperatorDirectory operators;
    private final DeviceDirectory devices;
    private final Clock clock;

    NotificationRules(JdbcTemplate jdbc, OperatorDirectory operators, DeviceDirectory devices, Clock clock) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.devices = devices;
        this.clock = clock;
    }

    @Transactional
    NotificationRuleView create(Caller caller, NewNotificationRule body) {
        NotificationRule rule = rule(caller, body);
        Map<String, UUID> recipients = recipients(caller, rule.recipients());
        jdbc.update("""
                INSERT INTO notification_rules (id, tenant_id, name, events, min_severity, device_id, tag, channel,
                    quiet_from, quiet_to, zone, rate_window, created_by, created_at, work_from, work_to, work_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, make_interval(secs => ?), ?, ?, ?, ?, ?)""", rule.id(), caller.tenantId(),
                rule.name(), rule.events().stream().map(NotificationEvent::apiName).toArray(String[]::new),
                rule.minSeverity().name(), rule.deviceId(), rule.tag(), rule.channel(), time(rule, true),
                time(rule, false), rule.zone().getId(), rule.rateWindow().toSeconds(), caller.name(),
                Timestamp.from(rule.createdAt()), work(rule, WorkingHours::from), work(rule, WorkingHours::to),
                workDays(rule));
        recipients.values().forEach(id -> jdbc.update("INSERT INTO notification_recipients (rule_id, operator_id)"
                + " VALUES (?, ?)", rule.id(), id));
        return NotificationRuleView.of(rule);
    }

    List<NotificationRuleView> list(UUID tenantId) {
        Map<UUID, String> names = operators.usernames(tenantId);
        return jdbc.query(SELECT + " ORDER BY r.created_at", (rs, n) -> rule(rs, names), tenantId).stream()
                .map(NotificationRuleView::of).toList();
    }

    void delete(UUID tenantId, UUID id) {
        if (jdbc.update("DELETE FROM notification_rules WHERE id = ? AND tenant_id = ?", id, tenantId) == 0) {
            throw new NotFound("There is no notification rule with this id.");
        }
    }

    /** The tenant's rules that want this notice (the device's tags read only when a rule asks for a tag). */
    List<NotificationRule> wanting(UUID tenantId, Notice notice) {
        List<NotificationRule> candidates = jdbc.query(SELECT + " AND ? = ANY (r.events)", (rs, n) -> rule(rs, Map.of()),
                tenantId, notice.event().apiName());
        boolean tagged = candidates.stream().anyMatch(rule -> rule.tag() != null);
        List<String> tags = tagged ? devices.tagsOf(tenantId, notice.deviceId()) : List.of();
        return candidates.stream().filter(rule -> rule.wants(notice, tags)).toList();
    }

    NotificationRule find(UUID tenantId, UUID ruleId) {
        return jdbc.query(SELECT + " AND r.id = ?", (rs, n) -> rule(rs, Map.of()), tenantId, ruleId).stream().findFirst()
                .orElseThrow(() -> new NotFound("There is no notification rule with this id."));
    }

    private NotificationRule rule(Caller caller, NewNotificationRule body) {
        if (body.device() != null && body.tag() != null) {
            throw new InvalidInput("A rule is for a device or a tag, not both.");
        }
        if (body.device() != null) {
            devices.require(caller.tenantId(), body.device());
        }
        ZoneId zone = TimeZones.named(body.zone() == null ? "UTC" : body.zone());
        Set<NotificationEvent> events = body.events().stream().map(NotificationEvent::named).collect(Collectors.toSet());
        List<String> recipients = body.recipients() == null || body.recipients().isEmpty() ? List.of(caller.name())
                : body.recipients();
        return new NotificationRule(UUID.randomUUID(), body.name().strip(), events,
                body.minSeverity() == null ? Severity.INFO : body.minSeverity(), body.device(), body.tag(),
                body.channel() == null ? "email" : body.channel(), quietHours(body, zone), zone,
                Duration.ofSeconds(body.rateWindowSeconds() == null ? 300 : body.rateWindowSeconds()), recipients,
                caller.name(), clock.instant(), workingHours(body));
    }

    private static WorkingHours workingHours(NewNotificationRule body) {
        if (body.workFrom() == null && body.workTo() == null && body.workDays() == null) {
            return null;
        }
        if (body.workFrom() == null || body.workTo() == null || body.workFrom().equals(body.workTo())) {
            throw new InvalidInput("Working hours need workFrom and workTo, and they differ.");
        }
        return new WorkingHours(body.workFrom(), body.workTo(), body.workDays() == null
                ? WorkingHours.OFFICE.days() : Set.copyOf(body.workDays()));
    }

    private static LocalTime work(NotificationRule rule, Function<WorkingHours, LocalTime> end) {
        return rule.workingHours() == null ? null : end.apply(rule.workingHours());
    }

    private static Integer[] workDays(NotificationRule rule) {
        return rule.workingHours() == null ? null
                : rule.workingHours().days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new);
    }

    private static QuietHours quietHours(NewNotificationRule body, ZoneId zone) {
        if ((body.quietFrom() == null) != (body.quietTo() == null)) {
            throw new InvalidInput("Quiet hours need both quietFrom and quietTo.");
        }
        if (body.quietFrom() != null && body.quietFrom().equals(body.quietTo())) {
            throw new InvalidInput("Quiet hours must not start and end at the same time.");
        }
        return body.quietFrom() == null ? null : new QuietHours(body.quietFrom(), body.quietTo(), zone);
    }

    /** Each recipient must be an operator of the caller's tenant: another tenant's is as unknown as a missing one. */
    private Map<String, UUID> recipients(Caller caller, List<String> usernames) {
        Map<String, UUID> ids = operators.idsOf(caller.tenantId(), usernames);
        usernames.stream().filter(name -> !ids.containsKey(name)).findFirst().ifPresent(name -> {
            throw new InvalidInput("Unknown recipient", "Every recipient must be an operator of this tenant.",
                    Map.of("recipient", name));
        });
        return ids;
    }

    private static LocalTime time(NotificationRule rule, boolean from) {
        QuietHours quiet = rule.quietHours();
        return quiet == null ? null : from ? quiet.from() : quiet.to();
    }

    private static NotificationRule rule(ResultSet rs, Map<UUID, String> names) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("zone"));
        LocalTime from = rs.getObject("quiet_from", LocalTime.class);
        QuietHours quiet = from == null ? null : new QuietHours(from, rs.getObject("quiet_to", LocalTime.class), zone);
        Set<NotificationEvent> events = Arrays.stream((String[]) rs.getArray("events").getArray())
                .map(NotificationEvent::named).collect(Collectors.toSet());
        List<String> recipients = Arrays.stream((String[]) rs.getArray("recipients").getArray())
                .map(id -> names.getOrDefault(UUID.fromString(id), id)).sorted().toList();
        return new NotificationRule(rs.getObject("id", UUID.class), rs.getString("name"), events,
                Severity.valueOf(rs.getString("min_severity")), rs.getString("device_id"), rs.getString("tag"),
                rs.getString("channel"), quiet, zone, duration(rs), recipients, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), workingHours(rs));
    }

    private static WorkingHours workingHours(ResultSet rs) throws SQLException {
        LocalTime from = rs.getObject("work_from", LocalTime.class);
        return from == null ? null : new WorkingHours(from, rs.getObject("work_to", LocalTime.class),
                Arrays.stream((Object[]) rs.getArray("work_days").getArray())
                        .map(day -> DayOfWeek.of(((Number) day).intValue())).collect(Collectors.toSet()));
    }

    private static Duration duration(ResultSet rs) throws SQLException {
        return Duration.ofSeconds(rs.getLong("rate_window_seconds"));
    }
}
