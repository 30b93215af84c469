package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** By default the maps load OpenStreetMap's tiles, and the page's Content-Security-Policy lets exactly them in. */
class MapTilesTest extends IntegrationTest {

    @Test
    void theOverviewLoadsOpenStreetMapTilesWithTheirAttribution() throws Exception {
        HttpResponse<String> overview = overview(baseUrl());
        assertThat(overview.body()).contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"",
                "openstreetmap.org/copyright", "OpenStreetMap&lt;/a&gt; contributors");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: https://tile.openstreetmap.org");
    }

    static HttpResponse<String> overview(String baseUrl) throws Exception {
        FormSession session = new FormSession(baseUrl);
        session.logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        HttpResponse<String> overview = session.page("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        return overview;
    }
}
