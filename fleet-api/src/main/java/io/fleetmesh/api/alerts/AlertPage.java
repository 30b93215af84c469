package io.fleetmesh.api.alerts;

import java.util.List;

/** A page of alerts, newest raised first; pass {@code nextCursor} as {@code cursor} for the next (null: no more). */
public record AlertPage(List<AlertView> items, String nextCursor) {
}
