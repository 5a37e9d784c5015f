package io.wxcard.domain.operator;

/** What an operator can do in the console, each with the least role it needs: the one place this rule lives. */
public enum OperatorAction {
    READ(Role.VIEWER),
    CHANGE_LEDGER(Role.OPERATOR),
    INVALIDATE_MEMBERSHIP(Role.OPERATOR),
    IMPORT_MEMBERS(Role.OPERATOR),
    /** QR codes and posters for the stores. */
    DISTRIBUTE_CARD(Role.OPERATOR),
    /** Asking WeChat for a card's statistics of some days (kept beside ours; nothing of a member changes). */
    PULL_STATISTICS(Role.OPERATOR),
    /** Gift-on-joining campaigns: starting one (with an override's reason too, when an import holds it) and ending it. */
    RUN_CAMPAIGNS(Role.OPERATOR),
    EDIT_CARD(Role.ADMIN),
    SUBMIT_CARD(Role.ADMIN),
    MANAGE_OPERATORS(Role.ADMIN),
    /** The calls to WeChat and the webhook posts that failed for good: seeing them, and sending one again. */
    MANAGE_DELIVERIES(Role.ADMIN),
    READ_AUDIT_LOG(Role.ADMIN);

    private final Role needs;

    OperatorAction(Role needs) {
        this.needs = needs;
    }

    public Role needs() {
        return needs;
    }

    public boolean allowedTo(Role role) {
        return role.includes(needs);
    }
}
