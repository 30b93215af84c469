package io.fleetmesh.api.commands;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A truck's report on a command, as the lifecycle applies it: the wire's {@link io.fleetmesh.protocol.CommandReport}
 * (which refuses anything else, with a reason) with its state as a {@link CommandState}.
 */
record CommandReport(UUID id, CommandState state, Instant at, String reason, String resultJson) {

    private static final JsonMapper json = JsonMapper.builder().build();

    static CommandReport parse(byte[] payload) {
        var report = io.fleetmesh.protocol.CommandReport.parse(payload);
        return new CommandReport(UUID.fromString(report.id()), CommandState.valueOf(report.state().toUpperCase(Locale.ROOT)),
                report.at(), report.reason(), report.result() == null ? null : json.writeValueAsString(report.result()));
    }
}
