package io.wxcard.adapter.webhook;

import io.vavr.control.Option;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Which addresses a webhook may reach, checked on what its host resolves to just before the post: never link-local
 * (169.254.0.0/16 holds the cloud metadata services, which hand out the host's credentials), any-local or multicast,
 * nor the metadata addresses outside that range; loopback and private networks only where allowed.
 */
final class AddressCheck {

    /** Metadata services outside the link-local range: Alibaba Cloud's, and AWS's IPv6 one. */
    private static final Set<String> METADATA = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;

    AddressCheck(boolean allowLoopback, boolean allowPrivateNetworks) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why the host may not be posted to, if it may not (the reason names no address of ours). */
    Option<String> refusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            return Option.of("the receiver's host name does not resolve");
        }
        for (InetAddress address : addresses) {
            Option<String> refused = refusal(address);
            if (refused.isDefined()) {
                return refused;
            }
        }
        return Option.none();
    }

    Option<String> refusal(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || METADATA.contains(address.getHostAddress())) {
            return Option.of("the receiver's host resolves to a link-local, metadata or unroutable address, which "
                    + "webhooks may never reach");
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return Option.of("the receiver's host resolves to a loopback address, which webhooks may reach only "
                    + "while the sandbox is on or the operator allows it");
        }
        if (isPrivate(address) && !allowPrivateNetworks) {
            return Option.of("the receiver's host resolves to a private network address, which webhooks may reach "
                    + "only where the operator allows it (CARD_WEBHOOK_ALLOW_PRIVATE)");
        }
        return Option.none();
    }

    private static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168
                    || first == 100 && second >= 64 && second <= 127; // carrier-grade NAT, cloud-internal
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc; // fc00::/7
    }
}
