package io.fleetmesh.api.web;

import io.fleetmesh.api.web.ProblemDocs.Documented;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Map;

/**
 * A feature's own error answers in the OpenAPI document (identity's 401 and 403, the device's 404): for a status,
 * they replace the generic example, and join what the controller declared with {@link Refuses}.
 */
public interface ProblemContributor {

    /** The answers of this operation this feature knows best, by status ("404"); empty if none. */
    Map<String, Documented> problems(String path, PathItem.HttpMethod method, Operation operation);
}
