package io.fleetmesh.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"kind\":\"alert\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithItsSecretAndBodyOnly() {
        String header = WebhookSignature.sign("s3cret", 1_764_000_000L, BODY);
        assertThat(header).startsWith("t=1764000000,v1=").hasSize("t=1764000000,v1=".length() + 64);
        assertThat(WebhookSignature.verify("s3cret", header, BODY)).isTrue();
        assertThat(WebhookSignature.verify("other", header, BODY)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header, "{\"kind\":\"alarm\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSignature.verify("s3cret", header.replace("t=1764000000", "t=1764000001"), BODY)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "garbage", BODY)).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 5);
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(64)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "198.18.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00:ec2::254", "fe80::1", "64:ff9b::a00:1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        for (String external : List.of("8.8.8.8", "100.128.0.1", "2001:4860:4860::8888")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(external))).as(external).isTrue();
        }
    }
}
