package io.fleetmesh.api.commands;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a caller's {@link NewCommand} into a {@link CommandRequest}: TTL within bounds, params small enough. */
@Component
class CommandRequests {

    static final int MAX_PARAMS_BYTES = 8_192;
    private static final JsonMapper json = JsonMapper.builder().build();

    private final CommandProperties properties;

    CommandRequests(CommandProperties properties) {
        this.properties = properties;
    }

    /** {@code target}: the device, or the fan-out's target, part of what an idempotency key stands for. */
    CommandRequest of(NewCommand command, Caller caller, String idempotencyKey, String target) {
        return of(command, caller.name(), idempotencyKey, target);
    }

    CommandRequest of(NewCommand command, String by, String idempotencyKey, String target) {
        String params = json.writeValueAsString(command.paramsOrEmpty());
        if (params.getBytes(StandardCharsets.UTF_8).length > MAX_PARAMS_BYTES) {
            throw invalid("params must be at most " + MAX_PARAMS_BYTES + " bytes of JSON");
        }
        Duration ttl = command.ttl() == null ? properties.defaultTtl() : command.ttl();
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxTtl()) > 0) {
            throw invalid("ttl must be positive and at most " + properties.maxTtl());
        }
        String hash = sha256(String.join("\n", target, command.type(), params, ttl.toString(),
                String.join(";", command.preconditionsOrNone())));
        return new CommandRequest(command.type(), params, command.preconditionsOrNone(), ttl, by, idempotencyKey, hash, null);
    }

    private static InvalidInput invalid(String detail) {
        return new InvalidInput(detail);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
