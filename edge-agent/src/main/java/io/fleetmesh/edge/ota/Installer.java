package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import java.nio.file.Path;

/** Installs one kind of package on the truck, from the verified file. */
public interface Installer {

    /** Installs; false if the install completes only once the agent has restarted (an agent update). */
    boolean install(PackageOrder order, Path verified) throws Exception;

    /** A restart found the install claimed and not finished: how it ended. Never by installing again. */
    Ended afterRestart(PackageOrder order) throws Exception;

    /**
     * Takes the package back off the truck (its rollout aborted); true if the agent must restart for it to take
     * effect (the previous agent jar is back).
     */
    boolean rollBack(PackageRollback rollback) throws Exception;

    /** A final state of {@link OtaReport}, and why. */
    record Ended(String state, String reason) {

        static Ended succeeded() {
            return new Ended(OtaReport.SUCCEEDED, null);
        }

        static Ended interrupted() {
            return new Ended(OtaReport.FAILED, "interrupted: the agent stopped during the install; not installed again");
        }
    }
}
