package io.fleetmesh.api.packages;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.refusals.TooLarge;
import io.fleetmesh.api.refusals.Unavailable;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.ObjectStore;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The tenant's packages, in its account's Object Store bucket on the hub (chunks with a SHA-256 digest; never in
 * PostgreSQL): an upload is streamed into it chunk by chunk, up to the size limit, and what it says of the package
 * is the object's metadata. One package per name and version: a new build is a new version.
 */
@Component
@EnableConfigurationProperties(PackageProperties.class)
public class Packages {

    private static final Logger log = LoggerFactory.getLogger(Packages.class);
    /** 128 KiB: the measured chunk of ADR 0013, well under the hub's max_payload. */
    static final int CHUNK_BYTES = 128 * 1024;
    private static final Comparator<PackageView> BY_NAME = Comparator.comparing(PackageView::name)
            .thenComparing(PackageView::uploadedAt);

    private final MeshLinks links;
    private final PackageProperties properties;
    private final List<PackageUses> uses;

    Packages(MeshLinks links, PackageProperties properties, List<PackageUses> uses) {
        this.links = links;
        this.properties = properties;
        this.uses = uses;
    }

    PackageView upload(Caller caller, NewPackage upload, InputStream body) {
        ObjectStore store = store(links.of(caller.tenantId()).orElseThrow(
                () -> new Unavailable("This tenant is not linked to the hub now: the package cannot be stored.")));
        if (info(store, upload.objectName()) != null) {
            throw new Conflict("Package exists", "Version %s of %s is uploaded already: a new build is a new version."
                    .formatted(upload.version(), upload.name()), Map.of("name", upload.name(), "version", upload.version()));
        }
        ObjectMeta meta = ObjectMeta.builder(upload.objectName()).description(upload.description())
                .metadata(metadata(caller, upload)).chunkSize(CHUNK_BYTES).build();
        try {
            PackageView stored = PackageView.of(store.put(meta, new SizeLimitedInput(body, properties.maxSize().toBytes())));
            if (stored.sizeBytes() == 0) {
                forget(store, upload);
                throw new InvalidInput("Empty package", "A package has at least one byte.", Map.of());
            }
            log.info("package uploaded: tenant={} name={} version={} bytes={} by={}", caller.tenantId(), stored.name(),
                    stored.version(), stored.sizeBytes(), caller.name());
            return stored;
        } catch (SizeLimitedInput.Exceeded e) {
            forget(store, upload);
            throw new TooLarge("Package too large", "A package has at most %d bytes.".formatted(properties.maxSize().toBytes()),
                    Map.of("maxBytes", properties.maxSize().toBytes()));
        } catch (InvalidInput e) {
            throw e;
        } catch (Exception e) {
            forget(store, upload);
            throw new Unavailable("The package was not stored whole (" + e.getClass().getSimpleName() + "): upload it again.");
        }
    }

