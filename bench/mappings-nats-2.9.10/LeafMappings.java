import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;

/**
 * Where a mapping applies when a truck's leaf is in the path (ADR 0014). Start the three servers of this directory
 * (nats-server -c hub.conf, -c leaf.conf, -c leafmapped.conf), then: java -cp jnats-2.26.2.jar LeafMappings.java
 * A message published on a leaf on the legacy subject; who sees it, mapped or not, on the hub and on the leaf.
 */
public class LeafMappings {

    public static void main(String[] args) throws Exception {
        for (String leafPort : new String[] {"14223", "14224"}) {
            try (Connection hub = Nats.connect("nats://127.0.0.1:14222");
                 Connection leaf = Nats.connect("nats://127.0.0.1:" + leafPort)) {
                Subscription mappedAtHub = hub.subscribe("fleet.x.telemetry.reefer");
                Subscription mappedAtLeaf = leaf.subscribe("fleet.x.telemetry.reefer");
                hub.flush(Duration.ofSeconds(2));
                leaf.flush(Duration.ofSeconds(2));
                Thread.sleep(500); // interest crosses the leaf link asynchronously
                leaf.publish("trucks.x.temp", "r".getBytes());
                leaf.flush(Duration.ofSeconds(2));
                System.out.printf("published on the leaf (%s): mapped at the hub %s, mapped at the leaf %s%n",
                        leafPort.equals("14224") ? "mapping in the leaf's config too" : "mapping on the hub only",
                        mappedAtHub.nextMessage(Duration.ofSeconds(1)) != null,
                        mappedAtLeaf.nextMessage(Duration.ofSeconds(1)) != null);
            }
        }
    }
}
