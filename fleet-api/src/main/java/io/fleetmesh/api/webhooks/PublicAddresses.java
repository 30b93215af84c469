package io.fleetmesh.api.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether a webhook URL leads out of the installation: every address its host resolves to must be public, not
 * loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata), carrier-grade NAT, benchmarking,
 * multicast or unspecified. Checked when the webhook is created and again before each delivery (DNS may change).
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Null if the URL's host is public, else why not. */
    static String refusal(URI url) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isPublic(address)) {
                    return "url must not point at a private address";
                }
            }
            return null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "url's host does not resolve";
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second < 128;
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            return first != 0 && !cgnat && !benchmarking;
        }
        boolean uniqueLocal = address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        return !uniqueLocal && !nat64;
    }
}
