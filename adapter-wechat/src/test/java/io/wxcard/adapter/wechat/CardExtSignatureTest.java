package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JS-SDK addCard signature against card-ext-signature.json. */
class CardExtSignatureTest {

    private static final JsonNode VECTORS = TestVectors.load("card-ext-signature.json");

    @ParameterizedTest
    @ValueSource(strings = {"official_example", "with_openid"})
    void signs_the_vector(String name) {
        JsonNode v = VECTORS.get(name);

        String signature = CardExtSigner.signature(v.get("api_ticket").asText(), v.get("timestamp").asText(),
                v.get("card_id").asText(), v.get("code").asText(), v.get("openid").asText(),
                v.get("nonce_str").asText());

        assertThat(signature).isEqualTo(v.get("signature").asText());
    }

    @Test
    void leaves_out_empty_and_absent_values_alike() {
        JsonNode v = VECTORS.get("official_example");

        assertThat(CardExtSigner.signature(v.get("api_ticket").asText(), v.get("timestamp").asText(),
                v.get("card_id").asText(), v.get("code").asText(), null, v.get("nonce_str").asText()))
                .isEqualTo(v.get("signature").asText());
    }

    @Test
    void makes_a_new_random_nonce_each_time() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(CardExtSigner.nonce());
        }

        assertThat(nonces).hasSize(1000).allMatch(n -> n.matches("[A-Za-z0-9]{16}"));
    }
}
