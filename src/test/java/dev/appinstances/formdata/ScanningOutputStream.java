package dev.appinstances.formdata;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Discards what is written but counts it and the occurrences of a few ASCII markers. */
final class ScanningOutputStream extends OutputStream {

    private final byte[][] markers;
    private final int[] matched;
    private final long[] counts;
    private final String[] names;
    private long bytes;

    /** Markers must not overlap themselves (e.g. {@code <name>}), so a simple scan counts them. */
    ScanningOutputStream(String... markers) {
        this.names = markers.clone();
        this.markers = new byte[markers.length][];
        for (int i = 0; i < markers.length; i++) {
            this.markers[i] = markers[i].getBytes(StandardCharsets.US_ASCII);
        }
        this.matched = new int[markers.length];
        this.counts = new long[markers.length];
    }

    @Override
    public void write(int b) {
        bytes++;
        for (int i = 0; i < markers.length; i++) {
            byte[] marker = markers[i];
            if (marker[matched[i]] == (byte) b) {
                matched[i]++;
            } else {
                matched[i] = marker[0] == (byte) b ? 1 : 0;
            }
            if (matched[i] == marker.length) {
                counts[i]++;
                matched[i] = 0;
            }
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(buffer[i]);
        }
    }

    long count(String marker) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(marker)) {
                return counts[i];
            }
        }
        throw new IllegalArgumentException(marker);
    }

    long bytes() {
        return bytes;
    }
}
