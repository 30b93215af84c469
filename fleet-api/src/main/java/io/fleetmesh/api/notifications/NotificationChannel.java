package io.fleetmesh.api.notifications;

/**
 * A way of telling an operator (e-mail now; an SMS or chat gateway is another implementation, a Spring bean with
 * its own {@link #name()}, which rules then accept as their channel).
 */
public interface NotificationChannel {

    /** The name rules use, e.g. {@code email}. */
    String name();

    /**
     * Sends one message with the batch's notices (one, or a digest). Returning means the channel took it;
     * {@link NotDelivered} means it did not, and whether trying again can help.
     */
    void send(OutgoingMessage message) throws NotDelivered;

    /** Not taken; {@code permanent}: retrying cannot help (no address, no server configured). */
    final class NotDelivered extends Exception {

        private final boolean permanent;

        public NotDelivered(String reason, boolean permanent) {
            super(reason);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
