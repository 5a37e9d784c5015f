package io.wxcard.bootstrap.e2e;

/** Card documents the end-to-end tests send, as a merchant writes them from WeChat's documentation. */
final class ServiceProcessCards {

    private ServiceProcessCards() {}

    /** Activated by WeChat's one-click form. */
    static final String ONE_CLICK = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "https://mmbiz.qpic.cn/demo/logo.png", "brand_name": "Tea House",
                "code_type": "CODE_TYPE_QRCODE", "title": "Form Card", "color": "Color010",
                "notice": "Show at the till", "description": "Join with one tap.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 1000}, "get_limit": 1,
                "can_share": true, "use_all_locations": true},
              "prerogative": "10% off every drink",
              "wx_activate": true,
              "supply_bonus": true, "supply_balance": true}}}
            """;
}
