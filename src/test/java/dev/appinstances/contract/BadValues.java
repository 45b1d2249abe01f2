package dev.appinstances.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** The values the bad-request cases are made of: valid ones, and each kind of fault. */
abstract class BadValues {
    final Random random;
    final BadInputTest test;

    BadValues(Random random, BadInputTest test) {
        this.random = random;
        this.test = test;
    }

    // ---- values ---------------------------------------------------------------------

    String template() {
        return pick(
                "{\"instanceOwner\":{\"partyId\":\"" + test.party + "\"}}",
                "{\"instanceOwner\":{\"personNumber\":"
                        + jsonValue()
                        + "},\"dueBefore\":"
                        + dateValue()
                        + "}",
                "{\"instanceOwner\":{\"partyId\":"
                        + jsonValue()
                        + "},\"visibleAfter\":"
                        + dateValue()
                        + ",\"dataValues\":"
                        + jsonValue()
                        + "}",
                "{\"instanceOwner\":{\"organisationNumber\":"
                        + jsonValue()
                        + ",\"username\":"
                        + jsonValue()
                        + "},\"status\":{\"readStatus\":"
                        + jsonValue()
                        + ",\"substatus\":"
                        + jsonValue()
                        + "}}",
                "{\"instanceOwner\":{\"partyId\":\""
                        + test.party
                        + "\"},\"dataValues\":{\""
                        + text()
                        + "\":"
                        + jsonValue()
                        + "},\"dueBefore\":"
                        + dateValue()
                        + "}");
    }

    String mutateJson(String json) {
        return switch (random.nextInt(8)) {
            case 0 -> json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> json + pick(" {}", "x", ",", "]");
            case 2 -> json.replaceFirst("\"", pick("'", "", "\\\\u0000\""));
            case 3 -> "[" + json + "]";
            case 4 -> "{\"a\":".repeat(random.nextInt(2000)) + "1";
            default -> json;
        };
    }

    String jsonValue() {
        return pick(
                "null",
                "true",
                "1",
                "-1",
                "1e999",
                "12345678901234567890",
                "1.5",
                "\"\"",
                "\"" + text() + "\"",
                "[]",
                "{}",
                "[1,2]",
                "{\"a\":{\"b\":1}}",
                "\"a\\u0000b\"",
                "\"\\ud800\"",
                "\"" + "x".repeat(random.nextInt(5000)) + "\"",
                dateValue(),
                "\"12247918309\"",
                "\"310000001\"");
    }

    String dateValue() {
        return "\""
                + pick(
                        "2026-12-31T23:59:59Z",
                        "+294277-01-01T00:00:00Z",
                        "-4714-01-01T00:00:00Z",
                        "2026-12-31T23:59:59",
                        "2026-02-30T00:00:00Z",
                        "0000-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.9999999+14:00",
                        "2026-12-31",
                        text())
                + "\"";
    }

    String urlDate() {
        return pick(
                "2026-01-01T00:00:00Z",
                "%2B294277-01-01T00:00:00Z",
                "-294277-01-01T00:00:00Z",
                "2026-01-01T00:00:00",
                "2026-01-01T00:00:00%2B02:00",
                "9999-12-31T23:59:59.999999999Z",
                urlText());
    }

    String partyIdValue() {
        return pick(
                String.valueOf(test.party),
                "50001337",
                "0",
                "-1",
                "1e3",
                "99999999999999999999",
                "9223372036854775807",
                "abc",
                "%00",
                "",
                String.valueOf(random.nextLong()));
    }

    String guidValue() {
        return pick(
                UUID.randomUUID().toString(),
                "not-a-guid",
                "00000000-0000-0000-0000-000000000000",
                UUID.randomUUID().toString().toUpperCase(),
                "%00",
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                UUID.randomUUID().toString() + "0");
    }

    String instancePath() {
        return "/ttd/example-app/instances/"
                + (chance(5) ? partyIdValue() + "/" + guidValue() : test.instance);
    }

    String disposition(String name) {
        String base = name == null ? "attachment" : "form-data; name=\"" + name + "\"";
        return base
                + pick(
                        "",
                        "; filename=\"" + text() + "\"",
                        "; filename*=UTF-8''%ZZ",
                        "; filename*=UTF-8''%C3%28",
                        "; filename*=" + text(),
                        "; filename=\"../../etc/passwd\"",
                        "; filename*=ISO-8859-1''%E6",
                        "; name",
                        ";;;",
                        "; filename=\"a\\\"b\"");
    }

    String contentType(String good) {
        return pick(
                good,
                good,
                good,
                "",
                ";",
                "application/json, text/plain",
                "text/plain",
                "application/problem+json",
                "application/json; charset=\"utf-8",
                "*/*",
                "application/" + text(),
                "application/json;" + text());
    }

    void maybeIdempotencyKey(Map<String, String> headers) {
        if (chance(4)) {
            headers.put(
                    "Idempotency-Key",
                    pick(
                            "\"" + UUID.randomUUID() + "\"",
                            UUID.randomUUID().toString(),
                            "\"\"",
                            "x".repeat(300),
                            "\"a\"b\""));
        }
    }

    Map<String, String> auth(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        return headers;
    }

    String text() {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        String alphabet = "abcXYZ019 -_./\\\"'<>{}[]%;:,=@\u00e6\u00f8\u00e5\t";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Raw path text; whitespace (a broken request line) only now and then. */
    String segment() {
        String text = text();
        return chance(8) ? text : text.replace(" ", "").replace("\t", "");
    }

    String urlText() {
        StringBuilder text = new StringBuilder();
        for (byte b : text().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            text.append(
                    Character.isLetterOrDigit(c) && c < 128
                            ? String.valueOf((char) c)
                            : String.format("%%%02X", c));
        }
        return text + pick("", "%00", "%ZZ", "%", "+");
    }

    byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    boolean chance(double oneIn) {
        return random.nextDouble() * oneIn < 1;
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
