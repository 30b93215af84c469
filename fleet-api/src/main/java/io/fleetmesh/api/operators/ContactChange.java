package io.fleetmesh.api.operators;

import io.fleetmesh.api.reports.TimeZones;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code PUT /api/v1/operators/me/contact}: an e-mail address (null: none), a language ({@code en},
 * {@code de}) and an IANA zone for the times in messages. The address must be a bare one
 * ({@link EmailAddress}), so it can never add a header to a mail.
 */
record ContactChange(String email, @Pattern(regexp = "en|de", message = "en or de") String language, String zone) {

    ContactChange {
        language = language == null ? "en" : language;
        zone = zone == null ? "UTC" : TimeZones.named(zone).getId();
        email = email == null || email.isBlank() ? null : new EmailAddress(email.strip()).value();
    }
}
