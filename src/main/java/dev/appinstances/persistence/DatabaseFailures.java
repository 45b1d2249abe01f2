package dev.appinstances.persistence;

import dev.appinstances.problem.DatabaseUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells a database that is away from a bug: a refused or lost connection, or a server that is
 * shutting down, starting up or out of connections, is {@link DatabaseUnavailableException} (503
 * with {@code Retry-After}); everything else stays what it is.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** The failure as the client should see it. */
    public static Throwable translate(Throwable failure) {
        return isUnavailable(failure)
                ? new DatabaseUnavailableException(
                        "The database is unavailable; retry after a few seconds. A change that was"
                                + " in flight may or may not have been made: retry it with the same"
                                + " Idempotency-Key, or read before changing again.")
                : failure;
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof ConnectException
                    || cause instanceof ClosedConnectionException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof PgException pg && isUnavailable(pg.getSqlState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection), 53 (resources), 57P (operator intervention). */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.startsWith("53")
                        || sqlState.startsWith("57P"));
    }
}
