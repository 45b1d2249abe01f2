package dev.appinstances.contract;

import dev.appinstances.contract.BadRequests.Case;
import dev.appinstances.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Bad requests by target and envelope: paths, query parameters, headers, tokens, process and
 * lifecycle calls, and bytes that are barely HTTP.
 */
final class TargetCases extends BadValues {

    TargetCases(Random random, BadInputTest test) {
        super(random, test);
    }

    Case pathProbe() {
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

    Case query() {
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

    Case headerFaults() {
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

    Case tokenFaults() {
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

    Case processAndLifecycle() {
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
                new Case("GET", instancePath() + "/process/history", headers, null, false, false),
                new Case(
                        "GET",
                        instancePath()
                                + "/events?"
                                + pick("eventTypes", "from", "to", "order", "size", urlText())
                                + "="
                                + pick(urlDate(), urlText(), "Created,Saved", "desc:created", "0")
                                + pick("", "&continuationToken=" + urlText()),
                        headers,
                        null,
                        false,
                        false),
                new Case(
                        "GET",
                        instancePath().replace("/ttd/example-app/", "/storage/api/v1/")
                                + "/events/"
                                + guidValue(),
                        headers,
                        null,
                        false,
                        false));
    }

    Case rawJunk() {
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
}
