package io.wxcard.application.service;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.shared.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code updateuser} tells a member when it stands for several ledger entries of one asset: the sum of their
 * deltas ({@code add_bonus} / {@code add_balance}) and one line merging their reasons ({@code record_bonus} /
 * {@code record_balance}). The totals the call carries are absolute; this is only what the member reads.
 *
 * <p>The line: the distinct reasons in ledger order, joined by {@code "; "}. When they do not fit in
 * {@link Reason#MAX_LENGTH} (what a single entry's reason may already be), as many whole reasons as fit are kept,
 * followed by {@code " (+N more)"}; a first reason too long for even that is cut.
 */
record CoalescedChange(long delta, String record, boolean notifyMember) {

    static final String SEPARATOR = "; ";

    /** The entries' change of {@code asset}, or none when they leave it where it was. */
    static Option<CoalescedChange> of(List<LedgerEntry> entries, Asset asset) {
        List<LedgerEntry> mine = entries.stream().filter(entry -> entry.asset() == asset).toList();
        long delta = mine.stream().mapToLong(LedgerEntry::delta).sum();
        if (mine.isEmpty() || delta == 0) {
            return Option.none();
        }
        List<String> reasons = mine.stream().map(LedgerEntry::reason).distinct().toList();
        return Option.of(new CoalescedChange(delta, merge(reasons, Reason.MAX_LENGTH),
                mine.stream().anyMatch(LedgerEntry::notifyMember)));
    }

    static String merge(List<String> reasons, int maxLength) {
        String all = String.join(SEPARATOR, reasons);
        if (all.length() <= maxLength) {
            return all;
        }
        List<String> kept = new ArrayList<>();
        for (String reason : reasons) {
            List<String> tried = new ArrayList<>(kept);
            tried.add(reason);
            if ((String.join(SEPARATOR, tried) + more(reasons.size() - tried.size())).length() > maxLength) {
                break;
            }
            kept = tried;
        }
        String suffix = more(reasons.size() - Math.max(kept.size(), 1));
        if (kept.isEmpty()) {
            return reasons.get(0).substring(0, maxLength - suffix.length()) + suffix;
        }
        return String.join(SEPARATOR, kept) + suffix;
    }

    private static String more(int left) {
        return left == 0 ? "" : " (+" + left + " more)";
    }
}
