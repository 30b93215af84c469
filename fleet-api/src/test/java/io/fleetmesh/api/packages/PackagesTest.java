package io.fleetmesh.api.packages;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Packages in the hub's Object Store through the REST API: streamed in with the digest the store computes, one per
 * name and version, refused whole when too large, of the wrong type or kind, and only administrators upload.
 */
class PackagesTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPackageIsStreamedIntoTheObjectStoreWithItsDigestAndListed() throws Exception {
        String name = "reefer-fw-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] bytes = random(3 * 1024 * 1024 + 17);
        HttpResponse<String> stored = put(name, "2.4.1", "kind=firmware&target=tag:reefer&description=Carrier+2.4.1",
                bytes, "application/octet-stream", adminKey());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.headers().firstValue("Location")).hasValue("/api/v1/packages/%s/2.4.1".formatted(name));

        JsonNode found = get("/api/v1/packages/%s/2.4.1".formatted(name)).json();
        assertThat(found.get("sizeBytes").longValue()).isEqualTo(bytes.length);
        assertThat(found.get("digest").stringValue()).isEqualTo("SHA-256=" + sha256(bytes));
        assertThat(found.get("chunks").longValue()).isGreaterThan(1);
        assertThat(found.get("kind").stringValue()).isEqualTo("firmware");
        assertThat(found.get("target").stringValue()).isEqualTo("tag:reefer");
        assertThat(found.get("description").stringValue()).isEqualTo("Carrier 2.4.1");
        assertThat(get("/api/v1/packages").body()).contains(name);

        HttpResponse<String> again = put(name, "2.4.1", "kind=firmware", random(10), "application/octet-stream", adminKey());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("a new build is a new version");
        assertThat(get("/api/v1/packages/%s/2.4.1".formatted(name)).json().get("sizeBytes").longValue())
                .as("the first upload is untouched").isEqualTo(bytes.length);

        assertThat(delete("/api/v1/packages/%s/2.4.1".formatted(name)).status()).isEqualTo(204);
        assertThat(get("/api/v1/packages/%s/2.4.1".formatted(name)).status()).isEqualTo(404);
    }

    @Test
    void aPackageTooLargeOfTheWrongTypeOrKindIsRefusedAndNothingIsStored() throws Exception {
        String name = "map-" + UUID.randomUUID().toString().substring(0, 6);
        get("/api/v1/packages"); // the bucket exists from here on
        long before = bucketBytes();
        HttpResponse<String> large = put(name, "1", "kind=file", random(4 * 1024 * 1024 + 1), "application/octet-stream",
                adminKey());
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/packages/%s/1".formatted(name)).status()).isEqualTo(404);
        assertThat(bucketBytes()).as("no chunk of it is left").isLessThanOrEqualTo(before);

        assertThat(put(name, "1", "kind=file", random(10), "text/plain", adminKey()).statusCode()).isEqualTo(415);
        HttpResponse<String> kind = put(name, "1", "kind=ringtone", random(10), "application/octet-stream", adminKey());
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("agent, firmware or a file");
        assertThat(put(name, "1", "kind=file&target=everyone", random(10), "application/octet-stream", adminKey())
                .statusCode()).isEqualTo(400);
        assertThat(put("Bad Name", "1", "kind=file", random(10), "application/octet-stream", adminKey()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/packages").body()).doesNotContain(name);
    }

    @Test
    void onlyAdministratorsUploadOrDelete() throws Exception {
        String operator = "Bearer " + createKey(adminBasic(), "OPERATOR");
        assertThat(put("fw-op", "1", "kind=file", random(10), "application/octet-stream", operator).statusCode())
                .isEqualTo(403);
        assertThat(as(operator).send("DELETE", "/api/v1/packages/fw-op/1", null, MediaType.APPLICATION_JSON).status())
                .isEqualTo(403);
        assertThat(as(operator).get("/api/v1/packages").status()).isEqualTo(200);
    }

    private HttpResponse<String> put(String name, String version, String query, byte[] body, String type,
                                     String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/packages/%s/%s?%s"
                        .formatted(name.replace(" ", "%20"), version, query)))
                .header("Authorization", authorization).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What the bucket's stream holds now (another test's upload in between would only make it larger). */
    private long bucketBytes() throws Exception {
        return nats.jetStreamManagement().getStreamInfo("OBJ_packages").getStreamState().getByteCount();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
