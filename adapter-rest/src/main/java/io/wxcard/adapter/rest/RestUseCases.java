package io.wxcard.adapter.rest;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.ActivateMembershipUseCase;
import io.wxcard.application.port.in.ActivationPageUseCase;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.AuthenticateApiKeyQuery;
import io.wxcard.application.port.in.CardStatisticsQuery;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.ConfigureActivationFormUseCase;
import io.wxcard.application.port.in.DeleteCardUseCase;
import io.wxcard.application.port.in.DistributeCardUseCase;
import io.wxcard.application.port.in.DraftCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.FindMembershipsQuery;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.InvalidateMembershipUseCase;
import io.wxcard.application.port.in.PullMemberInfoUseCase;
import io.wxcard.application.port.in.SetTestWhitelistUseCase;
import io.wxcard.application.port.in.SubmitCardUseCase;
import io.wxcard.application.port.in.FindMembersQuery;
import io.wxcard.application.port.in.ManageWebhooksUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ReadChangeFeedQuery;
import io.wxcard.application.port.in.UploadCardImageUseCase;
import java.util.Objects;

/**
 * Every use case the HTTP API exposes; bootstrap hands them over, wired.
 *
 * @param loyalty    the loyalty routes' use cases (issue 17); null: those routes are not served
 * @param engagement the stores', segments' and card messages' use cases (issue 17); null: those routes are not served
 * @param campaigns  the campaign routes' use case (issue 20 item 3); null: those routes are not served
 */
