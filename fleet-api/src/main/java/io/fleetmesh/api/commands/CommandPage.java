package io.fleetmesh.api.commands;

import java.util.List;

/** A page of commands, newest first; pass {@code nextCursor} as {@code cursor} for the next (null: no more). */
public record CommandPage(List<CommandView> items, String nextCursor) {
}
