package io.fleetmesh.api.operators;

import java.util.UUID;

/** How to reach an operator: {@code email} may be null (none given yet); language and IANA zone for messages. */
public record OperatorContact(UUID id, String username, String email, String language, String zone) {
}
