package io.fleetmesh.api.operators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator ({@code fleetmesh.security.*}), created at the first start when there is no operator.
 *
 * @param adminUsername its username
 * @param adminPassword its password (from a secret); when empty, a random one is generated and logged once
 * @param adminPasswordTemporary whether it must be changed at the first login; unset: only a generated one
 */
@ConfigurationProperties("fleetmesh.security")
public record OperatorProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
                                 Boolean adminPasswordTemporary) {

    boolean temporary(boolean generated) {
        return adminPasswordTemporary == null ? generated : adminPasswordTemporary;
    }
}
