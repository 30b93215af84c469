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
    private final EmbeddedPostgres postgres;

    private Database(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server: its data directory is removed on close. */
    public static Database temporary() {
        return start(EmbeddedPostgres.builder());
    }

    /** A server that keeps its data in {@code dataDir} across runs (the local platform's). */
    public static Database persistent(Path dataDir) {
        return start(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false));
    }

    private static Database start(EmbeddedPostgres.Builder builder) {
        try {
            Database database = new Database(builder.setServerConfig("max_connections", "200")
                    .setServerConfig("log_checkpoints", "on").start());
            database.createDatabaseIfMissing();
            return database;
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
