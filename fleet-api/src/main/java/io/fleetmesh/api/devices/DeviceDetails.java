package io.fleetmesh.api.devices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The fields an operator may change on a device (PUT body). */
record DeviceDetails(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = DeviceRules.KIND, message = DeviceRules.KIND_RULE) String kind,
        @Size(max = 20) List<@NotNull @Pattern(regexp = DeviceRules.TAG, message = DeviceRules.TAG_RULE) String> tags) {

    List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
