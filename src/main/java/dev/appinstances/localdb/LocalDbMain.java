package dev.appinstances.localdb;

import dev.appinstances.http.RequestTargets;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Entry point for {@code quarkus:dev} and the packaged jar. With no datasource configured it first
 * starts an embedded PostgreSQL whose data survives restarts, so that a machine with only a JDK can
 * run the service. With {@code QUARKUS_DATASOURCE_REACTIVE_URL} set it starts nothing; in a
 * production build there is no embedded PostgreSQL to start.
 */
@QuarkusMain
public final class LocalDbMain {

    /** Set once per JVM: dev-mode live reloads run main again in the same JVM. */
    private static final String STARTED_MARK = "local-db.embedded.port";

    private static final String LAUNCHER = "dev.appinstances.localdb.EmbeddedPostgresLauncher";

    private LocalDbMain() {}

    public static void main(String... args) throws Exception {
        System.setProperty(RequestTargets.QUARKUS_CHECK_OFF, "true");
        Config config = ConfigProvider.getConfig();
        Optional<String> reactiveUrl =
                config.getOptionalValue("quarkus.datasource.reactive.url", String.class);
        if (reactiveUrl.isPresent()) {
            deriveJdbcUrl(config, reactiveUrl.get());
        } else if (System.getProperty(STARTED_MARK) == null) {
            Path dataDir =
                    Path.of(
                                    config.getOptionalValue("local-db.data-dir", String.class)
                                            .orElse(".local-db/pgdata"))
                            .toAbsolutePath();
            startEmbedded(dataDir);
        }
        Quarkus.run(args);
    }

    /** Flyway needs a JDBC URL; without one, it is the reactive URL's database. */
    private static void deriveJdbcUrl(Config config, String reactiveUrl) {
        if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
            return;
        }
        JdbcUrls.fromReactive(reactiveUrl)
                .ifPresent(
                        derived -> {
                            System.setProperty("quarkus.datasource.jdbc.url", derived.jdbcUrl());
                            setUnlessConfigured(
                                    config, "quarkus.datasource.username", derived.username());
                            setUnlessConfigured(
                                    config, "quarkus.datasource.password", derived.password());
                        });
    }

    private static void setUnlessConfigured(Config config, String key, Optional<String> value) {
        if (value.isPresent() && config.getOptionalValue(key, String.class).isEmpty()) {
            System.setProperty(key, value.get());
        }
    }

    private static void startEmbedded(Path dataDir) throws Exception {
        Class<?> launcher;
        try {
            launcher = Class.forName(LAUNCHER);
        } catch (ClassNotFoundException productionBuild) {
            System.err.println(
                    "No datasource configured and no embedded PostgreSQL in this build:"
                            + " set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL");
            return;
        }
        int port;
        try {
            port = (int) launcher.getDeclaredMethod("start", Path.class).invoke(null, dataDir);
        } catch (InvocationTargetException e) {
            System.err.println(
                    "Cannot start the embedded PostgreSQL in "
                            + dataDir
                            + ": "
                            + rootMessage(e.getCause())
                            + ". Is another local run using it? Stop it, or give this run"
                            + " another folder with LOCAL_DB_DATA_DIR.");
            System.exit(1);
            return;
        }
        System.setProperty(STARTED_MARK, Integer.toString(port));
        System.setProperty(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres");
        System.setProperty(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        System.out.printf(
                "Embedded PostgreSQL on localhost:%d (user postgres), data in %s%n", port, dataDir);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
