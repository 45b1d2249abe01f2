package dev.appinstances.blob;

/** Where one stored chunk lies in its blob. */
record BlobChunk(int seq, long start, int length) {

    long end() {
        return start + length;
    }
}
