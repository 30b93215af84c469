package io.fleetmesh.api.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued webhook calls: claims due ones with a lease (SKIP LOCKED, so replicas share the work and never
 * send one twice at once), POSTs each signed, and records the answer: 2xx delivered; anything else retried with
 * exponential backoff until the attempts are used up (FAILED). Every attempt shows in the delivery log.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final String CLAIM = """
            UPDATE webhook_deliveries d SET next_attempt_at = now() + interval '5 minutes', attempts = attempts + 1
            FROM webhooks w WHERE w.id = d.webhook_id AND d.id IN (
                SELECT id FROM webhook_deliveries WHERE state = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.kind, d.payload::text AS payload, d.attempts, w.url, w.secret""";

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final MeterRegistry metrics;

    WebhookSender(JdbcTemplate jdbc, WebhookProperties properties, Clock clock, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // at 0 from the start, so rate() counts the first attempt and the dashboard shows 0, not no data
        List.of("delivered", "retried", "failed").forEach(this::counter);
    }

    @Scheduled(fixedDelayString = "${fleetmesh.webhooks.poll:500ms}")
    void deliverDue() {
        List<Map<String, Object>> due = jdbc.queryForList(CLAIM);
        due.forEach(this::deliver);
    }

    private void deliver(Map<String, Object> delivery) {
        long id = ((Number) delivery.get("id")).longValue();
        int attempt = ((Number) delivery.get("attempts")).intValue();
        byte[] body = ((String) delivery.get("payload")).getBytes(StandardCharsets.UTF_8);
        String refusal = properties.allowPrivate() ? null : PublicAddresses.refusal(URI.create((String) delivery.get("url")));
        if (refusal != null) {
            failed(id, attempt, null, refusal);
            return;
        }
        try {
            HttpResponse<Void> answer = http.send(request(delivery, id, body), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                jdbc.update("UPDATE webhook_deliveries SET state = 'DELIVERED', last_status = ?, last_error = NULL,"
                        + " delivered_at = now() WHERE id = ?", answer.statusCode(), id);
                count("delivered");
            } else {
                failed(id, attempt, answer.statusCode(), "HTTP " + answer.statusCode());
            }
        } catch (Exception e) {
            // the kind only: a detailed network error would tell a webhook's owner about the network behind us
            failed(id, attempt, null, "not delivered: " + e.getClass().getSimpleName());
        }
    }

    private HttpRequest request(Map<String, Object> delivery, long id, byte[] body) {
        long now = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create((String) delivery.get("url"))).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Fleetmesh-Event", (String) delivery.get("kind"))
                .header("Fleetmesh-Delivery", Long.toString(id))
                .header("Fleetmesh-Signature", WebhookSignature.sign((String) delivery.get("secret"), now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private void failed(long id, int attempt, Integer status, String error) {
        RetryBackoff backoff = properties.backoff();
        boolean exhausted = backoff.exhausted(attempt);
        jdbc.update("UPDATE webhook_deliveries SET state = ?, last_status = ?, last_error = ?, next_attempt_at = ?"
                + " WHERE id = ?", exhausted ? "FAILED" : "PENDING", status, truncated(error),
                Timestamp.from(clock.instant().plus(backoff.after(attempt))), id);
        log.info("webhook delivery {} attempt {} failed{}: {}", id, attempt, exhausted ? " for good" : "", error);
        count(exhausted ? "failed" : "retried");
    }

    /** {@code fleetmesh_webhooks_attempts_total{outcome=delivered|retried|failed}}. */
    private void count(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("fleetmesh.webhooks.attempts").tag("outcome", outcome).register(metrics);
    }

    private static String truncated(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }
}
