package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook may call, checked when it is made: https, with a host, no credentials in the URL, and never a
 * link-local or cloud metadata address (they hand out the host's own credentials). Plain http only to loopback, and
 * only where allowed (the sandbox). The sender checks again what the name resolves to when it posts.
 */
final class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2048;
    /** Names and literal addresses of metadata services (AWS, GCP, Azure, Alibaba Cloud, Tencent Cloud, ...). */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal",
            "metadata.tencentyun.com", "169.254.169.254", "100.100.100.200", "fd00:ec2::254", "[fd00:ec2::254]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowHttpToLoopback;

    WebhookUrlPolicy(boolean allowHttpToLoopback) {
        this.allowHttpToLoopback = allowHttpToLoopback;
    }

    Either<Rejection, URI> check(String url) {
        if (url.isBlank() || url.length() > MAX_LENGTH) {
            return refused("must be an absolute URL of 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException notAUrl) {
            return refused("is not a URL (" + notAUrl.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return refused("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("must not carry a user name or password; use the signature to authenticate deliveries");
        }
        if (uri.getRawFragment() != null) {
            return refused("must not have a fragment");
        }
        if (METADATA_HOSTS.contains(host) || isLinkLocal(host)) {
            return refused("points at a link-local or cloud metadata address, which webhooks may never call");
        }
        if (scheme.equals("https")) {
            return Either.right(uri);
        }
        if (scheme.equals("http") && allowHttpToLoopback && isLoopback(host)) {
            return Either.right(uri);
        }
        return refused(scheme.equals("http")
                ? "must be https (plain http is allowed only to a loopback address while the sandbox is on, or where "
                        + "the operator allows it)"
                : "must be https");
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || IPV4.matcher(host).matches() && host.startsWith("127.");
    }

    private static boolean isLinkLocal(String host) {
        return IPV4.matcher(host).matches() && host.startsWith("169.254.")
                || host.startsWith("[fe8") || host.startsWith("[fe9") || host.startsWith("[fea") || host.startsWith("[feb")
                || host.equals("0.0.0.0") || host.equals("[::]");
    }

    private static Either<Rejection, URI> refused(String why) {
        return Either.left(Rejection.invalid(RejectionCode.WEBHOOK_INVALID, "the webhook's url " + why,
                List.of(new Problem("url", why))));
    }
}
