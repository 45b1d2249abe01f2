package dev.appinstances.formdata;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves a form data document of repeating items, produced one item at a time, so that a test can
 * stream tens of megabytes without holding them.
 */
final class GeneratedFormInputStream extends InputStream {

    private final long minimumSize;
    private byte[] chunk =
            bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Form xmlns=\"urn:f\">");
    private int position;
    private long served;
    private long items;
    private boolean ended;

    GeneratedFormInputStream(long minimumSize) {
        this.minimumSize = minimumSize;
    }

    long bytesServed() {
        return served;
    }

    long items() {
        return items;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.length && !nextChunk()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        served += count;
        return count;
    }

    private boolean nextChunk() {
        if (ended) {
            return false;
        }
        if (served >= minimumSize) {
            chunk = bytes("</Form>");
            ended = true;
        } else {
            items++;
            chunk =
                    bytes(
                            "<item id=\""
                                    + items
                                    + "\"><applicant><name>Person "
                                    + items
                                    + "</name><phone>+47 "
                                    + (10_000_000 + items)
                                    + "</phone></applicant><note>a &amp; b</note></item>\n");
        }
        position = 0;
        return true;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
