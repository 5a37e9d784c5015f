package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * How the domain's value objects and Vavr {@link Option}s become column values and back ({@code null} for none). The
 * mappers pick these by type; one method per pair of types, so the choice is never ambiguous.
 */
final class ValueMappings {

    // ---- identifiers ----------------------------------------------------------------------------------------------

    String tenantId(TenantId id) {
        return id.value();
    }

    TenantId tenantId(String value) {
        return new TenantId(value);
    }

    String cardId(CardId id) {
        return id.value();
    }

    CardId cardId(String value) {
        return new CardId(value);
    }

    String code(Code code) {
        return code.value();
    }

    Code code(String value) {
        return new Code(value);
    }

    String openId(OpenId openId) {
        return openId.value();
    }

    OpenId openId(String value) {
        return new OpenId(value);
    }

    String appId(AppId appId) {
        return appId.value();
    }

    AppId appId(String value) {
        return new AppId(value);
    }

    String idempotencyKey(IdempotencyKey key) {
        return key.value();
    }

    IdempotencyKey idempotencyKey(String value) {
        return new IdempotencyKey(value);
    }

    String importJobId(ImportJobId id) {
        return id.value();
    }

    ImportJobId importJobId(String value) {
        return new ImportJobId(value);
    }

    String optionalPhone(Option<Phone> phone) {
        return phone.map(Phone::value).getOrNull();
    }

    Option<Phone> optionalPhone(String value) {
        return Option.of(value).map(Phone::new);
    }

    String wechatCardId(Option<WechatCardId> id) {
        return id.map(WechatCardId::value).getOrNull();
    }

    Option<WechatCardId> wechatCardId(String value) {
        return Option.of(value).map(WechatCardId::new);
    }

    String membershipNumber(Option<MembershipNumber> number) {
        return number.map(MembershipNumber::value).getOrNull();
    }

    Option<MembershipNumber> membershipNumber(String value) {
        return Option.of(value).map(MembershipNumber::new);
    }

    String optionalCode(Option<Code> code) {
        return code.map(Code::value).getOrNull();
    }

    Option<Code> optionalCode(String value) {
        return Option.of(value).map(Code::new);
    }

    // ---- amounts --------------------------------------------------------------------------------------------------

    long points(Points points) {
        return points.value();
    }

    Points points(long value) {
        return Points.of(value);
    }

    long fen(Fen fen) {
        return fen.value();
    }

    Fen fen(long value) {
        return Fen.of(value);
    }

    Long optionalPoints(Option<Points> points) {
        return points.map(Points::value).getOrNull();
    }

    Option<Points> optionalPoints(Long value) {
        return Option.of(value).map(Points::of);
    }

    Long optionalFen(Option<Fen> fen) {
        return fen.map(Fen::value).getOrNull();
    }

    Option<Fen> optionalFen(Long value) {
        return Option.of(value).map(Fen::of);
    }

    // ---- secrets: stored as given (encryption at rest is a follow-up) -----------------------------------------------

    String secret(Secret secret) {
        return secret.reveal();
    }

    Secret secret(String value) {
        return Secret.of(value);
    }

    String optionalSecret(Option<Secret> secret) {
        return secret.map(Secret::reveal).getOrNull();
    }

    Option<Secret> optionalSecret(String value) {
        return Option.of(value).map(Secret::of);
    }

    // ---- optional plain values ------------------------------------------------------------------------------------

    String optionalString(Option<String> value) {
        return value.getOrNull();
    }

    Option<String> optionalString(String value) {
        return Option.of(value);
    }

    Integer optionalInteger(Option<Integer> value) {
        return value.getOrNull();
    }

    Option<Integer> optionalInteger(Integer value) {
        return Option.of(value);
    }

    Long optionalLong(Option<Long> value) {
        return value.getOrNull();
    }

    Option<Long> optionalLong(Long value) {
        return Option.of(value);
    }

    Instant optionalInstant(Option<Instant> value) {
        return value.getOrNull();
    }

    Option<Instant> optionalInstant(Instant value) {
        return Option.of(value);
    }

    String membershipState(Option<MembershipState> state) {
        return state.map(Enum::name).getOrNull();
    }

    Option<MembershipState> membershipState(String value) {
        return Option.of(value).map(MembershipState::valueOf);
    }

    String activationMethod(Option<ActivationMethod> method) {
        return method.map(Enum::name).getOrNull();
    }

    Option<ActivationMethod> activationMethod(String value) {
        return Option.of(value).map(ActivationMethod::valueOf);
    }
}
