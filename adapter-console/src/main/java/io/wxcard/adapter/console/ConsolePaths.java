package io.wxcard.adapter.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the console's pages live. */
final class ConsolePaths {

    static final String ROOT = "/console/";
    static final String SIGN_IN = ROOT + "sign-in";
    static final String CARDS = ROOT + "cards";
    static final String MEMBERS = ROOT + "members";
    static final String AUDIT = ROOT + "audit";
    static final String OPERATORS = ROOT + "operators";
    static final String IMPORTS = ROOT + "imports";
    static final String OPERATIONS = ROOT + "operations";
    static final String STATISTICS = ROOT + "statistics";
    static final String CAMPAIGNS = ROOT + "campaigns";
    static final String ASSETS = ROOT + "assets";

    private ConsolePaths() {}

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path to come back to after signing in or switching language: only one of the console's own. */
    static String safeReturn(String path) {
        if (path == null || !path.startsWith(ROOT) || path.startsWith(ROOT + "/") || path.contains("\\")
                || path.contains("//")) {
            return CARDS;
        }
        return path;
    }
}
