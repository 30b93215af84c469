package io.fleetmesh.systemtests;

/** Stops what a test started, every one of them even when one fails to stop: no server is left behind. */
final class Shutdown {

    private Shutdown() {
    }

    /** Closes each that is not null, in this order; then throws the first failure, the others suppressed in it. */
    static void inOrder(AutoCloseable... started) throws Exception {
        Exception failure = null;
        for (AutoCloseable closeable : started) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
