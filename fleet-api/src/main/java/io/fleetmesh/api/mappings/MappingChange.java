package io.fleetmesh.api.mappings;

/**
 * A stored version and whether the hub applies it now ({@code applied}: its account JWT was pushed and taken; false
 * without operator mode, or while the hub does not answer: then it is pushed again at each mesh scan).
 */
public record MappingChange(MappingSet mappings, boolean applied) {
}
