package io.wxcard.spring;

/**
 * {@code wxcard.ledger-groups.*}: points and balance changes committed in groups (issue 16 item 3). The changes that
 * wait while a group commits go together in the next one, each with its own answer.
 */
public class LedgerGroupProperties {

    /** Changes committed together at most; 0 commits every change alone. */
    private int size = 32;
    /** Groups committing at once (a membership always goes through the same one). */
    private int lanes = 2;

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    public int getLanes() {
        return lanes;
    }

    public void setLanes(int lanes) {
        this.lanes = lanes;
    }
}
