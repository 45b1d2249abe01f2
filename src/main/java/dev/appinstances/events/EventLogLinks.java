package dev.appinstances.events;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code self} and {@code next} of a page: the request's URL under the public base URL. */
record EventLogLinks(String url, String rawQuery) {

    String self() {
        return rawQuery == null || rawQuery.isEmpty() ? url : url + "?" + rawQuery;
    }

    /** The same listing, every parameter kept as sent, with the continuationToken replaced. */
    String next(String token) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !isToken(pair)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(
                EventLogQueryParser.CONTINUATION_TOKEN
                        + "="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return url + "?" + String.join("&", kept);
    }

    private static boolean isToken(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not decodable: not the token's name either
        }
        return EventLogQueryParser.CONTINUATION_TOKEN.equals(name);
    }
}
