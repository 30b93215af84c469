package io.fleetmesh.api.taps;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What may not run at once on one tap, across replicas (PostgreSQL advisory locks, held for a transaction): a reset,
 * a deletion and the monitor creating a lost consumer again, each of which deletes or creates the tap's consumer; two
 * exports of the tap; and a tenant's creations, so its count of taps holds.
 */
@Component
class TapLocks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    TapLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The work once no one else changes this tap's consumer. */
    <T> T onTap(UUID tenant, String name, Supplier<T> work) {
        return holding(consumerKey(tenant, name), work);
    }

    /** The work once no other creation of the tenant's runs. */
    <T> T onTenant(UUID tenant, Supplier<T> work) {
        return holding("taps/" + tenant, work);
    }

    /** The work unless someone changes this tap's consumer now: then nothing, and false. */
    boolean ifFree(UUID tenant, String name, Runnable work) {
        return tryHolding(consumerKey(tenant, name), () -> {
            work.run();
            return true;
        }, false);
    }

    /** One export batch of the tap, unless another replica is exporting it now: then none, and 0 rows. */
    int ifNotExporting(UUID tenant, String name, Supplier<Integer> batch) {
        return tryHolding("tap-export/" + tenant + "/" + name, batch, 0);
    }

    private static String consumerKey(UUID tenant, String name) {
        return "tap/" + tenant + "/" + name;
    }

    private <T> T tryHolding(String key, Supplier<T> work, T otherwise) {
        return transactions.execute(status -> jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))",
                Boolean.class, key) ? work.get() : otherwise);
    }

    private <T> T holding(String key, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, key);
            return work.get();
        });
    }
}
