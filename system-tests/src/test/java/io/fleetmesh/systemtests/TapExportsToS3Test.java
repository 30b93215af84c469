package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A tap's Parquet export into an S3-compatible store (s3rver from npm, a real HTTP S3 API on this machine): fleet-api
 * writes it on its own schedule under the tenant's and tap's prefix, named by its sequences, and the object read
 * back with parquet-java holds the rows PostgreSQL stored.
 */
class TapExportsToS3Test {

    private static final String PASSWORD = "exports-test-admin";
    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @TempDir
    static Path dir;

    private static Process s3rver;
    private static NatsServer hub;
    private static Database database;
    private static ConfigurableApplicationContext api;
    private static S3Client s3;

    @BeforeAll
    static void platformExportingToABucket() throws Exception {
        String endpoint = "http://127.0.0.1:" + startS3rver();
        hub = NatsServer.hub(dir.resolve("hub")).start();
        database = Database.temporary();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=", "--fleetmesh.security.admin-password=" + PASSWORD,
                "--fleetmesh.exports.interval=1s", "--fleetmesh.exports.s3.bucket=exports",
                "--fleetmesh.exports.s3.endpoint=" + endpoint, "--fleetmesh.exports.s3.access-key=S3RVER",
                "--fleetmesh.exports.s3.secret-key=S3RVER", "--fleetmesh.exports.s3.prefix=fleet").toArray(String[]::new));
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(URI.create(endpoint))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER"))).build();
    }

    /** s3rver on a port of its choosing, with the bucket; the port it says it listens on. */
    private static int startS3rver() throws Exception {
        Path home = NodePackage.installed("s3");
        s3rver = new ProcessBuilder(home.resolve("node_modules/.bin/s3rver").toString(), "-d", dir.resolve("s3").toString(),
                "-a", "127.0.0.1", "-p", "0", "--configure-bucket", "exports").redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(s3rver.getInputStream(), StandardCharsets.UTF_8));
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> log.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(listening.group(1));
            }
        }
        throw new IllegalStateException("s3rver did not start");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        Shutdown.inOrder(api, hub, database);
        s3rver.destroy();
        s3rver.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aTapsParquetExportLandsInTheBucketAndHoldsTheStoredRows() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"s3-truck\", \"name\": \"T\", \"kind\": \"van\", \"tags\": []}");
        call("POST", "/api/v1/taps", """
                {"name": "warehouse", "source": "telemetry", "start": "all", "export": "parquet"}""");
        try (Connection truck = Nats.connect(hub.url())) {
            for (int i = 0; i < 30; i++) {
                truck.jetStream().publish("fleet.s3-truck.telemetry.reefer", ("{\"ts\": \"2026-12-07T09:00:%02dZ\","
                        .formatted(i) + " \"temp\": " + i + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
        JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(jdbc).size() == 30);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(objects()) == 30);

        List<S3Object> objects = objects();
        assertThat(objects).allMatch(object -> object.key().matches(
                "fleet/00000000-0000-0000-0000-000000000001/warehouse/\\d{4}/\\d{2}/\\d{2}/\\d{2}/\\d{20}-\\d{20}\\.parquet"));
        List<String> exported = new ArrayList<>();
        for (S3Object object : objects) {
            exported.addAll(parquet(object));
        }
        assertThat(exported).containsExactlyElementsOf(stored(jdbc));
    }

    private static List<S3Object> objects() {
        return s3.listObjectsV2(list -> list.bucket("exports").prefix("fleet/")).contents().stream()
                .sorted(java.util.Comparator.comparing(S3Object::key)).toList();
    }

    private static long rows(List<S3Object> objects) throws Exception {
        long rows = 0;
        for (S3Object object : objects) {
            rows += parquet(object).size();
        }
        return rows;
    }

    private static List<String> stored(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT device_id || ' ' || channel || ' ' || (metrics->>'temp') FROM telemetry"
                + " WHERE device_id = 's3-truck' ORDER BY ts", String.class);
    }

    private static List<String> parquet(S3Object object) throws Exception {
        Path file = dir.resolve(object.key().replace('/', '_'));
        java.nio.file.Files.deleteIfExists(file);
        s3.getObject(get -> get.bucket("exports").key(object.key()), file);
        List<String> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                String payload = row.getString("payload", 0);
                rows.add(row.getString("device", 0) + " " + row.getString("channel", 0) + " "
                        + payload.substring(payload.lastIndexOf(' ') + 1, payload.length() - 1));
            }
        }
        return rows;
    }

    private static void call(String method, String path, String body) throws Exception {
        int port = ((WebServerApplicationContext) api).getWebServer().getPort();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
    }
}
