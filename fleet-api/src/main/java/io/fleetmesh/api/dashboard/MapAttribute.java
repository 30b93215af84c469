package io.fleetmesh.api.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page with a map (overview, device, geofences) finds its tile source as {@code map}. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(MapProperties.class)
class MapAttribute {

    private final MapProperties map;

    MapAttribute(MapProperties map) {
        this.map = map;
    }

    @ModelAttribute("map")
    MapProperties map() {
        return map;
    }
}
