package io.wxcard.sandbox;

/**
 * One event message in WeChat's XML: text in CDATA, numbers bare, in the order WeChat writes them.
 */
final class EventXml {
    final String appId;
    final String openid;
    final String event;
    private final StringBuilder xml = new StringBuilder("<xml>");

    private EventXml(String appId, String openid, String event) {
        this.appId = appId;
        this.openid = openid;
        this.event = event;
    }

    /** Starts an event with the common fields (ToUserName, FromUserName, CreateTime, MsgType, Event). */
    static EventXml of(Apps.Registered app, String fromOpenid, long createTimeSeconds, String event) {
        return new EventXml(app.appId(), fromOpenid, event)
                .text("ToUserName", app.originalId())
                .text("FromUserName", fromOpenid)
                .number("CreateTime", createTimeSeconds)
                .text("MsgType", "event")
                .text("Event", event);
    }

    EventXml text(String name, String value) {
        String safe = value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>");
        xml.append('<').append(name).append("><![CDATA[").append(safe).append("]]></").append(name).append('>');
        return this;
    }

    EventXml number(String name, long value) {
        xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    /** The safe-mode body: only the account's original id and the encrypted message. */
    static String encryptedEnvelope(String originalId, String encrypt) {
        return "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
    }

    String xml() {
        return xml + "</xml>";
    }
}
