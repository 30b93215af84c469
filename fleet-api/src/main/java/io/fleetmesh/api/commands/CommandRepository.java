package io.fleetmesh.api.commands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CommandRepository extends JpaRepository<Command, UUID>, JpaSpecificationExecutor<Command> {

    Optional<Command> findByIdAndTenantId(UUID id, UUID tenantId);

    Optional<Command> findByTenantIdAndIdempotencyKey(UUID tenantId, String idempotencyKey);

    /** QUEUED commands the dispatcher should (re)send: not held for a synchronous attempt, not expired. */
    @Query("select c.id from Command c where c.state = io.fleetmesh.api.commands.CommandState.QUEUED"
            + " and (c.holdUntil is null or c.holdUntil < :now) and c.expiresAt > :now order by c.createdAt")
    List<UUID> findDispatchable(Instant now, Limit limit);

    @Query("select c.id from Command c where c.state in (io.fleetmesh.api.commands.CommandState.QUEUED,"
            + " io.fleetmesh.api.commands.CommandState.SENT) and c.expiresAt <= :now order by c.expiresAt")
    List<UUID> findExpired(Instant now, Limit limit);

    @Query("select distinct c.deviceId from Command c where c.tenantId = :tenantId and c.type = :type"
            + " and c.createdAt >= :since and c.state <> io.fleetmesh.api.commands.CommandState.EXPIRED")
    Set<String> findDevicesOrderedSince(UUID tenantId, String type, Instant since);

    @Query("select c.state, count(c) from Command c where c.tenantId = :tenantId and c.fanoutId = :fanoutId group by c.state")
    List<Object[]> countByState(UUID tenantId, UUID fanoutId);
}
