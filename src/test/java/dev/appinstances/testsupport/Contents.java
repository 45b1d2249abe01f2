package dev.appinstances.testsupport;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Content for uploads: reproducible random bytes and their hash. */
public final class Contents {

    private Contents() {}

    public static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
