package dev.appinstances.instantiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Behaviour that only shows while a body is still on the wire: raw sockets, no client library. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class StreamingUploadTest {

    static final long DECLARED = 512L * 1024 * 1024;

    @Inject Database db;

    @Test
    void anInvalidSecondPartIsAnsweredWhileTheClientIsStillSending() throws Exception {
        Database.Marker mark = db.since();
        byte[] start =
                new MultipartBody()
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"50001337\"}}")
                        .part("attachment", "a.txt", "text/plain", "fine".getBytes())
                        .raw(
                                "--"
                                        + MultipartBody.BOUNDARY
                                        + "\r\nContent-Disposition: form-data; name=\"wrongName\";"
                                        + " filename=\"big.bin\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .buildTruncated();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(DECLARED));
            out.write(start);
            out.flush();
            AtomicLong sent = new AtomicLong(start.length);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(
                            () -> keepSending(out, sent, stop, DECLARED - start.length));

            String response = readResponse(socket);
            long sentWhenAnswered = sent.get();
            stop.set(true);
            writer.exceptionally(ignored -> null).get(10, TimeUnit.SECONDS);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/problem+json");
            assertThat(response).contains("urn:app-instances:problem:unknown-data-type");
            assertThat(response).contains("wrongName");
            assertThat(sentWhenAnswered).isLessThan(DECLARED / 4);
        }
        db.awaitNothingStoredSince(mark);
    }

    @Test
    void aCompleteUploadOverTheSameSocketIsStoredWhereTheChecksLook() throws Exception {
        // the positive case of the other two: what they see vanish is visible while it is stored
        Database.Marker mark = db.since();
        byte[] body =
                new MultipartBody()
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"50001337\"}}")
                        .part("attachment", "a.txt", "text/plain", "complete part".getBytes())
                        .part("attachment", "b.pdf", "application/pdf", new byte[300 * 1024])
                        .build();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(body.length));
            out.write(body);
            out.flush();
            assertThat(readResponse(socket)).startsWith("HTTP/1.1 201");
        }
        // the two parts and the auto-created form
        assertThat(stored(db.storedSince(mark))).containsExactly(1L, 3L, 3L);
        assertThat(chunks(db.storedSince(mark))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothingBehind() throws Exception {
        Database.Marker mark = db.since();
        byte[] start =
                new MultipartBody()
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"50001337\"}}")
                        .part("attachment", "a.txt", "text/plain", "complete part".getBytes())
                        .raw(
                                "--"
                                        + MultipartBody.BOUNDARY
                                        + "\r\nContent-Disposition: form-data; name=\"attachment\";"
                                        + " filename=\"b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .buildTruncated();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(20L * 1024 * 1024));
            out.write(start);
            out.write(new byte[3 * 1024 * 1024]);
            out.flush();
            // disconnect only once the upload is being stored: otherwise "nothing left" is free
            Database.awaitTrue(
                    () -> "the upload's content in the database, stored: " + db.storedSince(mark),
                    () -> chunks(db.storedSince(mark)) > 0,
                    Duration.ofSeconds(10));
        }
        db.awaitNothingStoredSince(mark);
    }

    /** Instances, data elements and blobs of a {@link Database#storedSince} answer. */
    private static List<Long> stored(String storedSince) {
        return Arrays.stream(storedSince.split("/")).limit(3).map(Long::valueOf).toList();
    }

    private static long chunks(String storedSince) {
        return Long.parseLong(storedSince.split("/")[3]);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] requestHead(long contentLength) {
        return ("POST /ttd/example-app/instances HTTP/1.1\r\n"
                        + "Host: localhost\r\n"
                        + "Authorization: Bearer "
                        + Tokens.user(1337, 50001337)
                        + "\r\n"
                        + "Content-Type: "
                        + MultipartBody.contentType()
                        + "\r\n"
                        + "Content-Length: "
                        + contentLength
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void keepSending(
            OutputStream out, AtomicLong sent, AtomicBoolean stop, long total) {
        byte[] filler = new byte[64 * 1024];
        try {
            for (long left = total; left > 0 && !stop.get(); left -= filler.length) {
                out.write(filler, 0, (int) Math.min(filler.length, left));
                sent.addAndGet(filler.length);
                Thread.sleep(2);
            }
        } catch (IOException e) {
            // the server closed the connection after answering: expected
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Status line, headers and as much of the body as arrives with them. */
    private static String readResponse(Socket socket) throws IOException {
        var reader =
                new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder response = new StringBuilder();
        int contentLength = -1;
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            response.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[Math.max(contentLength, 0)];
        int read = 0;
        while (read < body.length) {
            int n = reader.read(body, read, body.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return response.append('\n').append(body, 0, read).toString();
    }
}
