package io.fleetmesh.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends fuzzed requests with java.net.http rather than the tests' RestClient: it sends any bytes as the body, any
 * Content-Type and Accept, and bounds every exchange in time, which a stream that never ends needs.
 */
final class FuzzExchange {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_BODY = 4 * 1024 * 1024;

    /** An answer; {@code openStream} when it was a server-sent event stream, closed once it had opened. */
    record FuzzResponse(int status, String contentType, String body, boolean openStream) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FuzzResponse send(FuzzRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> response = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return read(response);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer within " + TIMEOUT + ": " + e, e);
        }
    }

    /** A stream that opened is closed at once: the properties are about its status, not its endless body. */
    private static FuzzResponse read(HttpResponse<InputStream> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200 && type.startsWith("text/event-stream")) {
                return new FuzzResponse(200, type, "", true);
            }
            return new FuzzResponse(response.statusCode(), type,
                    new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8), false);
        }
    }
}