public record RestUseCases(
        DraftCardUseCase draftCard,
        EditCardUseCase editCard,
        SubmitCardUseCase submitCard,
        SetTestWhitelistUseCase setTestWhitelist,
        ConfigureActivationFormUseCase configureActivationForm,
        DistributeCardUseCase distributeCard,
        DeleteCardUseCase deleteCard,
        FindCardsQuery findCards,
        ActivateMembershipUseCase activateMembership,
        ChangeLedgerUseCase changeLedger,
        InvalidateMembershipUseCase invalidateMembership,
        PullMemberInfoUseCase pullMemberInfo,
        FindMembershipsQuery findMemberships,
        ImportMembersUseCase importMembers,
        AcceptWechatPushUseCase acceptWechatPush,
        AuthenticateApiKeyQuery authenticateApiKey,
        UploadCardImageUseCase uploadCardImage,
        FindMembersQuery findMembers,
        ReadChangeFeedQuery changeFeed,
        ManageWebhooksUseCase manageWebhooks,
        ActivationPageUseCase activationPages,
        RestPayUseCases wechatPay,
        ApplyLedgerBatchUseCase applyLedgerBatch,
        CardStatisticsQuery cardStatistics,
        LoyaltyUseCases loyalty,
        EngagementUseCases engagement,
        ManageCampaignsUseCase campaigns) {

    /** Without the loyalty routes. */
    public RestUseCases(DraftCardUseCase draftCard, EditCardUseCase editCard, SubmitCardUseCase submitCard,
                        SetTestWhitelistUseCase setTestWhitelist, ConfigureActivationFormUseCase configureActivationForm,
                        DistributeCardUseCase distributeCard, DeleteCardUseCase deleteCard, FindCardsQuery findCards,
                        ActivateMembershipUseCase activateMembership, ChangeLedgerUseCase changeLedger,
                        InvalidateMembershipUseCase invalidateMembership, PullMemberInfoUseCase pullMemberInfo,
                        FindMembershipsQuery findMemberships, ImportMembersUseCase importMembers,
                        AcceptWechatPushUseCase acceptWechatPush, AuthenticateApiKeyQuery authenticateApiKey,
                        UploadCardImageUseCase uploadCardImage, FindMembersQuery findMembers,
                        ReadChangeFeedQuery changeFeed, ManageWebhooksUseCase manageWebhooks,
                        ActivationPageUseCase activationPages, RestPayUseCases wechatPay,
                        ApplyLedgerBatchUseCase applyLedgerBatch, CardStatisticsQuery cardStatistics) {
        this(draftCard, editCard, submitCard, setTestWhitelist, configureActivationForm, distributeCard, deleteCard,
                findCards, activateMembership, changeLedger, invalidateMembership, pullMemberInfo, findMemberships,
                importMembers, acceptWechatPush, authenticateApiKey, uploadCardImage, findMembers, changeFeed,
                manageWebhooks, activationPages, wechatPay, applyLedgerBatch, cardStatistics, null, null, null);
    }

    /** The same use cases with the loyalty routes'. */
    public RestUseCases withLoyalty(LoyaltyUseCases loyaltyUseCases) {
        return new RestUseCases(draftCard, editCard, submitCard, setTestWhitelist, configureActivationForm,
                distributeCard, deleteCard, findCards, activateMembership, changeLedger, invalidateMembership,
                pullMemberInfo, findMemberships, importMembers, acceptWechatPush, authenticateApiKey, uploadCardImage,
                findMembers, changeFeed, manageWebhooks, activationPages, wechatPay, applyLedgerBatch, cardStatistics,
                loyaltyUseCases, engagement, campaigns);
    }

    /** The same use cases with the stores', segments' and card messages' routes. */
    public RestUseCases withEngagement(EngagementUseCases engagementUseCases) {
        return new RestUseCases(draftCard, editCard, submitCard, setTestWhitelist, configureActivationForm,
                distributeCard, deleteCard, findCards, activateMembership, changeLedger, invalidateMembership,
                pullMemberInfo, findMemberships, importMembers, acceptWechatPush, authenticateApiKey, uploadCardImage,
                findMembers, changeFeed, manageWebhooks, activationPages, wechatPay, applyLedgerBatch, cardStatistics,
                loyalty, engagementUseCases, campaigns);
    }

    /** The same use cases with the campaign routes'. */
    public RestUseCases withCampaigns(ManageCampaignsUseCase campaignsUseCase) {
        return new RestUseCases(draftCard, editCard, submitCard, setTestWhitelist, configureActivationForm,
                distributeCard, deleteCard, findCards, activateMembership, changeLedger, invalidateMembership,
                pullMemberInfo, findMemberships, importMembers, acceptWechatPush, authenticateApiKey, uploadCardImage,
                findMembers, changeFeed, manageWebhooks, activationPages, wechatPay, applyLedgerBatch, cardStatistics,
                loyalty, engagement, campaignsUseCase);
    }

    public RestUseCases {
        Objects.requireNonNull(draftCard, "draftCard");
        Objects.requireNonNull(editCard, "editCard");
        Objects.requireNonNull(submitCard, "submitCard");
        Objects.requireNonNull(setTestWhitelist, "setTestWhitelist");
        Objects.requireNonNull(configureActivationForm, "configureActivationForm");
        Objects.requireNonNull(distributeCard, "distributeCard");
        Objects.requireNonNull(deleteCard, "deleteCard");
        Objects.requireNonNull(findCards, "findCards");
        Objects.requireNonNull(activateMembership, "activateMembership");
        Objects.requireNonNull(changeLedger, "changeLedger");
        Objects.requireNonNull(invalidateMembership, "invalidateMembership");
        Objects.requireNonNull(pullMemberInfo, "pullMemberInfo");
        Objects.requireNonNull(findMemberships, "findMemberships");
        Objects.requireNonNull(importMembers, "importMembers");
        Objects.requireNonNull(acceptWechatPush, "acceptWechatPush");
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(uploadCardImage, "uploadCardImage");
        Objects.requireNonNull(findMembers, "findMembers");
        Objects.requireNonNull(changeFeed, "changeFeed");
        Objects.requireNonNull(manageWebhooks, "manageWebhooks");
        Objects.requireNonNull(activationPages, "activationPages");
        Objects.requireNonNull(wechatPay, "wechatPay");
        Objects.requireNonNull(applyLedgerBatch, "applyLedgerBatch");
        Objects.requireNonNull(cardStatistics, "cardStatistics");
    }
}
