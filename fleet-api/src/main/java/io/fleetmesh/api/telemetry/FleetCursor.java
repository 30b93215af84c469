package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.refusals.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of the fleet list ended: its order and the sort keys of its last device, opaque to the client. The
 * order is part of it so that a cursor of one order is refused by another rather than silently mis-positioned.
 */
record FleetCursor(FleetOrder order, List<String> keys) {

    static FleetCursor after(FleetOrder order, FleetRow last) {
        return switch (order) {
            case ID -> new FleetCursor(order, List.of(last.id()));
            case NAME -> new FleetCursor(order, List.of(last.name(), last.id()));
            case LAST_SEEN -> new FleetCursor(order, List.of(last.lastSeen() == null ? "-infinity"
                    : last.lastSeen().toString(), last.id()));
        };
    }

    String encode() {
        return order.name().toLowerCase() + "." + String.join(".", keys.stream().map(FleetCursor::encode).toList());
    }

    /** A cursor of this order that this API gave out; anything else is refused. */
    static FleetCursor decode(String cursor, FleetOrder order) {
        List<String> parts = Arrays.asList(cursor.split("\\.", -1));
        if (parts.size() != order.keys() + 1 || !parts.get(0).equals(order.name().toLowerCase())) {
            throw refused();
        }
        return new FleetCursor(order, parts.subList(1, parts.size()).stream().map(FleetCursor::decode).toList());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    private static InvalidInput refused() {
        return new InvalidInput("cursor is not one this API gave out for this order");
    }
}
