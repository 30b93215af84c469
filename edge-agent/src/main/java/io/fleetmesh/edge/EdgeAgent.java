package io.fleetmesh.edge;

/** The edge agent's entry point. The agent itself arrives with the edge-agent issue; this is its placeholder. */
public final class EdgeAgent {

    private EdgeAgent() {
    }

    public static void main(String[] args) {
        System.err.println("fleetmesh edge-agent: not implemented yet (see the edge agent issue)");
        System.exit(2);
    }
}
