package io.fleetmesh.api.commands;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a command's history: to which state, when, decided by whom, and why. */
@Embeddable
class CommandTransition {

    @Enumerated(EnumType.STRING)
    private CommandState state;

    private Instant at;

    @Enumerated(EnumType.STRING)
    private CommandSource source;

    @Column(length = 1000)
    private String detail;

    protected CommandTransition() {
    }

    CommandTransition(CommandState state, Instant at, CommandSource source, String detail) {
        this.state = state;
        this.at = at;
        this.source = source;
        this.detail = detail;
    }

    CommandView.Transition view() {
        return new CommandView.Transition(state, at, source, detail);
    }
}
