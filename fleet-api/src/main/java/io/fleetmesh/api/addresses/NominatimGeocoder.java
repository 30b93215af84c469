package io.fleetmesh.api.addresses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nominatim's {@code /reverse} (format jsonv2): {@code display_name} is the address; an {@code error} member ("Unable
 * to geocode") means there is none. Any other answer, a status other than 200 or a timeout fails the look-up.
 */
final class NominatimGeocoder implements Geocoder {

    private final GeocodingProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    NominatimGeocoder(GeocodingProperties properties) {
        this.properties = properties;
        http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public Optional<String> addressAt(Place place) {
        JsonNode answer = answer(place);
        if (answer.hasNonNull("display_name")) {
            return Optional.of(answer.get("display_name").asString());
        }
        if (answer.has("error")) {
            return Optional.empty();
        }
        throw new GeocodingFailed("no display_name nor error in the answer", null);
    }

    private JsonNode answer(Place place) {
        HttpRequest request = HttpRequest.newBuilder(uri(place)).timeout(properties.timeout())
                .header("User-Agent", properties.userAgent()).header("Accept-Language", properties.language()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new GeocodingFailed("the provider answered " + response.statusCode(), null);
            }
            return json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new GeocodingFailed(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeocodingFailed("interrupted", e);
        }
    }

    private URI uri(Place place) {
        String base = properties.url().toString().replaceAll("/+$", "");
        return URI.create(String.format(Locale.ROOT, "%s/reverse?format=jsonv2&zoom=18&lat=%.4f&lon=%.4f", base,
                place.lat(), place.lon()));
    }
}
