package dev.appinstances.query;

import dev.appinstances.app.AppSettings;
import dev.appinstances.http.Paths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code self} and {@code next} of a page, under {@code app.public-base-url}. */
@ApplicationScoped
public class QueryLinks {

    public static final String PATH = Paths.STORAGE_INSTANCES;

    private final String base;

    @Inject
    public QueryLinks(AppSettings settings) {
        this(settings.publicBaseUrl());
    }

    QueryLinks(String publicBaseUrl) {
        this.base =
                (publicBaseUrl.endsWith("/")
                                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                                : publicBaseUrl)
                        + PATH;
    }

    /** The request as it came (raw, still encoded query string; null or empty for none). */
    public String self(String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? base : base + "?" + rawQuery;
    }

    /**
     * The same query, every parameter kept as sent, with the continuationToken (in any case, as the
     * parser reads it) replaced.
     */
    public String next(String rawQuery, String token) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !isToken(pair)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(
                InstanceQueryParser.CONTINUATION_TOKEN
                        + "="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return base + "?" + String.join("&", kept);
    }

    private static boolean isToken(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not decodable: not the token's name either
        }
        return InstanceQueryParser.CONTINUATION_TOKEN.equalsIgnoreCase(name);
    }
}
