package dev.appinstances.events;

import dev.appinstances.problem.EndpointNotAllowedException;
import dev.appinstances.problem.InvalidRequestException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs a subscription may deliver to. Without {@code allowInsecure} only https, and only to
 * public addresses: a subscription must not become a way to reach the service's own network
 * (loopback, private, link-local with the cloud metadata address, carrier-grade NAT, unique-local,
 * multicast, reserved).
 */
public final class EndpointPolicy {

    static final int MAX_URL_LENGTH = 2048;

    private EndpointPolicy() {}

    /** The endpoint as a URI; 400 naming {@code field} when it is not an acceptable URL. */
    public static URI parse(String field, String url, boolean allowInsecure) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(field + " is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidRequestException(
                    field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !scheme.matches("https?")) {
            throw new InvalidRequestException(field + " must be an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidRequestException(field + " must have no user info and no fragment");
        }
        if (!allowInsecure && !scheme.equals("https")) {
            throw new EndpointNotAllowedException(field + " must be an https URL");
        }
        return uri;
    }

    /** Why the address may not be delivered to, or null when it is public. */
    public static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6 && isMappedV4(v6.getAddress())) {
            return refusalV4(java.util.Arrays.copyOfRange(v6.getAddress(), 12, 16));
        }
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return "a loopback, private, link-local or multicast address";
        }
        if (address instanceof Inet4Address) {
            return refusalV4(address.getAddress());
        }
        byte[] v6 = address.getAddress();
        if ((v6[0] & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        return null;
    }

    private static String refusalV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        boolean refused =
                first == 0
                        || first == 10
                        || first == 127
                        || (first == 100 && second >= 64 && second <= 127)
                        || (first == 169 && second == 254)
                        || (first == 172 && second >= 16 && second <= 31)
                        || (first == 192 && second == 0 && (a[2] & 0xff) == 0)
                        || (first == 192 && second == 168)
                        || (first == 198 && (second == 18 || second == 19))
                        || first >= 224;
        return refused ? "a loopback, private, link-local, reserved or multicast address" : null;
    }

    private static boolean isMappedV4(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    }
}
