package dev.appinstances.contract;

import dev.appinstances.contract.BadRequests.Case;
import java.util.Map;
import java.util.Random;

/** Bad requests with bodies: JSON and simplified creates, substatus, multipart, uploads. */
final class BodyCases extends BadValues {

    BodyCases(Random random, BadInputTest test) {
        super(random, test);
    }

    Case jsonCreate() {
        String target =
                "/ttd/example-app/instances"
                        + (chance(3) ? "?instanceOwnerPartyId=" + partyIdValue() : "");
        Map<String, String> headers = auth(chance(2) ? test.userToken : test.ownerToken);
        headers.put("Content-Type", contentType("application/json"));
        maybeIdempotencyKey(headers);
        return new Case("POST", target, headers, bytes(mutateJson(template())), false, false);
    }

    Case simplifiedCreate() {
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
                        "{\"instanceOwner\":" + jsonValue() + ",\"dueBefore\":" + dateValue() + "}",
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

    Case substatus() {
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

    Case multipart() {
        String boundary = chance(8) ? text() : "b0undary" + random.nextInt(1000);
        StringBuilder body = new StringBuilder();
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            body.append("--").append(boundary).append("\r\n");
            String name = pick("instance", "attachment", "model", "ref-data-as-pdf", text(), "");
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

    Case upload() {
        Map<String, String> headers = auth(chance(3) ? test.ownerToken : test.userToken);
        headers.put(
                "Content-Type", contentType(pick("text/plain", "application/pdf", "image/png")));
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
}
