package dev.appinstances.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.RawHttp.Answer;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated bad requests (seeded, so a failure can be replayed) across every endpoint:
 * mutated JSON, owner values, dates, GUIDs and party ids in paths, multipart bodies and part
 * headers, query parameters, headers and tokens. Every answer must be a client error or a success,
 * never a 5xx; every refusal problem+json without a stack trace or class name; and a refused
 * request must change nothing of the test's own party.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    static final int CASES = Integer.getInteger("badinput.cases", 10_500);
    static final long SEED = Long.getLong("badinput.seed", 20261202L);
    static final Pattern LEAK =
            Pattern.compile(
                    "(?i)(exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|io\\.vertx|org\\.hibernate|jakarta\\.|stack)");

    @TestHTTPResource URL url;
    @Inject Database db;
    @Inject TestParties parties;
    final ObjectMapper json = new ObjectMapper();

    long party;
    long user;
    String userToken;
    String ownerToken;
    String instance;
    String dataElement;

    @BeforeEach
    void ownParty() throws Exception {
        TestParties.TestUser owner = parties.user();
        party = owner.partyId();
        user = owner.userId();
        userToken = Tokens.user(user, party);
        ownerToken = Tokens.appOwner();
        Answer created =
                send(
                        "POST",
                        "/ttd/example-app/instances?instanceOwnerPartyId=" + party,
                        headers(
                                "Authorization",
                                "Bearer " + userToken,
                                "Content-Type",
                                "application/json"),
                        "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(201);
        instance = json.readTree(created.body()).get("id").asText();
        Answer element =
                send(
                        "POST",
                        "/ttd/example-app/instances/" + instance + "/data?dataType=attachment",
                        headers(
                                "Authorization",
                                "Bearer " + userToken,
                                "Content-Type",
                                "text/plain"),
                        "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(element.status()).isEqualTo(201);
        dataElement = json.readTree(element.body()).get("id").asText();
    }

    @Test
    void noGeneratedRequestIsAnsweredWithA5xxOrAnythingButProblemJson() throws Exception {
        Requests generator = new Requests(new Random(SEED), this);
        List<String> failures = new ArrayList<>();
        String rows = ownRows();
        for (int i = 0; i < CASES && failures.size() < 20; i++) {
            Requests.Case request = generator.next();
            Answer answer;
            try {
                answer =
                        request.raw()
                                ? RawHttp.exchangeAndHalfClose(
                                        url.getPort(), request.bytes(), request.head())
                                : RawHttp.exchange(url.getPort(), request.bytes(), request.head());
            } catch (java.net.SocketException e) {
                continue; // the server closed on bytes that are not HTTP; nothing to judge
            }
            String problem = judge(answer, request);
            String now = ownRows();
            if (problem == null
                    && (answer == null || answer.status() >= 400)
                    && !now.equals(rows)) {
                problem =
                        (answer == null ? "unanswered" : "refused with " + answer.status())
                                + " but changed the party's rows";
            }
            rows = now;
            if (problem != null) {
                failures.add(
                        "case "
                                + i
                                + " (seed "
                                + SEED
                                + "): "
                                + problem
                                + "\n  "
                                + request.describe());
            }
        }
        assertThat(failures).as("failed cases").isEmpty();
    }

    /** Null when the answer is acceptable. */
    private String judge(Answer answer, Requests.Case request) {
        if (answer == null) {
            return request.mayBeClosed() ? null : "closed without an answer";
        }
        if (answer.status() >= 500) {
            return "answered " + answer.status() + ": " + answer.text();
        }
        if (answer.header("content-length") != null && answer.header("transfer-encoding") != null) {
            return "framed twice";
        }
        if (answer.status() < 400 || request.head()) {
            return null;
        }
        if (request.requestLineBroken()) {
            // Vert.x answers a request line it cannot split into three parts itself, with a bare
            // 400, before any application code (Quarkus offers no hook there).
            return answer.status() == 400
                    ? null
                    : "broken request line answered " + answer.status();
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "answered " + answer.status() + " with " + type + ": " + answer.text();
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (!problem.path("type").asText().startsWith("urn:app-instances:problem:")
                    || problem.path("status").asInt() != answer.status()) {
                return "not a problem document: " + answer.text();
            }
            if (LEAK.matcher(problem.path("detail").asText()).find()) {
                return "detail leaks internals: " + answer.text();
            }
        } catch (Exception e) {
            return "problem body is not JSON: " + answer.text();
        }
        return null;
    }

    /** Everything a request could change of this test's party. */
    private String ownRows() {
        return db.count(
                        "select coalesce(sum(hashtext(i::text)), 0) from instance i"
                                + " where instance_owner_party_id = "
                                + party)
                + "/"
                + db.count(
                        "select coalesce(sum(hashtext(d::text)), 0) from data_element d join"
                                + " instance i on i.id = d.instance_id where"
                                + " i.instance_owner_party_id = "
                                + party);
    }

    Answer send(String method, String target, Map<String, String> headers, byte[] body)
            throws Exception {
        return RawHttp.exchange(
                url.getPort(),
                Requests.request(method, target, headers, body),
                method.equals("HEAD"));
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    /** The generator: valid requests of every endpoint, then one or more faults mixed in. */
    static final class Requests {
        private final Random random;
        private final BadInputTest test;

        Requests(Random random, BadInputTest test) {
            this.random = random;
            this.test = test;
        }

        record Case(
                String method,
                String target,
                Map<String, String> headers,
                byte[] body,
                boolean raw,
                boolean head) {
            byte[] bytes() {
                return raw ? body : request(method, target, headers, body);
            }

            boolean mayBeClosed() {
                return raw;
            }

            /**
             * Whitespace in the target makes the request line more than method, target, version.
             */
            boolean requestLineBroken() {
                return !raw && (target.indexOf(' ') >= 0 || target.indexOf('\t') >= 0);
            }

            String describe() {
                String text = new String(bytes(), StandardCharsets.ISO_8859_1);
                return text.length() > 600 ? text.substring(0, 600) + "..." : text;
            }
        }

        static byte[] request(
                String method, String target, Map<String, String> headers, byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host") && !headers.containsKey("-Host")) {
                head.append("Host: localhost\r\n");
            }
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (!header.getKey().startsWith("-")) {
                    head.append(header.getKey())
                            .append(": ")
                            .append(header.getValue())
                            .append("\r\n");
                }
            }
            if (body != null
                    && !headers.containsKey("Transfer-Encoding")
                    && !headers.containsKey("-Content-Length")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        Case next() {
            return switch (random.nextInt(12)) {
                case 0, 1 -> jsonCreate();
                case 2 -> simplifiedCreate();
                case 3 -> substatus();
                case 4 -> pathProbe();
                case 5 -> multipart();
                case 6 -> upload();
                case 7 -> query();
                case 8 -> headerFaults();
                case 9 -> tokenFaults();
                case 10 -> processAndLifecycle();
                default -> rawJunk();
            };
        }

        // ---- endpoints ------------------------------------------------------------------

        private Case jsonCreate() {
            String target =
                    "/ttd/example-app/instances"
                            + (chance(3) ? "?instanceOwnerPartyId=" + partyIdValue() : "");
            Map<String, String> headers = auth(chance(2) ? test.userToken : test.ownerToken);
            headers.put("Content-Type", contentType("application/json"));
            maybeIdempotencyKey(headers);
            return new Case("POST", target, headers, bytes(mutateJson(template())), false, false);
        }

        private Case simplifiedCreate() {
            Map<String, String> headers = auth(test.userToken);
            headers.put("Content-Type", contentType("application/json"));
            String body =
                    pick(
                            "{\"instanceOwner\":{\"partyId\":\""
                                    + test.party
                                    + "\"},\"prefill\":{\"applicant.name\":"
                                    + jsonValue()
                                    + ",\""
                                    + text()
                                    + "\":"
                                    + jsonValue()
                                    + "}}",
                            "{\"instanceOwner\":{\"partyId\":\""
                                    + test.party
                                    + "\"},\"sourceInstanceId\":"
                                    + jsonValue()
                                    + "}",
                            "{\"instanceOwner\":"
                                    + jsonValue()
                                    + ",\"dueBefore\":"
                                    + dateValue()
                                    + "}",
                            "{\"instanceOwner\":{\"partyId\":\""
                                    + test.party
                                    + "\"},\"prefill\":"
                                    + jsonValue()
                                    + "}");
            return new Case(
                    "POST",
                    "/ttd/example-app/instances/create",
                    headers,
                    bytes(mutateJson(body)),
                    false,
                    false);
        }

        private Case substatus() {
            Map<String, String> headers = auth(chance(4) ? test.userToken : test.ownerToken);
            headers.put("Content-Type", contentType("application/json"));
            String body =
                    pick(
                            "{\"label\":" + jsonValue() + ",\"description\":" + jsonValue() + "}",
                            jsonValue(),
                            "{\"label\":" + jsonValue() + "}");
            return new Case(
                    "PUT",
                    instancePath() + "/substatus",
                    headers,
                    bytes(mutateJson(body)),
                    false,
                    false);
        }

        private Case pathProbe() {
            String method = pick("GET", "GET", "DELETE", "PUT", "POST", "HEAD", "PATCH", "OPTIONS");
            String target =
                    pick(
                            "/ttd/example-app/instances/" + partyIdValue() + "/" + guidValue(),
                            "/ttd/example-app/instances/" + partyIdValue() + "/active",
                            "/ttd/example-app/instances/" + test.instance + "/data/" + guidValue(),
                            "/" + segment() + "/" + segment() + "/instances",
                            "/storage/api/v1/instances/" + partyIdValue() + "/" + guidValue(),
                            "/ttd/example-app/instances/"
                                    + test.instance
                                    + "/"
                                    + pick(
                                            "process",
                                            "process/history",
                                            "process/next",
                                            "undelete",
                                            "complete",
                                            "substatus"),
                            "/ttd/example-app/api/v1/applicationmetadata"
                                    + pick("", "/x", "%00", "/%2e%2e/%2e%2e/q/metrics"),
                            "/ttd/example-app/instances/" + test.instance + "?hard=" + urlText());
            return new Case(
                    method,
                    target,
                    auth(chance(2) ? test.userToken : test.ownerToken),
                    chance(2) ? bytes(jsonValue()) : null,
                    false,
                    method.equals("HEAD"));
        }

        private Case multipart() {
            String boundary = chance(8) ? text() : "b0undary" + random.nextInt(1000);
            StringBuilder body = new StringBuilder();
            int parts = random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                body.append("--").append(boundary).append("\r\n");
                String name =
                        pick("instance", "attachment", "model", "ref-data-as-pdf", text(), "");
                body.append("Content-Disposition: ").append(disposition(name)).append("\r\n");
                if (chance(1.3)) {
                    body.append("Content-Type: ")
                            .append(
                                    contentType(
                                            name.equals("instance")
                                                    ? "application/json"
                                                    : "text/plain"))
                            .append("\r\n");
                }
                if (chance(10)) {
                    body.append("X-Junk: ").append(text()).append("\r\n");
                }
                body.append("\r\n");
                body.append(
                        name.equals("instance")
                                ? mutateJson(template())
                                : pick("hello", "", text(), "%PDF-1.4 " + text()));
                body.append("\r\n");
            }
            if (!chance(6)) {
                body.append("--").append(boundary).append("--\r\n");
            }
            Map<String, String> headers = auth(test.userToken);
            headers.put(
                    "Content-Type",
                    pick(
                            "multipart/form-data; boundary=" + boundary,
                            "multipart/form-data",
                            "multipart/form-data; boundary=\"" + boundary + "\"",
                            contentType("multipart/form-data; boundary=" + boundary)));
            maybeIdempotencyKey(headers);
            String target =
                    "/ttd/example-app/instances"
                            + (chance(2) ? "?instanceOwnerPartyId=" + partyIdValue() : "");
            return new Case("POST", target, headers, bytes(body.toString()), false, false);
        }

        private Case upload() {
            Map<String, String> headers = auth(chance(3) ? test.ownerToken : test.userToken);
            headers.put(
                    "Content-Type",
                    contentType(pick("text/plain", "application/pdf", "image/png")));
            if (chance(2)) {
                headers.put("Content-Disposition", disposition(null));
            }
            if (chance(4)) {
                headers.put("If-Match", pick("\"x\"", "*", text(), "W/\"" + text() + "\""));
            }
            maybeIdempotencyKey(headers);
            boolean replace = chance(3);
            String target =
                    replace
                            ? instancePath() + "/data/" + pick(test.dataElement, guidValue())
                            : instancePath()
                                    + "/data"
                                    + pick(
                                            "?dataType=attachment",
                                            "?dataType=" + urlText(),
                                            "",
                                            "?dataType=model",
                                            "?dataType=attachment&dataType=model");
            byte[] body = chance(8) ? new byte[0] : bytes(pick("content", text(), jsonValue()));
            return new Case(replace ? "PUT" : "POST", target, headers, body, false, false);
        }

        private Case query() {
            StringBuilder target = new StringBuilder("/storage/api/v1/instances?");
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String name =
                        pick(
                                "appId",
                                "org",
                                "instanceOwner.partyId",
                                "process.currentTask",
                                "process.isComplete",
                                "process.ended",
                                "lastChanged",
                                "created",
                                "dueBefore",
                                "visibleAfter",
                                "status.isArchived",
                                "status.isSoftDeleted",
                                "status.isHardDeleted",
                                "excludeConfirmedBy",
                                "confirmed",
                                "searchString",
                                "order",
                                "size",
                                "continuationToken",
                                urlText());
                String value =
                        pick(
                                urlText(),
                                pick("gt:", "lt:", "eq:", "gte:", "lte:", "xx:", "") + urlDate(),
                                "true",
                                "false",
                                String.valueOf(random.nextLong()),
                                "%00",
                                "ttd/example-app",
                                String.valueOf(test.party));
                target.append(i == 0 ? "" : "&").append(name).append('=').append(value);
            }
            return new Case(
                    "GET",
                    target.toString(),
                    auth(chance(2) ? test.ownerToken : test.userToken),
                    null,
                    false,
                    false);
        }

        private Case headerFaults() {
            Map<String, String> headers = auth(test.userToken);
            String header =
                    pick(
                            "Accept",
                            "Content-Type",
                            "If-None-Match",
                            "If-Match",
                            "Range",
                            "Idempotency-Key",
                            "X-Request-Id",
                            "Cookie",
                            "Expect",
                            "Content-Disposition");
            headers.put(
                    header,
                    pick(
                            text(),
                            "",
                            ";",
                            ",",
                            "application/json, text/plain",
                            "*/*;q=x",
                            "bytes=" + text(),
                            "bytes=9999999999999999999-",
                            "\"" + text(),
                            "100-continue",
                            "AltinnStudioRuntime=" + text(),
                            "a".repeat(random.nextInt(30000))));
            boolean post = chance(2);
            return new Case(
                    post ? "POST" : "GET",
                    post
                            ? "/ttd/example-app/instances?instanceOwnerPartyId=" + test.party
                            : instancePath() + pick("", "/data/" + test.dataElement),
                    headers,
                    post ? bytes("{}") : null,
                    false,
                    false);
        }

        private Case tokenFaults() {
            Map<String, String> headers = new LinkedHashMap<>();
            String token = Tokens.user(test.user, test.party);
            headers.put(
                    pick("Authorization", "Cookie"),
                    pick(
                            "Bearer " + token.substring(0, random.nextInt(token.length())),
                            "Bearer " + token.replace('a', 'b'),
                            "Bearer " + text(),
                            "Basic " + text(),
                            "Bearer",
                            "bearer " + token,
                            "AltinnStudioRuntime=" + token.substring(1),
                            "Bearer " + Tokens.expiredUser(test.user, test.party),
                            "Bearer " + Tokens.withIssuer(text(), test.user, test.party),
                            "Bearer " + Tokens.anonymousSubject()));
            return new Case("GET", instancePath(), headers, null, false, false);
        }

        private Case processAndLifecycle() {
            Map<String, String> headers = auth(chance(2) ? test.userToken : test.ownerToken);
            if (chance(2)) {
                headers.put("If-Match", pick("*", "\"" + text() + "\"", text()));
            }
            return pick(
                    new Case(
                            "PUT",
                            instancePath() + "/process/next?elementId=" + urlText(),
                            headers,
                            null,
                            false,
                            false),
                    new Case(
                            "POST",
                            instancePath() + "/complete",
                            headers,
                            chance(2) ? bytes(jsonValue()) : null,
                            false,
                            false),
                    new Case(
                            "DELETE",
                            instancePath() + "?hard=" + pick("true", "false", urlText()),
                            headers,
                            null,
                            false,
                            false),
                    new Case("PUT", instancePath() + "/undelete", headers, null, false, false),
                    new Case(
                            "GET",
                            "/ttd/example-app/instances/" + partyIdValue() + "/active",
                            headers,
                            null,
                            false,
                            false),
                    new Case(
                            "GET",
                            instancePath() + "/process/history",
                            headers,
                            null,
                            false,
                            false));
        }

        private Case rawJunk() {
            String token = "Bearer " + test.userToken;
            String raw =
                    pick(
                            "GET /ttd/example-app/api/v1/applicationmetadata HTTP/1.1\r\n\r\n",
                            "GET "
                                    + "/x".repeat(5000)
                                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                            "POST "
                                    + "/ttd/example-app/instances/"
                                    + test.instance
                                    + "/data?dataType=attachment HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                                    + token
                                    + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n"
                                    + pick("zz", "ffffffffffffffff", "-1", "")
                                    + "\r\nxyz\r\n0\r\n\r\n",
                            "GET /ttd/example-app/api/v1/applicationmetadata HTTP/1.1\r\nHost: localhost\r\n"
                                    + "X-H: v\r\n".repeat(random.nextInt(3000))
                                    + "Connection: close\r\n\r\n",
                            "POST /ttd/example-app/instances?instanceOwnerPartyId="
                                    + test.party
                                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                                    + token
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{\"a\":",
                            "GET /ttd/example-app/instances/"
                                    + test.instance
                                    + " HTTP/1.1\r\nHost: "
                                    + text()
                                    + "\r\nAuthorization: "
                                    + token
                                    + "\r\nConnection: close\r\n\r\n");
            return new Case(
                    "RAW", "", Map.of(), raw.getBytes(StandardCharsets.ISO_8859_1), true, false);
        }

        // ---- values ---------------------------------------------------------------------

        private String template() {
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

        private String mutateJson(String json) {
            return switch (random.nextInt(8)) {
                case 0 -> json.substring(0, random.nextInt(json.length() + 1));
                case 1 -> json + pick(" {}", "x", ",", "]");
                case 2 -> json.replaceFirst("\"", pick("'", "", "\\\\u0000\""));
                case 3 -> "[" + json + "]";
                case 4 -> "{\"a\":".repeat(random.nextInt(2000)) + "1";
                default -> json;
            };
        }

        private String jsonValue() {
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

        private String dateValue() {
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

        private String urlDate() {
            return pick(
                    "2026-01-01T00:00:00Z",
                    "%2B294277-01-01T00:00:00Z",
                    "-294277-01-01T00:00:00Z",
                    "2026-01-01T00:00:00",
                    "2026-01-01T00:00:00%2B02:00",
                    "9999-12-31T23:59:59.999999999Z",
                    urlText());
        }

        private String partyIdValue() {
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

        private String guidValue() {
            return pick(
                    UUID.randomUUID().toString(),
                    "not-a-guid",
                    "00000000-0000-0000-0000-000000000000",
                    UUID.randomUUID().toString().toUpperCase(),
                    "%00",
                    "ffffffff-ffff-ffff-ffff-ffffffffffff",
                    UUID.randomUUID().toString() + "0");
        }

        private String instancePath() {
            return "/ttd/example-app/instances/"
                    + (chance(5) ? partyIdValue() + "/" + guidValue() : test.instance);
        }

        private String disposition(String name) {
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

        private String contentType(String good) {
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

        private void maybeIdempotencyKey(Map<String, String> headers) {
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

        private Map<String, String> auth(String token) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            return headers;
        }

        private String text() {
            int length = random.nextInt(12);
            StringBuilder text = new StringBuilder();
            String alphabet = "abcXYZ019 -_./\\\"'<>{}[]%;:,=@\u00e6\u00f8\u00e5\t";
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        /** Raw path text; whitespace (a broken request line) only now and then. */
        private String segment() {
            String text = text();
            return chance(8) ? text : text.replace(" ", "").replace("\t", "");
        }

        private String urlText() {
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

        private byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private boolean chance(double oneIn) {
            return random.nextDouble() * oneIn < 1;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
