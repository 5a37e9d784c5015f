package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MsgCryptoTest {
    private static final JsonNode VECTOR = TestVectors.load("wechat-msg-crypto.json");

    private static String v(String field) {
        return VECTOR.get(field).asText();
    }

    @Test
    void encryption_reproduces_the_known_answer_given_its_random_bytes() {
        String encrypt = MsgCrypto.encrypt(v("encoding_aes_key"), v("appid"), v("plaintext_xml"),
                HexFormat.of().parseHex(v("random_hex")));

        assertThat(encrypt).isEqualTo(v("encrypt"));
        assertThat(EventXml.encryptedEnvelope("gh_fc0a06a20993", encrypt)).isEqualTo(v("post_body"));
    }

    @Test
    void signatures_reproduce_the_known_answers() {
        assertThat(MsgCrypto.msgSignature(v("token"), v("timestamp"), v("nonce"), v("encrypt")))
                .isEqualTo(v("msg_signature"));
        assertThat(MsgCrypto.signature(v("token"), v("timestamp"), v("nonce"))).isEqualTo(v("signature"));
    }

    @Test
    void a_different_appid_gives_a_different_ciphertext_tail() {
        String encrypt = MsgCrypto.encrypt(v("encoding_aes_key"), "wx0000000000000000", v("plaintext_xml"),
                HexFormat.of().parseHex(v("random_hex")));

        assertThat(encrypt).isNotEqualTo(v("encrypt"));
    }

    @Test
    void the_independent_receiver_reads_the_vector_and_refuses_its_wrong_appid_and_bad_padding_variants() {
        PushReceiver.Decrypted decrypted = PushReceiver.decrypt(v("encoding_aes_key"), v("encrypt"));
        assertThat(decrypted.xml()).isEqualTo(v("plaintext_xml"));
        assertThat(decrypted.appId()).isEqualTo(v("appid"));

        assertThat(PushReceiver.decrypt(v("encoding_aes_key"), v("encrypt_with_wrong_appid")).appId())
                .isNotEqualTo(v("appid"));
        assertThatThrownBy(() -> PushReceiver.decrypt(v("encoding_aes_key"), v("encrypt_with_bad_padding")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_random_prefix_must_be_sixteen_bytes() {
        assertThatThrownBy(() -> MsgCrypto.encrypt(v("encoding_aes_key"), v("appid"), "<xml/>", new byte[8]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
