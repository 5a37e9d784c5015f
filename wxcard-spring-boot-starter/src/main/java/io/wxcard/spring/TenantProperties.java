package io.wxcard.spring;

/** A WeChat official account, as configured on its server settings page. */
public class TenantProperties {
    /** Our id of the tenant: the {tenant} of its push URL. */
    private String id;
    /** A name people recognise. */
    private String name;
    /** The account's appid. */
    private String appId;
    /** The account's appsecret. */
    private String appSecret;
    /** The Token of the server settings, which signs pushes. */
    private String pushToken;
    /** The 43-character EncodingAESKey (needed in safe mode). */
    private String encodingAesKey;
    /** PLAIN or SAFE (AES-encrypted pushes). */
    private String pushMode = "SAFE";

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getPushToken() {
        return pushToken;
    }

    public void setPushToken(String pushToken) {
        this.pushToken = pushToken;
    }

    public String getEncodingAesKey() {
        return encodingAesKey;
    }

    public void setEncodingAesKey(String encodingAesKey) {
        this.encodingAesKey = encodingAesKey;
    }

    public String getPushMode() {
        return pushMode;
    }

    public void setPushMode(String pushMode) {
        this.pushMode = pushMode;
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "TenantProperties[id=" + id + ", appId=" + appId + ", pushMode=" + pushMode + "]";
    }
}
