package io.fleetmesh.api.devices;

import java.util.List;

/** One page of devices ordered by id; {@code nextCursor} is null on the last page. */
record DevicePage(List<DeviceView> items, String nextCursor) {
}
