package io.fleetmesh.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server (zonky's embedded binaries), with a {@code fleetmesh} database. */
public final class Database implements AutoCloseable {

    private static final String NAME = "fleetmesh";
    private volatile EmbeddedPostgres postgres;
    private final Path dataDir;

    private Database(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** A throw-away server: its data directory is removed on close. */
    public static Database temporary() {
        return start(EmbeddedPostgres.builder(), null);
    }

    /** A server that keeps its data in {@code dataDir} across runs (the local platform's). */
    public static Database persistent(Path dataDir) {
        return start(keeping(dataDir), dataDir);
    }

    /**
     * Stops the server (a fast shutdown: clients are disconnected) and starts it again on the same data and port, as
     * an operator's restart does; only for a server that keeps its data.
     */
    public void restart() {
        if (dataDir == null) {
            throw new IllegalStateException("a temporary database cannot be restarted");
        }
        int port = postgres.getPort();
        close();
        postgres = configured(keeping(dataDir).setPort(port));
    }

    private static EmbeddedPostgres.Builder keeping(Path dataDir) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
    }

    private static Database start(EmbeddedPostgres.Builder builder, Path dataDir) {
        Database database = new Database(configured(builder), dataDir);
        database.createDatabaseIfMissing();
        return database;
    }

    private static EmbeddedPostgres configured(EmbeddedPostgres.Builder builder) {
        try {
            return builder.setServerConfig("max_connections", "200").setServerConfig("log_checkpoints", "on").start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + NAME, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", NAME);
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop PostgreSQL", e);
        }
    }
}
