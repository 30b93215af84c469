package io.fleetmesh.api.web;

import io.fleetmesh.api.refusals.Refusal;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A dashboard form is read into the same record the API takes as a {@code @Valid} body, and checked here with the
 * same constraints: the first violation, as "field message", is the page's error.
 */
public final class FormChecks {

    private FormChecks() {
    }

    /** The value if it is valid; IllegalArgumentException with its first violation if not. */
    public static <T> T valid(Validator validator, T value) {
        validator.validate(value).stream().findFirst().ifPresent(violation -> {
            throw new IllegalArgumentException(violation.getPropertyPath() + " " + violation.getMessage());
        });
        return value;
    }

    /** What a page says of a refused form: the refusal's detail (with its properties' values), else the message. */
    public static String reason(RuntimeException e) {
        if (e instanceof Refusal refusal) {
            return refusal.detail() + (refusal.properties().isEmpty() ? "" : " " + refusal.properties().values());
        }
        return e.getMessage();
    }

    /** A form field left empty is no value. */
    public static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    /** A date field ({@code type="date"} sends YYYY-MM-DD), or null when empty. */
    public static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are YYYY-MM-DD, such as 2027-03-31");
        }
    }
}
