package io.wxcard.application.service;

/**
 * How concurrent points and balance changes are committed in groups (issue 16 item 3): the changes that wait while a
 * group commits go together in the next one, with one read of their memberships, one batch per table and one commit.
 *
 * @param maxGroup the most changes one group takes; 0 turns group commit off (every change commits alone)
 * @param lanes    groups committing at once; a membership always goes through the same lane, so that two groups of
 *                 one instance never race for it
 */
public record LedgerGroupSettings(int maxGroup, int lanes) {

    public LedgerGroupSettings {
        if (maxGroup < 0 || maxGroup > 1000) {
            throw new IllegalArgumentException("a ledger group takes 0 (off) to 1000 changes, not " + maxGroup);
        }
        if (lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("ledger groups commit in 1 to 64 lanes, not " + lanes);
        }
    }

    /** Off: what an embedder gets unless it hands the group commit its threads. */
    public static LedgerGroupSettings off() {
        return new LedgerGroupSettings(0, 1);
    }

    /** Up to 32 changes a group, two groups committing at once. */
    public static LedgerGroupSettings defaults() {
        return new LedgerGroupSettings(32, 2);
    }

    public boolean enabled() {
        return maxGroup > 0;
    }
}