    /** The tenant's packages; none for a tenant without a link to the hub (it cannot have stored any). */
    public List<PackageView> list(UUID tenant) {
        Optional<TenantLink> link = links.of(tenant);
        if (link.isEmpty()) {
            return List.of();
        }
        try {
            return store(link.get()).getList().stream().filter(info -> !info.isDeleted()).map(PackageView::of).sorted(BY_NAME)
                    .toList();
        } catch (IOException | JetStreamApiException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /** The package (404 if the tenant has none of that name and version: "id" as the API documents its 404s). */
    public PackageView find(UUID tenant, String name, String version) {
        ObjectInfo info = links.of(tenant).map(link -> info(store(link), name + "@" + version)).orElse(null);
        if (info == null) {
            throw new NotFound("There is no package with this id.");
        }
        return PackageView.of(info);
    }

    /**
     * Makes the package the truck's to download (ADR 0013): its pull consumer on the package's chunks, made anew (a
     * consumer it had for another package goes), and what the truck needs to fetch and check it.
     */
    public PackageDelivery deliver(UUID tenant, String name, String version, String device) {
        TenantLink link = links.of(tenant).orElseThrow(() -> new Unavailable("This tenant is not linked to the hub now."));
        ObjectInfo info = info(store(link), name + "@" + version);
        if (info == null) {
            throw new NotFound("There is no package with this id.");
        }
        try {
            JetStreamManagement jsm = link.connection().jetStreamManagement();
            removeConsumer(jsm, device);
            jsm.addOrUpdateConsumer(HubStreams.PACKAGES, ConsumerConfiguration.builder()
                    .durable(HubStreams.packageConsumer(device)).filterSubject(HubStreams.packageChunks(info.getNuid()))
                    .deliverPolicy(DeliverPolicy.All).ackPolicy(AckPolicy.Explicit).ackWait(Duration.ofSeconds(10))
                    .maxAckPending(32).build());
            long first = jsm.getFirstMessage(HubStreams.PACKAGES, HubStreams.packageChunks(info.getNuid())).getSeq();
            return PackageDelivery.of(PackageView.of(info), info, first, HubStreams.packageConsumer(device));
        } catch (IOException | JetStreamApiException e) {
            throw unreachable(e);
        }
    }

    /** The truck's package consumer goes (its rollout ended before it began); nothing if there is none. */
    public void undeliver(UUID tenant, String device) {
        links.of(tenant).ifPresent(link -> {
            try {
                removeConsumer(link.connection().jetStreamManagement(), device);
            } catch (IOException e) {
                log.warn("package consumer of {} not removed: {}", device, e.toString());
            }
        });
    }

    private static void removeConsumer(JetStreamManagement jsm, String device) throws IOException {
        try {
            jsm.deleteConsumer(HubStreams.PACKAGES, HubStreams.packageConsumer(device));
        } catch (JetStreamApiException e) {
            log.debug("no package consumer of {} to remove: {}", device, e.getErrorDescription());
        }
    }

    void delete(Caller caller, String name, String version) {
        find(caller.tenantId(), name, version);
        uses.stream().map(use -> use.holds(caller.tenantId(), name, version)).filter(Objects::nonNull).findFirst()
                .ifPresent(reason -> {
                    throw new Conflict("Package in use", reason, Map.of("name", name, "version", version));
                });
        try {
            store(links.of(caller.tenantId()).orElseThrow()).delete(name + "@" + version);
            log.info("package deleted: tenant={} name={} version={} by={}", caller.tenantId(), name, version, caller.name());
        } catch (IOException | JetStreamApiException e) {
            throw unreachable(e);
        }
    }

    private ObjectStore store(TenantLink link) {
        try {
            // creating a bucket that exists with the same configuration changes nothing
            link.connection().objectStoreManagement().create(ObjectStoreConfiguration.builder(HubStreams.PACKAGES_BUCKET)
                    .storageType(StorageType.File).description("Fleetmesh packages").build());
            return link.connection().objectStore(HubStreams.PACKAGES_BUCKET);
        } catch (IOException | JetStreamApiException e) {
            throw unreachable(e);
        }
    }

    private static ObjectInfo info(ObjectStore store, String objectName) {
        try {
            ObjectInfo info = store.getInfo(objectName);
            return info == null || info.isDeleted() ? null : info;
        } catch (IOException | JetStreamApiException e) {
            throw unreachable(e);
        }
    }

    private static Map<String, String> metadata(Caller caller, NewPackage upload) {
        Map<String, String> meta = new HashMap<>(Map.of("name", upload.name(), "version", upload.version(),
                "kind", upload.kind().apiName(), "uploadedBy", caller.name()));
        if (upload.target() != null) {
            meta.put("target", upload.target());
        }
        if (upload.signature() != null) {
            meta.put("signature", upload.signature());
        }
        return meta;
    }

    /** A failed upload leaves nothing: its chunks go with the object (the metadata may not exist yet). */
    private static void forget(ObjectStore store, NewPackage upload) {
        try {
            store.delete(upload.objectName());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.debug("nothing of {} to forget: {}", upload.objectName(), e.toString());
        }
    }

    private static Unavailable unreachable(Exception e) {
        return new Unavailable("The hub's Object Store did not answer (" + e.getClass().getSimpleName() + ").");
    }
}
