package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.reports.Period;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs of schedules (table report_runs), one per schedule and period: made by whichever replica sees the period
 * end first, claimed with a lease by one replica at a time, SENT once, or retried with back-off until FAILED.
 */
@Component
class ReportRuns {

    private static final String CLAIM = """
            UPDATE report_runs r SET due_at = ?, attempts = attempts + 1
            WHERE r.id IN (SELECT id FROM report_runs WHERE state = 'PENDING' AND due_at <= ? %s
                ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING r.id, r.schedule_id, r.tenant_id, r.period_start, r.period_end, r.attempts, r.message_id""";
    private static final String ENABLED = "AND schedule_id IN (SELECT id FROM report_schedules WHERE enabled)";

    private final JdbcTemplate jdbc;
    private final ReportScheduleProperties properties;

    ReportRuns(JdbcTemplate jdbc, ReportScheduleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * A run that a replica holds until it is settled or its lease ends; {@code attempt} is its claim's fence: a
     * replica whose lease ran out and was claimed again settles nothing.
     */
    record Claimed(long id, UUID scheduleId, UUID tenantId, Period period, int attempt, String messageId) {
    }

    /** The schedule's run for this period, due now, unless there is one already (made here or by another replica). */
    void due(ReportSchedule schedule, Period period, Instant now) {
        jdbc.update("""
                INSERT INTO report_runs (schedule_id, tenant_id, period_start, period_end, state, due_at, message_id)
                VALUES (?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (schedule_id, period_start, period_end) DO NOTHING""",
                schedule.id(), schedule.tenantId(), Timestamp.from(period.from()), Timestamp.from(period.to()),
                Timestamp.from(now), "report." + schedule.id() + "." + period.from().getEpochSecond() + "-" + period.to().getEpochSecond());
    }

    /** Up to {@code limit} runs of enabled schedules that are due: theirs for a lease, which another tick respects. */
    List<Claimed> claim(Instant now, int limit) {
        return jdbc.query(CLAIM.formatted(ENABLED), ReportRuns::claimed, lease(now), Timestamp.from(now), limit);
    }

    /** This period's run of the schedule, if it is due (not SENT, not held by a replica, not waiting to retry). */
    Optional<Claimed> claim(UUID scheduleId, Period period, Instant now) {
        return jdbc.query(CLAIM.formatted("AND schedule_id = ? AND period_start = ? AND period_end = ?"),
                ReportRuns::claimed, lease(now), Timestamp.from(now), scheduleId, Timestamp.from(period.from()),
                Timestamp.from(period.to()), 1).stream().findFirst();
    }

    void sent(Claimed run, int recipients, int bytes, Instant now) {
        jdbc.update("""
                UPDATE report_runs SET state = 'SENT', due_at = NULL, sent_at = ?, last_error = NULL, recipients = ?,
                    bytes = ? WHERE id = ? AND state = 'PENDING' AND attempts = ?""", Timestamp.from(now), recipients,
                bytes, run.id(), run.attempt());
    }

    /** Retried after the back-off, unless trying again cannot help or this was the last attempt. */
    boolean failed(Claimed run, String reason, boolean permanent, Instant now) {
        boolean exhausted = permanent || properties.backoff().exhausted(run.attempt());
        Instant next = now.plus(properties.backoff().after(run.attempt()));
        jdbc.update("UPDATE report_runs SET state = ?, due_at = ?, last_error = ? WHERE id = ? AND state = 'PENDING'"
                        + " AND attempts = ?", exhausted ? "FAILED" : "PENDING", exhausted ? null : Timestamp.from(next),
                reason.length() > 500 ? reason.substring(0, 500) : reason, run.id(), run.attempt());
        return exhausted;
    }

    /** The schedule's runs, newest period first; at most {@code limit} (1 to 500). */
    List<ReportRunView> list(UUID scheduleId, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("Invalid limit", "limit must be 1 to 500.", Map.of("limit", limit));
        }
        return jdbc.query("SELECT * FROM report_runs WHERE schedule_id = ? ORDER BY period_start DESC, id DESC LIMIT ?",
                ReportRuns::view, scheduleId, limit);
    }

    Optional<ReportRunView> find(UUID scheduleId, Period period) {
        return jdbc.query("SELECT * FROM report_runs WHERE schedule_id = ? AND period_start = ? AND period_end = ?",
                ReportRuns::view, scheduleId, Timestamp.from(period.from()), Timestamp.from(period.to())).stream()
                .findFirst();
    }

    /** Each of the tenant's schedules' latest run. */
    Map<UUID, ReportRunView> latest(UUID tenantId) {
        Map<UUID, ReportRunView> latest = new HashMap<>();
        jdbc.query("SELECT DISTINCT ON (schedule_id) * FROM report_runs WHERE tenant_id = ?"
                + " ORDER BY schedule_id, period_start DESC, id DESC", rs -> {
                    latest.put(rs.getObject("schedule_id", UUID.class), view(rs, 0));
                }, tenantId);
        return latest;
    }

    ReportRunView lastRun(UUID scheduleId) {
        return list(scheduleId, 1).stream().findFirst().orElse(null);
    }

    private Timestamp lease(Instant now) {
        return Timestamp.from(now.plus(properties.lease()));
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getObject("schedule_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                new Period(instant(rs, "period_start"), instant(rs, "period_end")), rs.getInt("attempts"),
                rs.getString("message_id"));
    }

    private static ReportRunView view(ResultSet rs, int row) throws SQLException {
        return new ReportRunView(rs.getLong("id"), instant(rs, "period_start"), instant(rs, "period_end"),
                rs.getString("state"), rs.getInt("attempts"), instant(rs, "due_at"), rs.getString("last_error"),
                rs.getString("message_id"), (Integer) rs.getObject("recipients"), (Integer) rs.getObject("bytes"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
