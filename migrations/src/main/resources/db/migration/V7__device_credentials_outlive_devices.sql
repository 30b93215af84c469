-- A deleted device's keys stay revoked: the rows (and so the revocations in the tenant's account JWT) outlive the
-- device instead of vanishing with it by cascade, which would have made its old credentials valid again.
ALTER TABLE device_credentials DROP CONSTRAINT device_credentials_tenant_id_device_id_fkey;
ALTER TABLE device_credentials ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
