package io.fleetmesh.api.credentials;

import io.fleetmesh.api.devices.DeviceDeleted;
import io.fleetmesh.api.mesh.TenantAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted device loses its credentials: its keys are revoked in the deleting transaction (the rows outlive the
 * device, so the revocation does too and a device re-created under the same id cannot be impersonated), and the
 * account is pushed once that transaction has committed.
 */
@Component
class DeletedDeviceCredentials {

    private final RevokedKeys revokedKeys;
    private final TenantAccounts accounts;

    DeletedDeviceCredentials(RevokedKeys revokedKeys, TenantAccounts accounts) {
        this.revokedKeys = revokedKeys;
        this.accounts = accounts;
    }

    @EventListener
    void revoke(DeviceDeleted deleted) {
        revokedKeys.revokeAll(deleted.tenantId(), deleted.deviceId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void push(DeviceDeleted deleted) {
        if (accounts.enabled(deleted.tenantId())) {
            accounts.push(deleted.tenantId());
        }
    }
}
