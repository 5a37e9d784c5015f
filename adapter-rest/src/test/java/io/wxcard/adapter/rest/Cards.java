package io.wxcard.adapter.rest;

/** Card documents as a merchant would write them from WeChat's documentation. */
final class Cards {

    private Cards() {}

    /** WeChat's smallest member card: auto-activating, with points and stored value. */
    static String minimal() {
        return withActivation("\"auto_activate\": true");
    }

    /** A card activated on the merchant's own page, through POST .../activate. */
    static String merchantPage() {
        return withActivation("\"activate_url\": \"https://shop.example.com/activate\"");
    }

    /** A card activated by WeChat's one-click form. */
    static String oneClick() {
        return withActivation("\"wx_activate\": true");
    }

    static String withActivation(String activation) {
        return """
                {"card": {
                  "card_type": "MEMBER_CARD",
                  "member_card": {
                    "base_info": {
                      "logo_url": "https://mmbiz.qpic.cn/logo.png",
                      "code_type": "CODE_TYPE_QRCODE",
                      "brand_name": "Tea House",
                      "title": "Gold Card",
                      "color": "Color010",
                      "notice": "Show at the till",
                      "description": "Earn points with every cup.",
                      "date_info": {"type": "DATE_TYPE_PERMANENT"},
                      "sku": {"quantity": 1000},
                      "can_share": true,
                      "use_all_locations": true
                    },
                    "prerogative": "10% off every drink",
                    ACTIVATION,
                    "supply_bonus": true,
                    "supply_balance": true
                  }
                }}""".replace("ACTIVATION", activation);
    }
}
