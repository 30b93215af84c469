package io.fleetmesh.api.drivers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/drivers} and {@code PUT /api/v1/drivers/{id}}: a name, the identifier their
 * truck reports (letters, digits and {@code :_.-}, compared upper-case), the licence's expiry date and a phone.
 */
record NewDriver(@NotBlank @Size(max = 100) String name,
                 @NotBlank @Pattern(regexp = "\\s*[A-Za-z0-9:_.-]{1,64}\\s*") String identifier,
                 LocalDate licenceExpires,
                 @Size(max = 32) @Pattern(regexp = "[0-9+() -]*") String phone) {
}
