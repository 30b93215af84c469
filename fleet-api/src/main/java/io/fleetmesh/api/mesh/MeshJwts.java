package io.fleetmesh.api.mesh;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * NATS decentralized-auth JWTs (operator, account, user), signed with NKeys. jnats issues the envelope
 * ({@code JwtUtils.issueJWT}: header, jti, iat, signature); the claims follow nats-server 2.9's schema, version 2.
 * Users are signed with the account's own key: under a scoped signing key 2.9.10 refuses users that carry
 * permissions or limits (NATS-NOTES).
 */
public final class MeshJwts {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Map<String, Object> UNLIMITED = Map.of("subs", -1, "data", -1, "payload", -1,
            "imports", -1, "exports", -1, "wildcards", true, "conn", -1, "leaf", -1);
    private static final Map<String, Object> JETSTREAM = Map.of("mem_storage", -1, "disk_storage", -1,
            "streams", -1, "consumer", -1, "max_ack_pending", -1, "mem_max_stream_bytes", -1,
            "disk_max_stream_bytes", -1, "max_bytes_required", false);

    private MeshJwts() {
    }

    public static String operator(NKey operator, String name, String systemAccount) throws Exception {
        return issue(operator, publicKey(operator), name, Map.of("type", "operator", "version", 2,
                "system_account", systemAccount));
    }

    /**
     * An account, signed by the operator. {@code revocations}: user public key to a time in seconds; the user's
     * JWTs issued before it are refused and its connections closed once the resolver has the new JWT.
     */
    public static String account(NKey operator, String accountKey, String name, boolean jetStream,
                                 Map<String, Long> revocations) throws Exception {
        return account(operator, accountKey, name, jetStream, revocations, Map.of());
    }

    /** With subject mappings ({@code mappings} in the claims: source to weighted destinations). */
    public static String account(NKey operator, String accountKey, String name, boolean jetStream,
                                 Map<String, Long> revocations, Map<String, List<AccountMappings.WeightedSubject>> mappings)
            throws Exception {
        Map<String, Object> limits = new LinkedHashMap<>(UNLIMITED);
        if (jetStream) {
            limits.putAll(JETSTREAM);
        }
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("type", "account", "version", 2, "limits", limits));
        if (!revocations.isEmpty()) {
            claims.put("revocations", revocations);
        }
        if (!mappings.isEmpty()) {
            claims.put("mappings", mappings);
        }
        return issue(operator, accountKey, name, claims);
    }

    /**
     * A user of the account whose key signs it. {@code permissions} null: unrestricted (a service of the tenant).
     * Not {@code JwtUtils.issueUserJWT}: it always writes {@code issuer_account}, which 2.9 accepts only from a
     * signing key, not from the account's own key.
     */
    public static String user(NKey account, String userKey, String name, Permissions permissions) throws Exception {
        return issue(account, userKey, name, userClaims(permissions));
    }

    /**
     * A user whose JWT alone authenticates it ({@code bearer_token}): for MQTT devices, which cannot sign the
     * server's nonce; the JWT goes in the MQTT password. Whoever holds it is the device, so it is shown once.
     */
    public static String bearerUser(NKey account, String userKey, String name, Permissions permissions) throws Exception {
        Map<String, Object> claims = userClaims(permissions);
        claims.put("bearer_token", true);
        return issue(account, userKey, name, claims);
    }

    private static Map<String, Object> userClaims(Permissions permissions) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("type", "user", "version", 2,
                "subs", -1, "data", -1, "payload", -1));
        if (permissions != null) {
            claims.put("pub", Map.of("allow", permissions.publish()));
            claims.put("sub", Map.of("allow", permissions.subscribe()));
            if (permissions.replies()) {
                // one reply to each request it received, within the server's default two minutes
                claims.put("resp", Map.of("max", 1, "ttl", 0));
            }
        }
        return claims;
    }

    /**
     * Subjects a user may publish and subscribe to (wildcards allowed); nothing else. {@code replies}: it may
     * answer the requests it receives (on their reply subjects, whatever they are).
     */
    public record Permissions(List<String> publish, List<String> subscribe, boolean replies) {

        /**
         * What a device's hub connections (its agent's, its leaf link, or an MQTT device's) may do: its own subjects
         * and its own inboxes (the agent uses the inbox prefix {@code _INBOX.<device>}); acknowledge what its own
         * command consumer on the hub delivers ({@link HubStreams#commandConsumer}, ADR 0006); answer fleet-api's
         * synchronous command requests; pull and acknowledge its own package consumer (ADR 0013). No other
         * JetStream API.
         */
        public static Permissions device(String deviceId) {
            String consumer = HubStreams.commandConsumer(deviceId);
            String packages = HubStreams.packageConsumer(deviceId);
            String own = Subjects.deviceSubjects(deviceId);
            return new Permissions(List.of(own, "$JS.ACK." + HubStreams.COMMANDS + "." + consumer + ".>",
                    "$JS.API.CONSUMER.MSG.NEXT." + HubStreams.PACKAGES + "." + packages,
                    "$JS.ACK." + HubStreams.PACKAGES + "." + packages + ".>"),
                    List.of(own, Subjects.inboxesOf(deviceId)), true);
        }

        /**
         * What a tap's reader may do (ADR 0015): pull from the tap's consumer, read its info, acknowledge what it
         * delivers, and receive on the tap's own inbox. No other subject, stream or consumer.
         */
        public static Permissions tapReader(String stream, String consumer, String inboxPrefix) {
            return new Permissions(List.of("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer,
                    "$JS.API.CONSUMER.INFO." + stream + "." + consumer, "$JS.ACK." + stream + "." + consumer + ".>"),
                    List.of(inboxPrefix + ".>"), false);
        }

        /**
         * Also publishing on a legacy layout's subjects of this device, {@code <prefix>.<device>.>} (an old MQTT fleet's
         * {@code trucks/<id>/temp}), which a subject mapping turns into the platform's (ADR 0014).
         */
        public Permissions withLegacyPrefix(String prefix, String deviceId) {
            List<String> publishing = new ArrayList<>(publish);
            publishing.add(prefix + "." + deviceId + ".>");
            return new Permissions(List.copyOf(publishing), subscribe, replies);
        }
    }

    /** The {@code .creds} file a NATS client or leaf node reads: the user JWT and its NKey seed. */
    public static String creds(String userJwt, NKey user) {
        return "-----BEGIN NATS USER JWT-----\n" + userJwt + "\n------END NATS USER JWT------\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + new String(user.getSeed()) + "\n------END USER NKEY SEED------\n";
    }

    public static String publicKey(NKey key) {
        try {
            return new String(key.getPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException("not a usable NKey", e);
        }
    }

    private static String issue(NKey signer, String subject, String name, Map<String, Object> claims) throws Exception {
        String body = json.writeValueAsString(claims);
        JsonSerializable nats = () -> body;
        // The eight-argument form is the one that writes the issuer ("iss"); without it the server rejects the JWT.
        return JwtUtils.issueJWT(signer, subject, name, (Duration) null, JwtUtils.currentTimeSeconds(),
                publicKey(signer), null, nats);
    }
}
