package io.wxcard.domain.card.image;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RuleBreach;
import java.util.Locale;
import java.util.Set;

/**
 * A picture URL WeChat accepts for a card's {@code logo_url} or {@code background_pic_url} (and a member's own
 * {@code background_pic_url}): one on WeChat's image host, as {@code /cgi-bin/media/uploadimg} answers it. WeChat
 * refuses any other host with 40141 "invalid image url" (a WeChat engineer: {@code background_pic_url} is checked to be
 * an {@code mmbiz.qpic.cn} picture; FIDELITY.md section 2), so the rule is checked here, before any call.
 */
public record WechatImageUrl(String value) {

    /** The hosts WeChat's card API takes pictures from. */
    public static final Set<String> HOSTS = Set.of("mmbiz.qpic.cn");
    /** WeChat's limit for a URL field of a card. */
    public static final int MAX_LENGTH = 128;
    /** Where a caller gets such a URL; named in every refusal so that the caller knows what to do. */
    public static final String HOW_TO_GET_ONE = "upload the picture through POST /v1/images (JPG or PNG, at most 1 MB) "
            + "and use the url it answers";

    public WechatImageUrl {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("image url " + problem);
        }
    }

    /** The URL, or the problem with it under the given field name. */
    public static Either<Problem, WechatImageUrl> of(String field, String value) {
        return breachOf(field, value).<Either<Problem, WechatImageUrl>>map(breach -> Either.left(breach.problem()))
                .getOrElse(() -> Either.right(new WechatImageUrl(value)));
    }

    /** What is wrong with the URL as a WeChat card picture, or null when nothing is. */
    public static String problemWith(String value) {
        return breachOf("", value).map(RuleBreach::message).getOrNull();
    }

    /** What is wrong with the URL as a WeChat card picture, with the rule it breaks, under the given field name. */
    public static Option<RuleBreach> breachOf(String field, String value) {
        if (value == null || value.isBlank()) {
            return Option.of(RuleBreach.of(field, "required", "is required"));
        }
        if (value.length() > MAX_LENGTH) {
            return Option.of(RuleBreach.of(field, "too_long", "must be at most " + MAX_LENGTH + " characters, got "
                    + value.length(), MAX_LENGTH, value.length()));
        }
        String host = hostOf(value);
        if (host == null) {
            return Option.of(RuleBreach.of(field, "not_a_wechat_image", "must be an http(s) URL of a picture uploaded "
                    + "to WeChat: " + HOW_TO_GET_ONE));
        }
        if (!HOSTS.contains(host)) {
            return Option.of(RuleBreach.of(field, "not_a_wechat_image", "must be a picture hosted by WeChat ("
                    + String.join(", ", HOSTS.stream().sorted().toList()) + "), not " + host
                    + ": WeChat refuses other hosts (40141 invalid image url); " + HOW_TO_GET_ONE, host));
        }
        return Option.none();
    }

    /** The host of an http(s) URL, lower case, or null when the value is not one (parsed by hand: no java.net here). */
    private static String hostOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("https://")) {
            rest = lower.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            rest = lower.substring("http://".length());
        } else {
            return null;
        }
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        if (authority.contains("@") || authority.isEmpty()) {
            return null; // user info in a picture URL is a trick, not a WeChat URL
        }
        int port = authority.indexOf(':');
        return port >= 0 ? authority.substring(0, port) : authority;
    }

    @Override
    public String toString() {
        return value;
    }
}
