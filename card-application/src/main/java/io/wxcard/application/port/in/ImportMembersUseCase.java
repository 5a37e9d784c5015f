package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Imports existing members by openid (WeChat Pay v3), so that members who joined in stores or apps are recognised in
 * WeChat without being paid "gift on joining" twice. Starting an import stages its rows (streamed, never held whole);
 * the rows are then sent in the background, rate-limited, resumably, each under a stable {@code out_request_no}.
 */
public interface ImportMembersUseCase {

    /** Stages every line (a bad line is recorded as failed, with its reason) and queues the job. */
    Either<Failure, ImportProgress> start(StartImportCommand command);

    Either<Failure, ImportProgress> progress(TenantId tenantId, ImportJobId importId);

    /** The tenant's latest imports on every card, newest first, at most {@code limit}: how each stands. */
    List<ImportProgress> recent(TenantId tenantId, int limit);

    /** The rows that failed, with their reasons, in line order. */
    Either<Failure, Page<ImportRow>> failures(TenantId tenantId, ImportJobId importId, PageRequest page);

    record StartImportCommand(TenantId tenantId, CardId cardId, Iterator<ImportLine> lines) {
        public StartImportCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(lines, "lines");
        }
    }

    /** One line of the input, already parsed, or what was wrong with it. */
    record ImportLine(long lineNumber, Either<String, ImportRecord> record) {}

    /** What the merchant knows of one existing member. */
    record ImportRecord(OpenId openId, Option<Code> code, Option<Phone> phone,
                        Option<MembershipNumber> membershipNumber, Option<Points> points, Option<Fen> balance) {
        public ImportRecord {
            Objects.requireNonNull(openId, "openid");
            phone.forEach(number -> Objects.requireNonNull(number, "phone"));
            membershipNumber.forEach(number -> Objects.requireNonNull(number, "membership number"));
            points.forEach(p -> WechatRange.requireTotal(p.value(), "opening points"));
            balance.forEach(b -> WechatRange.requireTotal(b.value(), "opening balance"));
        }
    }

    /**
     * Where a job stands.
     *
     * @param rate rows settled per second since the job started sending
     * @param eta  how long the rows still pending should take at that rate (none before a rate is known)
     */
    record ImportProgress(ImportJob job, ImportJob.Counts counts, double rate, Option<Duration> eta) {}
}
