package dev.appinstances.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** The generator: valid requests of every endpoint, then one or more faults mixed in. */
final class BadRequests {
    private final Random random;
    private final BodyCases bodies;
    private final TargetCases targets;

    BadRequests(Random random, BadInputTest test) {
        this.random = random;
        this.bodies = new BodyCases(random, test);
        this.targets = new TargetCases(random, test);
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

        /** Whitespace in the target makes the request line more than method, target, version. */
        boolean requestLineBroken() {
            return !raw && (target.indexOf(' ') >= 0 || target.indexOf('\t') >= 0);
        }

        String describe() {
            String text = new String(bytes(), StandardCharsets.ISO_8859_1);
            return text.length() > 600 ? text.substring(0, 600) + "..." : text;
        }
    }

    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (!headers.containsKey("Host") && !headers.containsKey("-Host")) {
            head.append("Host: localhost\r\n");
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!header.getKey().startsWith("-")) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
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
            case 0, 1 -> bodies.jsonCreate();
            case 2 -> bodies.simplifiedCreate();
            case 3 -> bodies.substatus();
            case 4 -> targets.pathProbe();
            case 5 -> bodies.multipart();
            case 6 -> bodies.upload();
            case 7 -> targets.query();
            case 8 -> targets.headerFaults();
            case 9 -> targets.tokenFaults();
            case 10 -> targets.processAndLifecycle();
            default -> targets.rawJunk();
        };
    }
}
