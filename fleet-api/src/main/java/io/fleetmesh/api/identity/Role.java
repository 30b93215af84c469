package io.fleetmesh.api.identity;

/** What a caller may do: VIEWER reads, OPERATOR also acts on the fleet, ADMIN also manages access. */
public enum Role {
    ADMIN, OPERATOR, VIEWER;

    /** The Spring Security authority; ADMIN implies OPERATOR implies VIEWER (SecurityConfiguration). */
    public String authority() {
        return "ROLE_" + name();
    }
}
