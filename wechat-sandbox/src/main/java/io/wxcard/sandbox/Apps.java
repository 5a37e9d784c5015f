package io.wxcard.sandbox;

import java.security.PublicKey;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The official accounts the sandbox knows, by appid and by WeChat Pay mchid. */
final class Apps {

    /** An account as registered, with what is derived from it once. */
    record Registered(SandboxApp app, String originalId, String idPrefix, PublicKey merchantKey) {
        String appId() {
            return app.appId();
        }

        /** The sender of review events, which have no member behind them. */
        String adminOpenid() {
            return "o" + idPrefix + "SandboxAdmin";
        }
    }

    private final Map<String, Registered> byAppId = new ConcurrentHashMap<>();
    private final Map<String, Registered> byMchid = new ConcurrentHashMap<>();
    private final Map<String, Boolean> echoUpdateUser = new ConcurrentHashMap<>(); // appid -> override
    private final boolean echoUpdateUserDefault;

    Apps(boolean echoUpdateUserDefault) {
        this.echoUpdateUserDefault = echoUpdateUserDefault;
    }

    /** Whether the account's updateuser changes of bonus or balance are echoed as update_member_card. */
    boolean echoUpdateUser(String appId) {
        return echoUpdateUser.getOrDefault(appId, echoUpdateUserDefault);
    }

    /** Overrides {@link SandboxSettings#echoUpdateUser()} for one account. */
    void setEchoUpdateUser(String appId, boolean echo) {
        if (!byAppId.containsKey(appId)) {
            throw new IllegalArgumentException("unknown appid " + appId);
        }
        echoUpdateUser.put(appId, echo);
    }

    /**
     * Accounts exempted from WeChat Pay's rule that a card must be upgraded before its membercard-open member calls
     * work. The rule holds by default, as on WeChat Pay; a test that wants the old, lenient behaviour turns it off.
     */
    private final java.util.Set<String> cardUpgradeNotRequired = ConcurrentHashMap.newKeySet();

    boolean requiresCardUpgrade(String appId) {
        return !cardUpgradeNotRequired.contains(appId);
    }

    void setRequireCardUpgrade(String appId, boolean required) {
        if (!byAppId.containsKey(appId)) {
            throw new IllegalArgumentException("unknown appid " + appId);
        }
        if (required) {
            cardUpgradeNotRequired.remove(appId);
        } else {
            cardUpgradeNotRequired.add(appId);
        }
    }

    /** Registers the account or replaces its configuration; the cards and members it has stay. */
    Registered register(SandboxApp app) {
        PublicKey merchantKey = null;
        if (app.merchantId() != null && !app.merchantId().isBlank()) {
            merchantKey = PaySignatures.publicKey(app.merchantPublicKeyPem());
            Registered other = byMchid.get(app.merchantId());
            if (other != null && !other.appId().equals(app.appId())) {
                throw new IllegalArgumentException("mchid " + app.merchantId() + " is already bound to "
                        + other.appId());
            }
        }
        String hash = MsgCrypto.sha1Hex(app.appId());
        // WeChat ids of one account share a short prefix (card ids p<prefix>..., openids o<prefix>...).
        String prefix = toLetters(hash.substring(0, 10));
        Registered registered = new Registered(app, "gh_" + hash.substring(0, 12), prefix, merchantKey);
        Registered previous = byAppId.put(app.appId(), registered);
        if (previous != null && previous.app().merchantId() != null) {
            byMchid.remove(previous.app().merchantId(), previous);
        }
        if (merchantKey != null) {
            byMchid.put(app.merchantId(), registered);
        }
        return registered;
    }

    Optional<Registered> byAppId(String appId) {
        return appId == null ? Optional.empty() : Optional.ofNullable(byAppId.get(appId));
    }

    Optional<Registered> byMchid(String mchid) {
        return mchid == null ? Optional.empty() : Optional.ofNullable(byMchid.get(mchid));
    }

    Collection<Registered> all() {
        return byAppId.values();
    }

    private static String toLetters(String hex) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            out.append(alphabet.charAt(Integer.parseInt(hex.substring(i, i + 2), 16) % alphabet.length()));
        }
        return out.toString();
    }
}
