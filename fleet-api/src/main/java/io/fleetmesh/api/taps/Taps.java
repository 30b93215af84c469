package io.fleetmesh.api.taps;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantAccounts;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.refusals.Unavailable;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A tenant's data taps (ADR 0015): each a row, a durable pull consumer on the hub and NATS credentials that can pull
 * and acknowledge on that consumer only. Pausing and deleting act through the tenant's account (its revocations), so
 * they need operator mode; an open hub has no credentials to withhold.
 */
@Component
class Taps {

    static final String NOT_FOUND = "There is no tap with this id.";
    static final String NO_MESH = "This installation runs an open hub (fleetmesh.mesh.keys-dir is not set) or the"
            + " tenant has no account key: a tap has no credentials to issue, withhold or revoke.";
    static final String EXPORTED = "fleet-api reads this tap into files: it has no reader credentials.";
    static final int MOST = 50;
    private static final Logger log = LoggerFactory.getLogger(Taps.class);

    private final TapStore store;
    private final TapConsumers consumers;
    private final TapKeys keys;
    private final TapMonitor monitor;
    private final TapLocks locks;
    private final MeshLinks links;
    private final TenantAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Taps(TapStore store, TapConsumers consumers, TapKeys keys, TapMonitor monitor, TapLocks locks, MeshLinks links,
         TenantAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.consumers = consumers;
        this.keys = keys;
        this.monitor = monitor;
        this.links = links;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    List<TapView> list(UUID tenant) {
        return store.list(tenant).stream().map(this::view).toList();
    }

    TapView view(UUID tenant, String name) {
        return view(find(tenant, name));
    }

    List<TapGap> gaps(UUID tenant, String name) {
        return store.gaps(tenant, find(tenant, name).name());
    }

    List<TapExportFile> exports(UUID tenant, String name) {
        return store.exports(tenant, find(tenant, name).name());
    }

    List<DeadLetter> deadLetters(UUID tenant, String name) {
        return store.deadLetters(tenant, find(tenant, name).name());
    }

    CreatedTap create(Caller caller, NewTap request) {
        Tap tap = new Tap(caller.tenantId(), request.name(), TapSettings.of(request), null, 0, caller.name(),
                clock.instant());
        TenantLink link = link(caller.tenantId());
        locks.onTenant(tap.tenant(), () -> insert(tap));
        locks.onTap(tap.tenant(), tap.name(), () -> createConsumer(link, tap, request.startAt()));
        String credentials = accounts.enabled(tap.tenant()) && tap.settings().export() == null ? keys.issue(tap) : null;
        changed(caller, tap, "created", tap.settings().filter());
        return new CreatedTap(view(tap), credentials, new CreatedTap.Connect(tap.stream(), tap.consumer(),
                HubStreams.tapInbox(tap.name())));
    }

    private Tap insert(Tap tap) {
        if (store.count(tap.tenant()) >= MOST) {
            throw new Conflict("A tenant has at most " + MOST + " taps: delete one first.");
        }
        if (!store.insert(tap)) {
            throw new Conflict("There is a tap of this name already.");
        }
        return tap;
    }

    private Tap createConsumer(TenantLink link, Tap tap, TapStart start) {
        try {
            store.ackFloor(tap.tenant(), tap.name(), consumers.create(link, tap, start));
        } catch (Exception e) {
            log.warn("tap {} of tenant {} not created: the hub did not take its consumer: {}", tap.name(), tap.tenant(),
                    e.toString());
            store.delete(tap.tenant(), tap.name());
            throw new Unavailable("The hub did not take the tap's consumer (" + e.getMessage() + "): try again.");
        }
        return tap;
    }

    /** Its reader is cut off (the hub closes its connection) and its place kept; resuming lets the same one back. */
    TapView pause(Caller caller, String name, boolean paused) {
        Tap tap = find(caller.tenantId(), name);
        if (tap.settings().export() == null) {
            requireMesh(tap.tenant());
        }
        if (tap.paused() != paused) {
            store.paused(tap.tenant(), tap.name(), paused ? clock.instant() : null);
            pushIfEnabled(tap.tenant());
            changed(caller, tap, paused ? "paused" : "resumed", null);
        }
        return view(caller.tenantId(), name);
    }

    TapView reset(Caller caller, String name, TapReset reset) {
        Tap tap = find(caller.tenantId(), name);
        TapStart start = reset.start();
        TenantLink link = link(tap.tenant());
        locks.onTap(tap.tenant(), tap.name(), () -> moveConsumer(link, tap, start));
        changed(caller, tap, "reset", start.kind() == TapStart.Kind.TIME ? "time " + start.time()
                : "sequence " + start.sequence());
        return view(tap);
    }

    private Tap moveConsumer(TenantLink link, Tap tap, TapStart start) {
        try {
            store.ackFloor(tap.tenant(), tap.name(), consumers.create(link, tap, start));
            return tap;
        } catch (Exception e) {
            throw new Unavailable("The hub did not take the reset (" + e.getMessage() + "): try again.");
        }
    }

    /** New credentials for the tap; every older key of it is revoked. */
    String rotate(Caller caller, String name) {
        Tap tap = find(caller.tenantId(), name);
        requireMesh(tap.tenant());
        if (tap.settings().export() != null) {
            throw new Conflict(EXPORTED);
        }
        keys.revokeAll(tap.tenant(), tap.name());
        String credentials = keys.issue(tap);
        accounts.push(tap.tenant());
        changed(caller, tap, "credentials-issued", null);
        return credentials;
    }

    /** The consumer goes (if the hub is reachable: otherwise it is left to the next tap of that name) and its keys. */
    void delete(Caller caller, String name) {
        Tap tap = find(caller.tenantId(), name);
        locks.onTap(tap.tenant(), tap.name(), () -> deleteConsumer(tap));
        monitor.forget(tap);
        pushIfEnabled(tap.tenant());
        changed(caller, tap, "deleted", null);
    }

    private Tap deleteConsumer(Tap tap) {
        try {
            consumers.delete(link(tap.tenant()), tap);
        } catch (Exception e) {
            log.warn("tap {} of tenant {} deleted, its consumer left on the hub: {}", tap.name(), tap.tenant(), e.toString());
        }
        // together: a paused tap's keys are refused through its row until their own revocation is stored
        keys.revokeAll(tap.tenant(), tap.name());
        store.delete(tap.tenant(), tap.name());
        return tap;
    }

    private TapView view(Tap tap) {
        return TapView.of(tap, monitor.status(tap).orElse(null), monitor.throughput(tap),
                store.losses(tap.tenant(), tap.name()));
    }

    private Tap find(UUID tenant, String name) {
        return store.find(tenant, name).orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    private TenantLink link(UUID tenant) {
        return links.of(tenant).orElseThrow(() -> new Unavailable("This tenant is not linked to the hub now."));
    }

    private void pushIfEnabled(UUID tenant) {
        if (accounts.enabled(tenant)) {
            accounts.push(tenant);
        }
    }

    private void requireMesh(UUID tenant) {
        if (!accounts.enabled(tenant)) {
            throw new Conflict(NO_MESH);
        }
    }

    private void changed(Caller caller, Tap tap, String change, String detail) {
        log.info("tap {}: tenant={} tap={} by={}", change, tap.tenant(), tap.name(), caller.name());
        events.publishEvent(new TapEvents.TapChanged(tap.tenant(), tap.name(), change, detail, caller.name()));
    }
}
