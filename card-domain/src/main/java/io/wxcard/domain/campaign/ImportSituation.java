package io.wxcard.domain.campaign;

import java.util.List;

/**
 * How the imports of existing members into a campaign's card stand when it is to start.
 *
 * @param running          imports still staging or sending
 * @param unreviewedFailed finished imports with failed rows nobody has marked as looked at
 * @param protectedMembers members those imports brought in before now: not new, so not rewarded for joining
 */
public record ImportSituation(List<String> running, List<String> unreviewedFailed, long protectedMembers) {
    public ImportSituation {
        running = List.copyOf(running);
        unreviewedFailed = List.copyOf(unreviewedFailed);
    }
}
