package dev.appinstances.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for the tests: embedded (zonky), or an existing server when {@code
 * TEST_PG_HOSTPORT} is set (with {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}, {@code
 * TEST_PG_DATABASE}).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        String hostPort = System.getenv("TEST_PG_HOSTPORT");
        String database = env("TEST_PG_DATABASE", "postgres");
        if (hostPort == null || hostPort.isBlank()) {
            try {
                postgres =
                        EmbeddedPostgres.builder()
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hostPort = "localhost:" + postgres.getPort();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.reactive.url",
                "postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.username",
                env("TEST_PG_USER", "postgres"),
                "quarkus.datasource.password",
                env("TEST_PG_PASSWORD", "postgres"));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
