package io.fleetmesh.api.notifications;

import io.fleetmesh.api.operators.OperatorContact;
import java.util.List;
import java.util.UUID;

/**
 * One message to one operator: {@code id} is the same on every attempt (an e-mail's Message-ID), so a receiver can
 * tell a retry after an unclear answer from a new message; {@code notices} in the order they happened.
 */
public record OutgoingMessage(String id, UUID tenantId, OperatorContact recipient, String ruleName, List<Notice> notices) {

    public boolean digest() {
        return notices.size() > 1;
    }
}
