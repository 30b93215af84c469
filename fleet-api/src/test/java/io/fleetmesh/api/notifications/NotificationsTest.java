package io.fleetmesh.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.MailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Alerts reach subscribed operators by e-mail through a real SMTP server (GreenMail on loopback): once each, held in
 * quiet hours, retried while the server is away, never to another tenant, never with a header of the alert's making.
 */
class NotificationsTest extends IntegrationTest {

    private final MailServer mail = infrastructure.mail();

    @Test
    void aRaisedAlertMailsEachSubscribedOperatorOnceAndNeitherItsRepeatNorALowerSeverity() throws Exception {
        String device = device();
        String first = operatorWithMail("first");
        String second = operatorWithMail("second");
        rule(device, "\"recipients\": [\"%s\", \"%s\"], \"minSeverity\": \"WARNING\", \"rateWindowSeconds\": 0"
                .formatted(first, second));

        raise(device, "door", "WARNING", "Rear door open");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(first).size() == 1 && mailsFor(second).size() == 1);
        MimeMessage message = mailsFor(first).get(0);
        assertThat(message.getSubject()).isEqualTo("[Fleetmesh] WARNING on %s: Rear door open".formatted(device));
        String body = body(message);
        assertThat(body).contains("Hello " + first, "Rear door open", "http://127.0.0.1:8080/alerts?device=" + device);
        assertThat(message.getMessageID()).endsWith("@fleetmesh>");

