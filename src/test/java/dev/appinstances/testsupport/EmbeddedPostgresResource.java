package dev.appinstances.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests: embedded (zonky), or an existing server when {@code
 * TEST_PG_HOSTPORT} is set (with {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}, {@code
 * TEST_PG_DATABASE}).
 *
 * <p>The embedded server keeps its data directory and port across a stop, so a test can take the
 * database away and bring it back: a field of type {@code Consumer<Boolean>} in a test receives
 * that switch ({@code false} stops the server, {@code true} starts it again).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path dataDir;
    private int port;

    @Override
    public Map<String, String> start() {
        String hostPort = System.getenv("TEST_PG_HOSTPORT");
        String database = env("TEST_PG_DATABASE", "postgres");
        if (hostPort == null || hostPort.isBlank()) {
            try {
                dataDir = Files.createTempDirectory("app-instances-test-pg");
                port = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            setRunning(true);
            hostPort = "localhost:" + port;
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
    public void inject(TestInjector testInjector) {
        if (dataDir != null) {
            Consumer<Boolean> databaseSwitch = this::setRunning;
            testInjector.injectIntoFields(
                    databaseSwitch, new TestInjector.MatchesType(Consumer.class));
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            setRunning(false);
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    private synchronized void setRunning(boolean running) {
        try {
            if (running && postgres == null) {
                postgres =
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir)
                                .setCleanDataDirectory(false)
                                .setPort(port)
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .start();
            } else if (!running && postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
