package dev.appinstances.localdb;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The JDBC URL Flyway needs, from the reactive URL the service runs on, so that one URL is enough
 * to configure the database: {@code
 * [vertx-reactive:]postgresql://[user[:password]@]host[:port]/db[?...]} becomes {@code
 * jdbc:postgresql://host[:port]/db[?...]}.
 */
final class JdbcUrls {

    /** The parts of a reactive URL Flyway's connection needs. */
    record Derived(String jdbcUrl, Optional<String> username, Optional<String> password) {}

    private JdbcUrls() {}

    static Optional<Derived> fromReactive(String reactiveUrl) {
        String url = reactiveUrl.trim();
        if (url.startsWith("vertx-reactive:")) {
            url = url.substring("vertx-reactive:".length());
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            user = Optional.of(credentials[0]);
            password = credentials.length == 2 ? Optional.of(credentials[1]) : Optional.empty();
        }
        return Optional.of(new Derived(jdbc.toString(), user, password));
    }
}
