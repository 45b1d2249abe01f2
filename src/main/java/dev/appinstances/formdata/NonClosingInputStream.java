package dev.appinstances.formdata;

import java.io.FilterInputStream;
import java.io.InputStream;

/** Shields a stream from {@code close()} by a reader that does not own it. */
final class NonClosingInputStream extends FilterInputStream {

    NonClosingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the caller closes the stream
    }
}
