package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

/** Which database failures are a message's fault (quarantine it) and which the database's (hand the batch back). */
class DatabaseRefusalTest {

    @Test
    void dataAndConstraintErrorsAreTheMessagesFault() {
        assertThat(BatchProcessor.refusesTheData(failure("22P05"))).as("untranslatable character").isTrue();
        assertThat(BatchProcessor.refusesTheData(failure("23514"))).as("no partition for the row").isTrue();
        assertThat(BatchProcessor.refusesTheData(failure("54000"))).as("program limit").isTrue();
    }

    @Test
    void aCutConnectionOrAnUnknownStateIsTheDatabasesFault() {
        assertThat(BatchProcessor.refusesTheData(failure("08006"))).as("connection failure").isFalse();
        assertThat(BatchProcessor.refusesTheData(failure("57P01"))).as("administrator shutdown").isFalse();
        assertThat(BatchProcessor.refusesTheData(failure("40001"))).as("serialization failure").isFalse();
        assertThat(BatchProcessor.refusesTheData(failure(null))).as("no SQLSTATE").isFalse();
    }

    private static UncategorizedSQLException failure(String sqlState) {
        return new UncategorizedSQLException("write", "INSERT", new SQLException("failed", sqlState));
    }
}
