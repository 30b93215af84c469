package io.fleetmesh.api.operators;

import io.fleetmesh.api.refusals.InvalidInput;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;

/**
 * An e-mail address someone may be sent mail at: a bare one, as strict RFC 822 reads it, no display name, no line
 * breaks, so it can never add a header to a mail. Operators' contacts and other features' recipients are checked
 * alike.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        if (!bare(value)) {
            throw new InvalidInput("Invalid e-mail address", "email must be a bare address such as ops@example.com.",
                    Map.of("email", String.valueOf(value)));
        }
    }

    private static boolean bare(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            return address.getPersonal() == null && address.getAddress().equals(email) && email.contains("@")
                    && email.length() <= 254;
        } catch (AddressException | NullPointerException e) {
            return false;
        }
    }
}
