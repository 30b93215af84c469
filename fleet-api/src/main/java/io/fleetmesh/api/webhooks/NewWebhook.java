package io.fleetmesh.api.webhooks;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook: where to POST, and for which events ({@code alert}, {@code command}: command results,
 * {@code notification}: what notification rules with the webhook channel tell).
 */
record NewWebhook(@NotNull @Size(max = 2000) @Pattern(regexp = "https?://.+") String url,
                  @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "alert|command|notification") String> events) {
}
