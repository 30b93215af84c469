package io.fleetmesh.api.apikeys;

/** The answer to creating a key: the only time its token is shown. */
record CreatedApiKey(ApiKeyView key, String token) {
}
