package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.fromWechat;
import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.ImportSituation;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts and ends campaigns. The guard is asked before WeChat is told; WeChat's answer (its rule or activity id) is
 * stored with the campaign. An import counts as protecting the members it imported before the campaign started.
 */
final class CampaignService implements ManageCampaignsUseCase {

    private final CampaignStore campaigns;
    private final ImportJobStore imports;
    private final WechatCampaigns wechat;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;
    private final CampaignJoinStore joins;
    private final CampaignsOnWechat onWechat;

    CampaignService(CampaignStore campaigns, ImportJobStore imports, WechatCampaigns wechat, Lookups lookups,
                    Clock clock, IdGenerator ids, CampaignJoinStore joins) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.wechat = wechat;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
        this.joins = joins;
        this.onWechat = new CampaignsOnWechat(campaigns, wechat, lookups, clock);
    }

    @Override
    public Either<Failure, Campaign> start(StartCampaignCommand command) {
        TenantId tenantId = command.tenantId();
        CardId cardId = command.cardId();
        CampaignTerms terms = command.terms();
        return lookups.card(tenantId, cardId)
                .flatMap(card -> rejected(card.checkOnWechat()).flatMap(wechatCardId -> rejected(Campaign.mayStart(
                                cardId, terms, card.upgradedForWechatPay(), campaigns.ofCard(tenantId, cardId),
                                situation(tenantId, cardId),
                                command.override(), clock.now()))
                        .flatMap(imports -> {
                            CampaignId id = new CampaignId(ids.newId("cmp"));
                            return onWechat(tenantId, wechatCardId, terms, id).map(wechatId -> {
                                Campaign started = Campaign.started(id, tenantId, cardId, terms, wechatId, imports,
                                        command.override(), clock.now());
                                campaigns.add(started);
                                return started;
                            });
                        })));
    }

    private Either<Failure, String> onWechat(TenantId tenantId, WechatCardId cardId, CampaignTerms terms,
                                             CampaignId id) {
        if (terms.kind().payActivity()) {
            return lookups.tenant(tenantId).flatMap(tenant -> rejected(tenant.checkCanImportMembers()))
                    .flatMap(merchant -> fromWechat(wechat.createPayActivity(merchant, cardId, terms, id.value())));
        }
        return lookups.account(tenantId).flatMap(account -> fromWechat(wechat.addPayToJoinRule(account, cardId,
                terms)));
    }

    /** How the card's imports stand now: running ones, finished ones with unreviewed failures, members imported. */
    private ImportSituation situation(TenantId tenantId, CardId cardId) {
        List<String> running = new ArrayList<>();
        List<String> unreviewed = new ArrayList<>();
        long imported = 0;
        for (ImportJob job : imports.ofCard(tenantId, cardId)) {
            ImportJob.Counts counts = imports.counts(job.id());
            imported += counts.imported();
            if (job.status() != ImportJob.Status.COMPLETED) {
                running.add(job.id().value());
            } else if (counts.failed() > 0 && campaigns.review(tenantId, job.id()).isEmpty()) {
                unreviewed.add(job.id().value());
            }
        }
        return new ImportSituation(running, unreviewed, imported);
    }

    @Override
    public Either<Failure, ImportSituation> importSituation(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> situation(tenantId, cardId));
    }

    @Override
    public Either<Failure, List<Campaign>> campaigns(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> campaigns.ofCard(tenantId, cardId));
    }

    @Override
    public Either<Failure, Campaign> campaign(TenantId tenantId, CampaignId id) {
        return lookups.tenant(tenantId).flatMap(tenant -> campaigns.find(tenantId, id)
                .toEither(() -> new Failure.NotFound("campaign " + id)));
    }

    @Override
    public Either<Failure, Long> membersJoined(TenantId tenantId, CampaignId id) {
        return campaign(tenantId, id).map(campaign -> joins.joined(tenantId, id));
    }

    @Override
    public Either<Failure, Option<CampaignJoin>> joinedThrough(TenantId tenantId, CardId cardId, Code code) {
        return lookups.card(tenantId, cardId).map(card -> joins.of(tenantId, cardId, code));
    }

    @Override
    public Either<Failure, CampaignReport> report(TenantId tenantId, CampaignId id) {
        return campaign(tenantId, id).map(onWechat::report);
    }

    @Override
    public Either<Failure, List<CampaignReport>> reports(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> card.wechatCardId()
                .map(wechatCardId -> onWechat.reports(tenantId, wechatCardId, campaigns.ofCard(tenantId, cardId)))
                .getOrElse(() -> campaigns.ofCard(tenantId, cardId).stream().map(c -> new CampaignReport(c,
                        WechatView.unconfirmed("the card is not on WeChat"))).toList()));
    }

    @Override
    public Either<Failure, Campaign> terminate(TenantId tenantId, CampaignId id) {
        return campaign(tenantId, id).flatMap(campaign -> rejected(campaign.terminate(clock.now()))
                .flatMap(ended -> offWechat(campaign).map(done -> {
                    campaigns.terminated(ended);
                    return ended;
                })));
    }

    private Either<Failure, ?> offWechat(Campaign campaign) {
        if (campaign.terms().kind().payActivity()) {
            return lookups.tenant(campaign.tenantId()).flatMap(tenant -> rejected(tenant.checkCanImportMembers()))
                    .flatMap(merchant -> fromWechat(wechat.terminatePayActivity(merchant, campaign.wechatId())));
        }
        return lookups.account(campaign.tenantId())
                .flatMap(account -> fromWechat(wechat.deletePayToJoinRule(account, campaign.wechatId())));
    }

    @Override
    public Either<Failure, ImportReview> reviewImportFailures(TenantId tenantId, ImportJobId jobId, Reason note) {
        return lookups.tenant(tenantId).flatMap(tenant -> imports.find(tenantId, jobId)
                .toEither(() -> (Failure) new Failure.NotFound("import " + jobId)))
                .map(job -> {
                    ImportReview review = new ImportReview(tenantId, jobId, note, clock.now());
                    campaigns.failuresReviewed(review);
                    return review;
                });
    }
}
