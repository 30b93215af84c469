package io.fleetmesh.api.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's maps ({@code fleetmesh.ui.map.*}). The map's code is served by the app; only tiles come from
 * elsewhere, so a control room without internet still sees its trucks (on a blank map) or uses its own tile server.
 *
 * @param tiles       a tile URL template ({@code https://tile.example/{z}/{x}/{y}.png}); empty: no tiles
 * @param attribution the tile source's attribution, shown on the map; HTML (Leaflet's, for its links), so it comes
 *                    from configuration only, never from a user
 */
@ConfigurationProperties("fleetmesh.ui.map")
record MapProperties(@DefaultValue("") String tiles, @DefaultValue("") String attribution) {
}
