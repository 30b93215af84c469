package io.fleetmesh.api.commands;

/** Who recorded a transition: fleet-api itself, or the truck's agent reporting what it did. */
public enum CommandSource {
    CLOUD, TRUCK
}
