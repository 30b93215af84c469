package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bad message that comes again after its acknowledgement was lost is quarantined once: the hub redelivers the very
 * message (same stream sequence, subject and payload), which is what a second consumer of the stream hands over here.
 */
class QuarantineRedeliveryTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Quarantine quarantine;

    @Test
    void aRedeliveredBadMessageIsQuarantinedOnceAndOtherBadMessagesStillAre() throws Exception {
        String device = uniqueId("redelivered");
        createDevice(device);
        String subject = "fleet.%s.telemetry.reefer".formatted(device);
        nats.jetStream().publish(subject, "{not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> quarantined(subject).size() == 1);
        UUID tenant = jdbc.queryForObject("SELECT tenant_id FROM quarantine WHERE subject = ?", UUID.class, subject);

        Message again = redelivery(subject);
        quarantine.refused(tenant, again, "redelivered");
        quarantine.refused(tenant, again, "redelivered twice");
        assertThat(quarantined(subject)).hasSize(1).allMatch(reason -> reason.startsWith("MALFORMED"));

        nats.jetStream().publish(subject, "{also not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> quarantined(subject).size() == 2);
    }

    private Message redelivery(String subject) throws Exception {
        JetStreamSubscription copy = nats.jetStream().subscribe(subject, PullSubscribeOptions.builder().build());
        List<Message> fetched = copy.fetch(1, Duration.ofSeconds(5));
        copy.unsubscribe();
        assertThat(fetched).hasSize(1);
        return fetched.get(0);
    }

    private List<String> quarantined(String subject) {
        return jdbc.queryForList("SELECT reason FROM quarantine WHERE subject = ? ORDER BY id", String.class, subject);
    }
}
