package io.wxcard.examples.teahouse;

import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tea house's till: a paid order earns a point per yuan on the member's card. The order id is the idempotency
 * key, so a till that sends an order twice earns its points once; wxcard's outbox then tells WeChat the new total.
 */
@RestController
class PurchaseController {

    record Purchase(String orderId, long amountFen) {}

    private final ChangeLedgerUseCase ledger;

    PurchaseController(ChangeLedgerUseCase ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/till/{tenant}/cards/{card}/members/{code}/purchases")
    ResponseEntity<Map<String, Object>> purchase(@PathVariable String tenant, @PathVariable String card,
                                                 @PathVariable String code, @RequestBody Purchase purchase) {
        MembershipKey member = new MembershipKey(new TenantId(tenant), new CardId(card), new Code(code));
        LedgerChange earned = LedgerChange.points(new Points(purchase.amountFen() / 100), "order " + purchase.orderId(),
                new IdempotencyKey("order-" + purchase.orderId()), EntrySource.MERCHANT, true);
        return ledger.change(new ChangeLedgerCommand(member, earned)).fold(
                failure -> ResponseEntity.unprocessableEntity().body(Map.of("refused", failure.detail())),
                result -> ResponseEntity.ok(Map.of("points", result.membership().totals().points().value())));
    }

    /** An id wxcard refuses (a blank code, say) is the caller's mistake, answered with what was wrong. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException invalid) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
    }
}
