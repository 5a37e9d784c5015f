package io.wxcard.bootstrap;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.port.in.ManageTenantsUseCase.IssuedKey;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.WechatSandbox;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The demo tenant of the default run: a WeChat account the built-in sandbox knows, with safe-mode (AES) pushes to this
 * service and WeChat Pay credentials for imports, so that every path of the product runs offline. Created on the
 * first start, kept in the database afterwards; its API key is new at every start unless CARD_DEMO_API_KEY says it.
 */
final class DemoTenant {

    static final TenantId ID = new TenantId("demo");
    static final AppId APP_ID = new AppId("wxdemo0000card0001");
    static final String MERCHANT_ID = "1900000001";

    private DemoTenant() {}

    /** Makes sure the demo tenant exists, the sandbox knows it, and answers its API key. */
    static IssuedKey prepare(ManageTenantsUseCase tenants, WechatSandbox sandbox, Settings settings) {
        Tenant tenant = tenants.list().stream().filter(t -> t.id().equals(ID)).findFirst()
                .orElseGet(() -> create(tenants, sandbox));
        MerchantCredentials merchant = tenant.merchant().get();
        if (!merchant.platformSerial().equals(sandbox.platformSerial())) {
            // The sandbox's state was reset: trust its new platform key.
            tenant = ok(tenants.replaceMerchant(ID, new MerchantCredentials(merchant.merchantId(), merchant.serialNo(),
                    merchant.privateKeyPem(), merchant.apiV3Key(), sandbox.platformSerial(), sandbox.platformPublicKeyPem())));
        }
        String callback = settings.publicUrl() + "/wechat/" + ID + "/events";
        sandbox.registerApp(SandboxApp.safe(APP_ID.value(), tenant.appSecret().reveal(), tenant.pushToken().reveal(),
                        tenant.encodingAesKey().get().reveal(), callback)
                .withMerchant(MERCHANT_ID, merchant.serialNo(), publicKeyOf(merchant.privateKeyPem())));
        return ok(tenants.rotateKey(ID, settings.demoApiKey().map(Secret::of).map(Option::of).orElse(Option.none())));
    }

    private static Tenant create(ManageTenantsUseCase tenants, WechatSandbox sandbox) {
        MerchantCredentials merchant = new MerchantCredentials(MERCHANT_ID, "DEMO" + randomHex(16),
                Secret.of(newPrivateKeyPem()), Secret.of(randomHex(16)), sandbox.platformSerial(),
                sandbox.platformPublicKeyPem());
        return ok(tenants.add(new AddTenantCommand(Option.of(ID), "Demo tea house", APP_ID, Secret.of(randomHex(16)),
                Secret.of(randomHex(8)), Option.of(Secret.of(newAesKey())), PushMode.SAFE, Option.of(merchant),
                Option.none()))).tenant();
    }

    private static <T> T ok(Either<Failure, T> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("the demo tenant could not be prepared: " + result.getLeft().detail());
        }
        return result.get();
    }

    /** 32 random bytes in Base64 without its padding: WeChat's 43-character EncodingAESKey. */
    private static String newAesKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static String newPrivateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The public half of a PKCS#8 RSA private key, as the sandbox wants it to check the merchant's signatures. */
    static String publicKeyOf(Secret privateKeyPem) {
        try {
            String base64 = privateKeyPem.reveal().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return pem("PUBLIC KEY", rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException unreadable) {
            throw new IllegalStateException("the demo merchant's private key cannot be read");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
