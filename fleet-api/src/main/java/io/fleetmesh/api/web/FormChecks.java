package io.fleetmesh.api.web;

import jakarta.validation.Validator;

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
}
