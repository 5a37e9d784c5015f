package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wxcard.application.contract.wechat.WechatTestControl;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.Map;

/** The WeChat side of the contract tests, played by the sandbox's control API over HTTP. */
final class SandboxControl implements WechatTestControl {
    private final SandboxFixture sandbox;

    SandboxControl(SandboxFixture sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void review(WechatCardId cardId, boolean pass) {
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/review",
                sandbox.object().put("result", pass ? "pass" : "not_pass").put("refuse_reason", pass ? null : "logo"));
    }

    @Override
    public Code handOut(WechatCardId cardId, OpenId openId) {
        return new Code(sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/users",
                sandbox.object().put("openid", openId.value())).get("code").asText());
    }

    @Override
    public void submitForm(WechatCardId cardId, Code code, Map<String, String> answers) {
        ObjectNode body = sandbox.object();
        ArrayNode common = body.putArray("common_field_list");
        ArrayNode custom = body.putArray("custom_field_list");
        answers.forEach((name, value) -> (name.startsWith("USER_FORM_INFO_FLAG_") ? common : custom).addObject()
                .put("name", name).put("value", value));
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value() + "/form", body);
    }

    @Override
    public String encryptCodeOf(WechatCardId cardId, Code code) {
        return sandbox.member(cardId.value(), code.value()).get("encrypt_code").asText();
    }
}
