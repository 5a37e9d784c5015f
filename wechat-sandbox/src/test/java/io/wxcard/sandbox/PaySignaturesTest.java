package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class PaySignaturesTest {
    private static final JsonNode VECTOR = TestVectors.load("wechatpay-v3.json");

    private static String v(String field) {
        return VECTOR.get(field).asText();
    }

    @Test
    void builds_the_request_message_of_the_vector() {
        assertThat(PaySignatures.requestMessage(v("method"), v("path"), v("timestamp"), v("nonce_str"), v("body")))
                .isEqualTo(v("message"));
    }

    @Test
    void verifies_the_vector_signature_with_the_merchant_public_key() {
        PublicKey key = PaySignatures.publicKey(v("public_key_pem"));

        assertThat(PaySignatures.verify(key, v("message"), v("signature"))).isTrue();
        assertThat(PaySignatures.verify(key, v("message").replace("imp-", "imq-"), v("signature"))).isFalse();
        assertThat(PaySignatures.verify(key, v("message"), "not base64 at all")).isFalse();
    }

    @Test
    void signing_with_the_vector_private_key_gives_the_vector_signature() {
        // PKCS#1 v1.5 signatures are deterministic, so this is a known-answer test of the signing side.
        assertThat(PaySignatures.sign(PaySignatures.privateKey(v("private_key_pem")), v("message")))
                .isEqualTo(v("signature"));
    }

    @Test
    void parses_the_vector_authorization_header() {
        PaySignatures.Authorization auth = PaySignatures.parseAuthorization(v("authorization"));

        assertThat(auth.mchid()).isEqualTo(v("mchid"));
        assertThat(auth.nonce()).isEqualTo(v("nonce_str"));
        assertThat(auth.signature()).isEqualTo(v("signature"));
        assertThat(auth.timestamp()).isEqualTo(v("timestamp"));
        assertThat(auth.serialNo()).isEqualTo(v("serial_no"));
    }

    @Test
    void refuses_other_schemes_and_incomplete_headers() {
        assertThatThrownBy(() -> PaySignatures.parseAuthorization("Bearer abc"))
                .isInstanceOfSatisfying(PayException.class, e -> assertThat(e.status).isEqualTo(401));
        assertThatThrownBy(() -> PaySignatures.parseAuthorization(
                "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"s\""))
                .isInstanceOfSatisfying(PayException.class, e -> assertThat(e.code).isEqualTo("SIGN_ERROR"));
    }
}
