package io.fleetmesh.api.drivers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A driver as the API shows them; {@code licenceExpired}: the licence's expiry date has passed. */
record DriverView(UUID id, String name, String identifier, LocalDate licenceExpires, boolean licenceExpired,
                  String phone, Instant createdAt) {
}
