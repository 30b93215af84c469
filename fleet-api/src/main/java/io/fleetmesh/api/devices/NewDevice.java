package io.fleetmesh.api.devices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A device to register (POST body): its details plus the id, which never changes. */
record NewDevice(
        @NotNull @Pattern(regexp = DeviceRules.ID, message = DeviceRules.ID_RULE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = DeviceRules.KIND, message = DeviceRules.KIND_RULE) String kind,
        @Size(max = 20) List<@NotNull @Pattern(regexp = DeviceRules.TAG, message = DeviceRules.TAG_RULE) String> tags) {

    DeviceDetails details() {
        return new DeviceDetails(name, kind, tags);
    }
}
