package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WeChat takes card pictures only from its own image host (40141 otherwise); uploadimg answers such URLs. */
class ImageHostTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private final Fixture f = Fixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    private String upload() {
        Http.Response upload = Multipart.upload(f.http, "/cgi-bin/media/uploadimg?access_token=" + f.token(),
                "buffer", "logo.png", PNG);
        assertThat(upload.errcode()).as(upload.body()).isZero();
        return upload.json().get("url").asText();
    }

    @Test
    void a_card_with_an_uploaded_logo_and_background_is_created_and_the_pictures_are_served() {
        ObjectNode card = Fixture.memberCard();
        String logo = upload();
        ((ObjectNode) card.get("base_info")).put("logo_url", logo);
        card.put("background_pic_url", upload());

        f.createCard(card);

        Http.Response served = f.http.get(MediaRoutes.servedPath(logo));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");
    }

    @Test
    void create_refuses_a_logo_or_background_on_another_host_with_40141() {
        ObjectNode foreignLogo = Fixture.memberCard();
        ((ObjectNode) foreignLogo.get("base_info")).put("logo_url", "https://cdn.example.com/logo.png");
        ObjectNode foreignBackground = Fixture.memberCard();
        foreignBackground.put("background_pic_url", "http://mmecoa.qpic.cn/sz_mmecoa_jpg/x/0");
        ObjectNode lookAlike = Fixture.memberCard();
        ((ObjectNode) lookAlike.get("base_info")).put("logo_url", "http://mmbiz.qpic.cn.example.com/x/0");

        for (ObjectNode card : new ObjectNode[] {foreignLogo, foreignBackground, lookAlike}) {
            Http.Response created = f.oa("/card/create", Fixture.createBody(card));
            assertThat(created.errcode()).as(created.body()).isEqualTo(40141);
            assertThat(created.json().get("errmsg").asText()).startsWith("invalid image url");
        }
    }

    @Test
    void update_activate_and_updateuser_refuse_a_background_on_another_host() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, "oImageHost0000000000000000001");

        Http.Response update = f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"background_pic_url\":\"https://example.com/bg.png\"}}");
        Http.Response activate = f.oa("/card/membercard/activate", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                + "\",\"membership_number\":\"M1\",\"background_pic_url\":\"https://example.com/bg.png\"}");
        Http.Response updateUser = f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\""
                + code + "\",\"bonus\":1,\"background_pic_url\":\"https://example.com/bg.png\"}");
        Http.Response uploaded = f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\""
                + code + "\",\"bonus\":1,\"background_pic_url\":\"" + upload() + "\"}");

        assertThat(update.errcode()).as(update.body()).isEqualTo(40141);
        assertThat(activate.errcode()).as(activate.body()).isEqualTo(40141);
        assertThat(updateUser.errcode()).as(updateUser.body()).isEqualTo(40141);
        assertThat(uploaded.errcode()).as(uploaded.body()).isZero();
        assertThat(f.state(cardId, code).get("bonus").asLong()).isEqualTo(1);
    }
}
