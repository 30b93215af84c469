package io.fleetmesh.api.devices;

/** Where a device's NATS credentials stand: never issued, issued (some key live), or every key revoked. */
enum CredentialsState { NONE, ISSUED, REVOKED }
