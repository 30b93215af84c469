package io.fleetmesh.api.operators;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.reports.TimeZones;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/operators/me/contact}: an e-mail address (null: none), a language ({@code en},
 * {@code de}) and an IANA zone for the times in messages. The address must be a bare one, as strict RFC 822 reads
 * it: no display name, no line breaks, so it can never add a header to a mail.
 */
record ContactChange(String email, @Pattern(regexp = "en|de", message = "en or de") String language, String zone) {

    ContactChange {
        language = language == null ? "en" : language;
        zone = zone == null ? "UTC" : TimeZones.named(zone).getId();
        email = email == null || email.isBlank() ? null : checked(email.strip());
    }

    private static String checked(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            if (address.getPersonal() == null && address.getAddress().equals(email) && email.contains("@")
                    && email.length() <= 254) {
                return email;
            }
        } catch (AddressException e) {
            // refused below
        }
        throw new InvalidInput("Invalid e-mail address", "email must be a bare address such as ops@example.com.",
                Map.of("email", email));
    }
}
