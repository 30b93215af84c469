package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A control room without internet sets the tiles empty: maps without tiles, and no image from anywhere else. */
@TestPropertySource(properties = "fleetmesh.ui.map.tiles=")
class TilelessMapTest extends IntegrationTest {

    @Test
    void anEmptyTileSettingGivesAMapWithoutTilesAndNoOtherImageOrigin() throws Exception {
        HttpResponse<String> overview = MapTilesTest.overview(baseUrl());
        assertThat(overview.body()).contains("<body").doesNotContain("data-tiles=\"http");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data:").doesNotContain("openstreetmap");
    }
}
