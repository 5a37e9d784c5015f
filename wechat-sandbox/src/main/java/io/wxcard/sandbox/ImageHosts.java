package io.wxcard.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * WeChat takes card pictures ({@code logo_url}, {@code background_pic_url}, a member's {@code background_pic_url}) only
 * from its own image host, and refuses any other with 40141 "invalid image url" (a WeChat engineer in the developer
 * community: background_pic_url is checked to be an {@code mmbiz.qpic.cn} picture). {@code uploadimg} answers URLs on
 * that host; the sandbox serves what was uploaded under the same path on its own address.
 */
final class ImageHosts {
    static final String WECHAT_IMAGE_HOST = "mmbiz.qpic.cn";
    private static final Set<String> ACCEPTED = Set.of(WECHAT_IMAGE_HOST);

    private ImageHosts() {
    }

    /** Refuses a picture URL that is not on WeChat's image host; null and absent are left to the field's own rules. */
    static void require(String field, String url) {
        if (url == null || url.isEmpty()) {
            return;
        }
        String host;
        try {
            URI uri = new URI(url);
            host = uri.getHost() == null || uri.getUserInfo() != null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                host = null;
            }
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null || !ACCEPTED.contains(host)) {
            throw new WxException(40141, "invalid image url: " + field + " must be a picture from "
                    + "/cgi-bin/media/uploadimg (" + WECHAT_IMAGE_HOST + ")");
        }
    }
}