        raise(device, "door", "WARNING", "Rear door open again");
        raise(device, "light", "INFO", "Cabin light on");
        raise(device, "temp", "CRITICAL", "Reefer too warm");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(first).size() >= 2 && mailsFor(second).size() >= 2);
        assertThat(mailsFor(first)).hasSize(2);
        assertThat(mailsFor(first).get(1).getSubject()).contains("CRITICAL", "Reefer too warm");
        assertThat(mailsFor(second)).hasSize(2);
        JsonNode log = get("/api/v1/notifications?state=SENT&limit=500").json();
        assertThat(entriesFor(log, device, first, second)).hasSize(4);
    }

    @Test
    void quietHoursHoldAMessageUntilTheyEnd() throws Exception {
        String device = device();
        String operator = operatorWithMail("quiet");
        Instant quietEnd = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        LocalTime to = LocalTime.ofInstant(quietEnd, ZoneOffset.UTC);
        rule(device, "\"recipients\": [\"%s\"], \"quietFrom\": \"%s\", \"quietTo\": \"%s\", \"zone\": \"UTC\""
                .formatted(operator, to.minusHours(2), to));

        raise(device, "door", "WARNING", "Door open at night");
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(get("/api/v1/notifications").json(), device, operator).size() == 1);
        assertThat(mailsFor(operator)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(operator).size() == 1);
        assertThat(Instant.now()).isAfterOrEqualTo(quietEnd);
    }

    @Test
    void anSmtpServerThatIsAwayIsRetriedUntilItIsBack() throws Exception {
        String device = device();
        String operator = operatorWithMail("retried");
        rule(device, "\"recipients\": [\"%s\"]".formatted(operator));
        mail.stop();
        try {
            raise(device, "door", "WARNING", "Door open while mail is down");
            await().atMost(Duration.ofSeconds(20)).until(() -> entriesFor(get("/api/v1/notifications").json(), device, operator)
                    .stream().anyMatch(e -> e.get("attempts").intValue() >= 1 && !e.get("lastError").isNull()));
            JsonNode pending = entriesFor(get("/api/v1/notifications").json(), device, operator).get(0);
            assertThat(pending.get("state").stringValue()).isEqualTo("PENDING");
            assertThat(pending.get("lastError").stringValue()).startsWith("not delivered");
        } finally {
            mail.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor(operator).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(get("/api/v1/notifications").json(), device, operator).get(0)
                .get("state").stringValue().equals("SENT"));
        assertThat(entriesFor(get("/api/v1/notifications").json(), device, operator).get(0).get("attempts").intValue()).isGreaterThan(1);
    }

    @Test
    void anotherTenantsOperatorIsNoRecipientAndNeverGetsTheTenantsMail() throws Exception {
        Tenant other = newTenant();
        String stranger = other.administrator();
        as(other.credentials()).send("PUT", "/api/v1/operators/me/contact", "{\"email\": \"%s@other.example\"}"
                .formatted(stranger), MediaType.APPLICATION_JSON);
        String device = device();
        Response refused = postJson("/api/v1/notification-rules", ruleBody(device, "\"recipients\": [\"%s\"]"
                .formatted(stranger)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("recipient").stringValue()).isEqualTo(stranger);

        Response theirs = as(other.credentials()).send("POST", "/api/v1/notification-rules",
                "{\"name\": \"all alerts\", \"events\": [\"alert\"], \"rateWindowSeconds\": 0}", MediaType.APPLICATION_JSON);
        assertThat(theirs.status()).isEqualTo(201);
        String ours = operatorWithMail("ours");
        rule(device, "\"recipients\": [\"%s\"]".formatted(ours));
        raise(device, "door", "WARNING", "Our door");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(ours).size() == 1);
        assertThat(mailsFor(stranger + "@other.example")).isEmpty();
        assertThat(as(other.credentials()).get("/api/v1/notifications").body()).doesNotContain(device);
    }

    @Test
    void lineBreaksInAnAlertOrAnAddressNeverBecomeHeaders() throws Exception {
        String operator = "inject-" + UUID.randomUUID().toString().substring(0, 6);
        createOperator(operator);
        Response refused = send("PUT", "/api/v1/operators/%s/contact".formatted(operator),
                "{\"email\": \"%s@example.com\\r\\nBcc: victim@evil.example\"}".formatted(operator), MediaType.APPLICATION_JSON);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/operators/%s/contact".formatted(operator),
                "{\"email\": \"Mallory <%s@example.com>\"}".formatted(operator), MediaType.APPLICATION_JSON).status())
                .isEqualTo(400);
        setMail(operator);
        String device = device();
        rule(device, "\"recipients\": [\"%s\"]".formatted(operator));

        raise(device, "door", "WARNING", "Door\\r\\nBcc: victim@evil.example\\r\\n\\r\\nforged body");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsFor(address(operator)).size() == 1);
        MimeMessage message = mailsFor(address(operator)).get(0);
        assertThat(message.getSubject()).doesNotContain("\r", "\n").contains("Door  Bcc: victim@evil.example");
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(mail.receivedBy("victim@evil.example")).isEmpty();
    }

    @Test
    void aStormWithinTheWindowIsOneDigestAfterTheFirstMessageAndNothingIsLost() throws Exception {
        String tag = "storm-" + UUID.randomUUID().toString().substring(0, 6);
        String operator = operatorWithMail("storm");
        assertThat(postJson("/api/v1/notification-rules", ("{\"name\": \"storm\", \"events\": [\"alert\"], \"tag\": \"%s\","
                + " \"recipients\": [\"%s\"], \"rateWindowSeconds\": 3}").formatted(tag, operator)).status()).isEqualTo(201);
        List<String> devices = java.util.stream.IntStream.range(0, 20).mapToObj(i -> uniqueId("storm")).toList();
        devices.forEach(d -> postJson("/api/v1/devices", ("{\"id\": \"%s\", \"name\": \"Truck\", \"kind\": \"van\","
                + " \"tags\": [\"%s\"]}").formatted(d, tag)));
        for (String d : devices) {
            raise(d, "door", "WARNING", "Door open");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> devices.stream().allMatch(d -> mailsFor(operator).stream()
                .anyMatch(m -> body(m).contains(d))));
        List<MimeMessage> received = mailsFor(operator);
        assertThat(received.size()).isBetween(1, 3);
        assertThat(received).anyMatch(m -> subject(m).contains("notifications: storm"));
        List<JsonNode> entries = devices.stream().flatMap(d -> entriesFor(get("/api/v1/notifications?limit=500").json(), d, operator)
                .stream()).toList();
        assertThat(entries).hasSize(20).allMatch(e -> e.get("state").stringValue().equals("SENT"));
        List<Instant> messages = entries.stream().collect(java.util.stream.Collectors.toMap(e -> e.get("messageId")
                .stringValue(), e -> Instant.parse(e.get("sentAt").stringValue()), (a, b) -> a)).values().stream().sorted()
                .toList();
        assertThat(messages).hasSize(received.size());
        for (int i = 1; i < messages.size(); i++) {
            assertThat(Duration.between(messages.get(i - 1), messages.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String device() {
        String device = uniqueId("notified");
        createDevice(device);
        return device;
    }

    private void raise(String device, String rule, String severity, String message) throws Exception {
        nats.jetStream().publish("fleet.%s.events.alert".formatted(device), ("{\"alertId\": \"%s\", \"ruleId\": \"%s\","
                + " \"state\": \"RAISED\", \"severity\": \"%s\", \"ts\": \"%s\", \"message\": \"%s\"}")
                .formatted(UUID.randomUUID(), rule, severity, Instant.now(), message).getBytes(StandardCharsets.UTF_8));
    }

    private void rule(String device, String fields) {
        Response created = postJson("/api/v1/notification-rules", ruleBody(device, fields));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String ruleBody(String device, String fields) {
        return "{\"name\": \"alerts of %s\", \"events\": [\"alert\"], \"device\": \"%s\", %s}".formatted(device, device, fields);
    }

    private String operatorWithMail(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        createOperator(username);
        setMail(username);
        return username;
    }

    private void createOperator(String username) {
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long password 1\","
                + " \"role\": \"OPERATOR\"}").formatted(username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void setMail(String username) {
        Response changed = send("PUT", "/api/v1/operators/%s/contact".formatted(username),
                "{\"email\": \"%s\", \"language\": \"en\", \"zone\": \"Europe/Berlin\"}".formatted(address(username)),
                MediaType.APPLICATION_JSON);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private static String address(String username) {
        return username.contains("@") ? username : username + "@example.com";
    }

    private List<MimeMessage> mailsFor(String username) {
        return mail.receivedBy(address(username));
    }

    /** The log's entries for the device and these recipients (another test's fleet-wide rule may add others). */
    private static List<JsonNode> entriesFor(JsonNode log, String device, String... recipients) {
        List<String> wanted = List.of(recipients);
        List<JsonNode> entries = new java.util.ArrayList<>();
        log.forEach(entry -> {
            if (device.equals(entry.path("deviceId").stringValue("")) && wanted.contains(entry.get("recipient").stringValue())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    /** The text and HTML parts, decoded. */
    private static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        return content.toString();
    }
}
