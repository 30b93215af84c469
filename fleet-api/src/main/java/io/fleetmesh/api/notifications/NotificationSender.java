package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.operators.OperatorContact;
import io.fleetmesh.api.operators.OperatorDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due: claims batches (a rule and a recipient) with a lease, so replicas share the work and never
 * send one batch at once, and sends each batch's waiting notifications in one message: one, or a digest. A message
 * that does not go is retried with backoff; after the last attempt its notifications are FAILED, with the reason.
 */
@Component
class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final String CLAIM = """
            UPDATE notification_batches b SET due_at = now() + interval '2 minutes', attempts = attempts + 1
            FROM notification_rules r WHERE r.id = b.rule_id AND (b.rule_id, b.operator_id) IN (
                SELECT rule_id, operator_id FROM notification_batches WHERE due_at <= now()
                ORDER BY due_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING b.rule_id, b.operator_id, b.attempts, b.last_sent_at, r.tenant_id""";
    private static final String WAITING = """
            SELECT * FROM notifications WHERE rule_id = ? AND operator_id = ? AND state = 'PENDING' ORDER BY id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final NotificationRules rules;
    private final OperatorDirectory operators;
    private final Map<String, NotificationChannel> channels;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ThreadPoolExecutor wakeups = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> new Thread(runnable, "notification-wakeup"),
            new ThreadPoolExecutor.DiscardPolicy());

    NotificationSender(JdbcTemplate jdbc, NotificationRules rules, OperatorDirectory operators,
                       List<NotificationChannel> channels, NotificationProperties properties, Clock clock,
                       MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.operators = operators;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        List.of("sent", "retried", "failed").forEach(this::counter);
    }

    private record Batch(UUID ruleId, UUID operatorId, UUID tenantId, int attempt, Instant lastSentAt) {
    }

    private record Waiting(long id, Notice notice) {
    }

    /**
     * Sends at once what a transaction just queued, rather than at the next poll; wake-ups while one runs become one
     * more run (the poll still finds what another replica queued).
     */
    void wake() {
        wakeups.execute(this::sendDue);
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${fleetmesh.notifications.poll:500ms}")
    void sendDue() {
        jdbc.query(CLAIM, NotificationSender::batch).forEach(this::sendSafely);
    }

    /** One batch's trouble (its rule deleted meanwhile) never holds up the others: its lease runs out, it is retried. */
    private void sendSafely(Batch batch) {
        try {
            send(batch);
        } catch (RuntimeException e) {
            log.warn("notification batch {}/{} not sent: {}", batch.ruleId(), batch.operatorId(), e.toString());
        }
    }

    private void send(Batch batch) {
        NotificationRule rule = rules.find(batch.tenantId(), batch.ruleId());
        Instant now = clock.instant();
        Instant allowed = rule.nextSendAt(now, batch.lastSentAt());
        if (allowed.isAfter(now)) {
            // quiet hours began since it was queued: it waits, and this was no attempt
            jdbc.update("UPDATE notification_batches SET due_at = ?, attempts = attempts - 1 WHERE rule_id = ? AND"
                    + " operator_id = ?", Timestamp.from(allowed), batch.ruleId(), batch.operatorId());
            return;
        }
        List<Waiting> waiting = jdbc.query(WAITING, NotificationSender::waiting, batch.ruleId(), batch.operatorId(),
                properties.digestMax());
        if (waiting.isEmpty()) {
            settle(batch, rule, null);
            return;
        }
        deliver(batch, rule, waiting);
    }

    private void deliver(Batch batch, NotificationRule rule, List<Waiting> waiting) {
        OperatorContact recipient = operators.contact(batch.tenantId(), batch.operatorId()).orElse(null);
        String id = "n" + waiting.get(0).id() + "-" + waiting.get(waiting.size() - 1).id() + "." + batch.operatorId();
        try {
            if (recipient == null) {
                throw new NotificationChannel.NotDelivered("not an operator of this tenant", true);
            }
            channel(rule).send(new OutgoingMessage(id, batch.tenantId(), recipient, rule.name(), waiting.stream().map(Waiting::notice).toList()));
            sent(batch, rule, waiting, id);
        } catch (NotificationChannel.NotDelivered e) {
            failed(batch, waiting, e);
        }
    }

    private NotificationChannel channel(NotificationRule rule) throws NotificationChannel.NotDelivered {
        NotificationChannel channel = channels.get(rule.channel());
        if (channel == null) {
            throw new NotificationChannel.NotDelivered("no channel " + rule.channel(), true);
        }
        return channel;
    }

    private void sent(Batch batch, NotificationRule rule, List<Waiting> waiting, String messageId) {
        jdbc.update("UPDATE notifications SET state = 'SENT', sent_at = now(), attempts = ?, last_error = NULL,"
                + " message_id = ? WHERE id = ANY (?)", batch.attempt(), messageId, ids(waiting));
        settle(batch, rule, clock.instant());
        count("sent", waiting.size());
    }

    /** Due again after the window if more wait (those queued while this went, or beyond the digest's size). */
    private void settle(Batch batch, NotificationRule rule, Instant sentAt) {
        Instant last = sentAt == null ? batch.lastSentAt() : sentAt;
        Instant next = rule.nextSendAt(clock.instant(), last);
        jdbc.update("""
                UPDATE notification_batches SET attempts = 0, last_error = NULL, last_sent_at = ?,
                    due_at = CASE WHEN EXISTS (SELECT 1 FROM notifications WHERE rule_id = ? AND operator_id = ?
                        AND state = 'PENDING') THEN ?::timestamptz END
                WHERE rule_id = ? AND operator_id = ?""", last == null ? null : Timestamp.from(last), batch.ruleId(),
                batch.operatorId(), Timestamp.from(next), batch.ruleId(), batch.operatorId());
    }

    private void failed(Batch batch, List<Waiting> waiting, NotificationChannel.NotDelivered e) {
        boolean exhausted = e.permanent() || properties.backoff().exhausted(batch.attempt());
        String error = e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage();
        jdbc.update("UPDATE notifications SET state = ?, attempts = ?, last_error = ? WHERE id = ANY (?)",
                exhausted ? "FAILED" : "PENDING", batch.attempt(), error, ids(waiting));
        Instant next = clock.instant().plus(properties.backoff().after(batch.attempt()));
        jdbc.update("UPDATE notification_batches SET due_at = ?, last_error = ?, attempts = ? WHERE rule_id = ? AND"
                + " operator_id = ?", Timestamp.from(exhausted ? clock.instant() : next), error,
                exhausted ? 0 : batch.attempt(), batch.ruleId(), batch.operatorId());
        log.info("notification batch {}/{} attempt {} failed{}: {}", batch.ruleId(), batch.operatorId(), batch.attempt(),
                exhausted ? " for good" : "", error);
        count(exhausted ? "failed" : "retried", waiting.size());
    }

    private static Long[] ids(List<Waiting> waiting) {
        return waiting.stream().map(Waiting::id).toArray(Long[]::new);
    }

    /** {@code fleetmesh_notifications_total{outcome=sent|retried|failed}}: notifications, not messages. */
    private void count(String outcome, int notifications) {
        counter(outcome).increment(notifications);
    }

    private Counter counter(String outcome) {
        return Counter.builder("fleetmesh.notifications").tag("outcome", outcome).register(metrics);
    }

    private static Batch batch(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_sent_at");
        return new Batch(rs.getObject("rule_id", UUID.class), rs.getObject("operator_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getInt("attempts"), last == null ? null : last.toInstant());
    }

    private static Waiting waiting(ResultSet rs, int row) throws SQLException {
        return new Waiting(rs.getLong("id"), new Notice(NotificationEvent.named(rs.getString("event")),
                rs.getString("event_key"), rs.getString("device_id"), Severity.valueOf(rs.getString("severity")),
                rs.getString("title"), rs.getString("link"), rs.getTimestamp("occurred_at").toInstant()));
    }
}
