package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.CodeStatus;
import io.wxcard.application.port.out.wechat.ConsumedCode;
import io.wxcard.application.port.out.wechat.MemberFieldsUpdate;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.HeldCard;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.LandingPage;
import io.wxcard.application.port.out.wechat.LandingPageRequest;
import io.wxcard.application.port.out.wechat.MemberInfo;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.application.port.out.wechat.QrCodeRequest;
import io.wxcard.application.port.out.wechat.SignedCardExt;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatCardDistribution;
import io.wxcard.application.port.out.wechat.WechatCardStatus;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.application.port.out.wechat.WechatPayCallbacks;
import io.wxcard.application.port.out.wechat.WechatPayMemberCards;
import io.wxcard.application.port.out.wechat.WechatPayNotificationReader;
import io.wxcard.application.port.out.wechat.WechatPayPhoneImport;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.card.ActivationForm;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WeChat's card platform in memory, for the services' tests: it keeps cards and members' codes the way WeChat does
 * (absolute totals on {@code updateuser}, irreversible unavailability, ...), counts the calls it receives, and can
 * be told to fail the next calls with a given error.
 */
public final class InMemoryWechat implements WechatCardCatalog, WechatCardDistribution, WechatMemberCards,
        WechatMemberImport, WechatPayCardUpgrade, WechatPayPhoneImport, WechatPayCallbacks, WechatPayNotificationReader,
        WechatPayMemberCards {

    public static final String CARD_TICKET = "in-memory-card-ticket";

    private final Map<WechatCardId, CardOnWechat> cards = new LinkedHashMap<>();
    private final Map<String, MemberOnWechat> members = new LinkedHashMap<>();
    private final Map<String, Code> importsByRequestNo = new LinkedHashMap<>();
    private final Map<OpenId, WechatError> importRefusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger importsApplied = new AtomicInteger();
    private final Map<WechatCardId, BrandId> upgraded = new LinkedHashMap<>();
    /** Whether import refuses a card not upgraded, as WeChat Pay does (off for the services' tests, on for contracts). */
    private volatile boolean requireCardUpgrade;
    private final Deque<WechatError> failures = new ConcurrentLinkedDeque<>();
    private final Deque<WechatError> lostAnswers = new ConcurrentLinkedDeque<>();
    private final Map<String, AtomicInteger> calls = new LinkedHashMap<>();
    private final Map<String, Runnable> beforeNext = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<MemberUpdate> memberUpdates = new java.util.ArrayList<>();

    /** A card as WeChat holds it. */
    public static final class CardOnWechat {
        /** Like WeChat, each official account sees only its own cards in card/batchget. */
        public final AppId owner;
        public MemberCardDefinition definition;
        public String status = "CARD_STATUS_NOT_VERIFY";
        public long quantity;
        public ActivationForm form;

        CardOnWechat(AppId owner, MemberCardDefinition definition) {
            this.owner = owner;
            this.definition = definition;
            this.quantity = definition.baseInfo().skuQuantity();
        }
    }

    /** A member's code as WeChat holds it. */
    public static final class MemberOnWechat {
        public final WechatCardId cardId;
        public final Code code;
        public final OpenId openId;
        public long bonus;
        public long balance;
        public boolean active;
        public String status = "NORMAL";
        public String membershipNumber;
        public Map<String, String> formAnswers = Map.of();
        public final String[] customFieldValues = new String[3];

        MemberOnWechat(WechatCardId cardId, Code code, OpenId openId) {
            this.cardId = cardId;
            this.code = code;
            this.openId = openId;
        }
    }

    // ---- test controls -------------------------------------------------------------------------------------------

    /** The next call (of any kind) answers this error instead. */
    public InMemoryWechat failNext(WechatError error) {
        failures.add(error);
        return this;
    }

    /** Every import of this openid answers this error. */
    public InMemoryWechat refuseImportOf(OpenId openId, WechatError error) {
        importRefusals.put(openId, error);
        return this;
    }

    /** How many imports created a member (a repeated out_request_no creates none). */
    public int importsApplied() {
        return importsApplied.get();
    }

    /**
     * Runs {@code meanwhile} when the next call of this operation (e.g. {@code card/membercard/updateuser}) arrives,
     * before WeChat carries it out: what happens elsewhere while a request is on its way.
     */
    public InMemoryWechat beforeNext(String operation, Runnable meanwhile) {
        beforeNext.put(operation, meanwhile);
        return this;
    }

    /** The next call is carried out, but its answer is lost on the way back: the caller sees this error. */
    public InMemoryWechat loseNextAnswer(WechatError error) {
        lostAnswers.add(error);
        return this;
    }

    /** The updateuser calls WeChat carried out, oldest first. */
    public synchronized List<MemberUpdate> memberUpdates() {
        return List.copyOf(memberUpdates);
    }

    /** A member receives a card, as if through a QR code: the code WeChat would assign. */
    public synchronized Code handOut(WechatCardId cardId, OpenId openId) {
        Code code = new Code(Long.toString(ids.incrementAndGet()));
        members.put(key(cardId, code), new MemberOnWechat(cardId, code, openId));
        return code;
    }

    /** Approves (or refuses) a card as WeChat's reviewers would. */
    public synchronized void review(WechatCardId cardId, boolean pass) {
        cards.get(cardId).status = pass ? "CARD_STATUS_VERIFY_OK" : "CARD_STATUS_VERIFY_FAIL";
    }

    /** The member submits the one-click form. */
    public synchronized void submitForm(WechatCardId cardId, Code code, Map<String, String> answers) {
        MemberOnWechat member = members.get(key(cardId, code));
        member.formAnswers = Map.copyOf(answers);
        member.active = true;
    }

    public synchronized int cardCount() {
        return cards.size();
    }

    public synchronized Option<CardOnWechat> card(WechatCardId cardId) {
        return Option.of(cards.get(cardId));
    }

    public synchronized Option<MemberOnWechat> member(WechatCardId cardId, Code code) {
        return Option.of(members.get(key(cardId, code)));
    }

    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    // ---- WechatCardCatalog ---------------------------------------------------------------------------------------

    @Override
    public synchronized Either<WechatError, WechatCardId> create(WechatAccount account, MemberCardDefinition definition) {
        return call("card/create", () -> {
            WechatCardId id = new WechatCardId("p" + ids.incrementAndGet());
            cards.put(id, new CardOnWechat(account.appId(), definition));
            return Either.right(id);
        });
    }

    @Override
    public synchronized Either<WechatError, Boolean> update(WechatAccount account, WechatCardId cardId,
                                                            MemberCardDefinition definition) {
        return call("card/update", () -> withCard(cardId, card -> {
            boolean reviewed = card.status.equals("CARD_STATUS_VERIFY_OK");
            boolean sendCheck = reviewed && !card.definition.baseInfo().title().equals(definition.baseInfo().title());
            card.definition = definition;
            if (sendCheck || !reviewed) {
                card.status = "CARD_STATUS_NOT_VERIFY";
            }
            return Either.right(sendCheck);
        }));
    }

    @Override
    public synchronized Either<WechatError, WechatCardStatus> get(WechatAccount account, WechatCardId cardId) {
        return call("card/get", () -> withCard(cardId, card -> Either.right(
                new WechatCardStatus(cardId, card.status, card.quantity, card.definition.baseInfo().skuQuantity(),
                        Option.of(card.definition)))));
    }

    @Override
    public synchronized Either<WechatError, List<WechatCardId>> list(WechatAccount account, int offset, int count) {
        return call("card/batchget", () -> Either.right(
                cards.entrySet().stream().filter(card -> card.getValue().owner.equals(account.appId()))
                        .map(Map.Entry::getKey).skip(offset).limit(count).toList()));
    }

    @Override
    public synchronized Either<WechatError, Done> delete(WechatAccount account, WechatCardId cardId) {
        return call("card/delete", () -> withCard(cardId, card -> {
            card.status = "CARD_STATUS_DELETE";
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, Done> changeStock(WechatAccount account, WechatCardId cardId, long delta) {
        return call("card/modifystock", () -> withCard(cardId, card -> {
            if (card.quantity + delta < 0) {
                return Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "40122", "invalid stock"));
            }
            card.quantity += delta;
            return Either.right(Done.DONE);
        }));
    }

    // ---- WechatCardDistribution ----------------------------------------------------------------------------------

    @Override
    public synchronized Either<WechatError, QrCode> createQrCode(WechatAccount account, QrCodeRequest request) {
        return call("card/qrcode/create", () -> withCard(request.cardId(), card -> {
            String ticket = "qr" + ids.incrementAndGet();
            return Either.right(new QrCode(ticket, "http://weixin.qq.com/q/" + ticket,
                    "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=" + ticket, request.expireSeconds()));
        }));
    }

    @Override
    public synchronized Either<WechatError, LandingPage> createLandingPage(WechatAccount account, LandingPageRequest request) {
        return call("card/landingpage/create", () -> {
            long pageId = ids.incrementAndGet();
            return Either.right(new LandingPage("https://mp.weixin.qq.com/bizmall/cardlandingpage?page_id=" + pageId, pageId));
        });
    }

    @Override
    public synchronized Either<WechatError, SignedCardExt> signCardExt(WechatAccount account, CardExtRequest request) {
        return call("cardext/sign", () -> {
            String timestamp = "1700000000";
            String nonce = "nonce" + ids.incrementAndGet();
            List<String> values = new ArrayList<>(List.of(CARD_TICKET, timestamp, request.cardId().value(), nonce));
            request.code().forEach(code -> values.add(code.value()));
            request.openId().forEach(openId -> values.add(openId.value()));
            values.sort(null);
            return Either.right(new SignedCardExt(request.cardId(), request.code().map(Code::value),
                    request.openId().map(OpenId::value), timestamp, nonce, request.fixedBeginTimestamp(),
                    request.outerStr(), sha1(String.join("", values))));
        });
    }

    @Override
    public synchronized Either<WechatError, String> massMessageHtml(WechatAccount account, WechatCardId cardId) {
        return call("card/mpnews/gethtml", () -> withCard(cardId, card -> Either.right("<iframe class=\"res_iframe card_iframe js_editor_card\" data-cardid=\"" + cardId + "\"></iframe>")));
    }

    @Override
    public synchronized Either<WechatError, Done> setTestWhitelist(WechatAccount account, TestWhitelist whitelist) {
        return call("card/testwhitelist/set", () -> Either.right(Done.DONE));
    }

    // ---- WechatMemberCards ---------------------------------------------------------------------------------------

    @Override
    public synchronized Either<WechatError, Done> activate(WechatAccount account, WechatActivation activation) {
        return call("card/membercard/activate", () -> withMember(activation.cardId(), activation.code(), member -> {
            if (member.active) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40078", "invalid card status: already activated"));
            }
            member.active = true;
            member.membershipNumber = activation.membershipNumber().value();
            activation.initBonus().forEach(points -> member.bonus = points.value());
            activation.initBalance().forEach(fen -> member.balance = fen.value());
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, Done> setActivationForm(WechatAccount account, WechatCardId cardId,
                                                                    ActivationForm form) {
        return call("card/membercard/activateuserform/set", () -> withCard(cardId, card -> {
            card.form = form;
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, String> activationUrl(WechatAccount account, WechatCardId cardId,
                                                                  Option<String> outerStr) {
        return call("card/membercard/activate/geturl", () -> withCard(cardId, card ->
                Either.right("https://mp.weixin.qq.com/bizmall/activatemembercard?card_id=" + cardId)));
    }

    private final Map<String, Map<String, String>> formTickets = new java.util.HashMap<>();

    /** A member submitted the one-click form of a jump-type card: WeChat keeps the answers behind the ticket. */
    public synchronized void formSubmitted(String activateTicket, Map<String, String> answers) {
        formTickets.put(activateTicket, Map.copyOf(answers));
    }

    /** The ticket expires on WeChat's side: {@code activatetempinfo/get} refuses it from now on. */
    public synchronized void ticketExpired(String activateTicket) {
        formTickets.remove(activateTicket);
    }

    @Override
    public synchronized Either<WechatError, Map<String, String>> activationFormAnswers(WechatAccount account,
                                                                                      String activateTicket) {
        return call("card/membercard/activatetempinfo/get", () -> {
            Map<String, String> answers = formTickets.get(activateTicket);
            return answers == null
                    ? Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "40097", "invalid activate_ticket"))
                    : Either.right(answers);
        });
    }

    @Override
    public synchronized Either<WechatError, MemberInfo> memberInfo(WechatAccount account, WechatCardId cardId, Code code) {
        return call("card/membercard/userinfo/get", () -> withMember(cardId, code, member -> Either.right(new MemberInfo(
                member.openId, Option.none(), Option.of(member.membershipNumber).map(MembershipNumber::new),
                Points.of(member.bonus), Fen.of(member.balance), Option.none(), member.formAnswers, Map.of(),
                member.status, member.active))));
    }

    @Override
    public synchronized Either<WechatError, MemberTotals> updateMember(WechatAccount account, MemberUpdate update) {
        return call("card/membercard/updateuser", () -> withMember(update.cardId(), update.code(), member -> {
            if (!member.status.equals("NORMAL")) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40127", "card deleted by the member or unavailable"));
            }
            CardOnWechat card = cards.get(update.cardId());
            if (update.balance().isDefined() && card != null && !card.definition.supplyBalance()) {
                return Either.left(new WechatError(WechatError.Kind.FORBIDDEN, "43010", "no stored-value permission"));
            }
            update.bonus().forEach(bonus -> member.bonus = bonus.value());
            update.balance().forEach(balance -> member.balance = balance.value());
            memberUpdates.add(update);
            return Either.right(new MemberTotals(Points.of(member.bonus), Fen.of(member.balance), member.openId));
        }));
    }

    @Override
    public synchronized Either<WechatError, Done> updateMemberFields(WechatAccount account, MemberFieldsUpdate update) {
        return call("card/membercard/updateuser", () -> withMember(update.cardId(), update.code(), member -> {
            if (!member.status.equals("NORMAL")) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40127", "card deleted by the member or unavailable"));
            }
            update.values().field1().forEach(v -> member.customFieldValues[0] = v.value());
            update.values().field2().forEach(v -> member.customFieldValues[1] = v.value());
            update.values().field3().forEach(v -> member.customFieldValues[2] = v.value());
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, ConsumedCode> consumeCode(WechatAccount account, WechatCardId cardId, Code code) {
        return call("card/code/consume", () -> withMember(cardId, code, member -> {
            if (!member.status.equals("NORMAL")) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40099", "invalid code, this code has consumed"));
            }
            member.status = "CONSUMED";
            return Either.right(new ConsumedCode(cardId, member.openId));
        }));
    }

    @Override
    public synchronized Either<WechatError, Done> changeCode(WechatAccount account, WechatCardId cardId, Code code,
                                                             Code newCode) {
        return call("card/code/update", () -> withMember(cardId, code, member -> {
            if (members.containsKey(key(cardId, newCode))) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40097", "invalid args: new_code exists"));
            }
            MemberOnWechat moved = new MemberOnWechat(cardId, newCode, member.openId);
            moved.bonus = member.bonus;
            moved.balance = member.balance;
            moved.active = member.active;
            moved.status = member.status;
            moved.membershipNumber = member.membershipNumber;
            moved.formAnswers = member.formAnswers;
            System.arraycopy(member.customFieldValues, 0, moved.customFieldValues, 0, 3);
            members.remove(key(cardId, code));
            members.put(key(cardId, newCode), moved);
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, CodeStatus> codeStatus(WechatAccount account, WechatCardId cardId, Code code) {
        return call("card/code/get", () -> withMember(cardId, code, member -> Either.right(
                new CodeStatus(cardId, member.openId, member.status.equals("NORMAL"), member.status, Option.none()))));
    }

    @Override
    public synchronized Either<WechatError, Code> decryptCode(WechatAccount account, String encryptCode) {
        return call("card/code/decrypt", () -> encryptCode.startsWith("enc:")
                ? Either.right(new Code(encryptCode.substring(4)))
                : Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "40056", "invalid code")));
    }

    @Override
    public synchronized Either<WechatError, Done> makeUnavailable(WechatAccount account, WechatCardId cardId, Code code,
                                                                  String reason) {
        return call("card/code/unavailable", () -> withMember(cardId, code, member -> {
            if (member.status.equals("UNAVAILABLE")) {
                return Either.left(new WechatError(WechatError.Kind.CONFLICT, "40099", "code already unavailable"));
            }
            member.status = "UNAVAILABLE";
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, List<HeldCard>> cardsOf(WechatAccount account, OpenId openId,
                                                                   Option<WechatCardId> cardId) {
        return call("card/user/getcardlist", () -> Either.right(members.values().stream()
                .filter(m -> m.openId.equals(openId) && cardId.forAll(id -> id.equals(m.cardId)))
                .map(m -> new HeldCard(m.cardId, m.code)).toList()));
    }

    // ---- WechatMemberImport --------------------------------------------------------------------------------------

    @Override
    public synchronized Either<WechatError, Code> importMember(MerchantCredentials merchant, ImportRequest request) {
        return call("v3/users/import", () -> {
            Code known = importsByRequestNo.get(request.outRequestNo());
            if (known != null) {
                return Either.right(known);
            }
            WechatError refusal = importRefusals.get(request.openId());
            if (refusal != null) {
                return Either.left(refusal);
            }
            // WeChat Pay refuses it ("会员已经领取过该卡"); the real adapter answers that as done, with the code held.
            Option<Code> held = Option.ofOptional(members.values().stream()
                    .filter(m -> m.cardId.equals(request.cardId()) && m.openId.equals(request.openId()))
                    .map(m -> m.code)
                    .findFirst());
            if (held.isDefined()) {
                return Either.right(held.get());
            }
            if (!cards.containsKey(request.cardId())) {
                return Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "RESOURCE_NOT_EXISTS", "card not found"));
            }
            if (requireCardUpgrade && !upgraded.containsKey(request.cardId())) {
                return Either.left(new WechatError(WechatError.Kind.FORBIDDEN, "INVALID_REQUEST", NOT_UPGRADED));
            }
            Code code = request.code().getOrElse(() -> new Code(Long.toString(ids.incrementAndGet())));
            MemberOnWechat member = new MemberOnWechat(request.cardId(), code, request.openId());
            member.active = true;
            members.put(key(request.cardId(), code), member);
            importsByRequestNo.put(request.outRequestNo(), code);
            importsApplied.incrementAndGet();
            return Either.right(code);
        });
    }

    // ---- WechatPayCardUpgrade ------------------------------------------------------------------------------------

    /** WeChat Pay's refusal of a member call on a card not upgraded (membercard-open error table). */
    public static final String NOT_UPGRADED = "请先升级会员卡才能使用此功能";

    @Override
    public synchronized Either<WechatError, Done> upgrade(MerchantCredentials merchant, WechatCardId cardId,
                                                          BrandId brandId, AppId appId) {
        return call("v3/cards/upgrade", () -> {
            if (!cards.containsKey(cardId)) {
                return Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "INVALID_REQUEST", "会员卡ID无效"));
            }
            upgraded.putIfAbsent(cardId, brandId); // again: "会员卡已经迁移", which counts as done
            return Either.right(Done.DONE);
        });
    }

    private final Map<String, Code> phoneImports = new LinkedHashMap<>();
    private final Map<String, MemberCardNotification> notificationsSent = new LinkedHashMap<>();
    private volatile java.net.URI callbackUrl;

    @Override
    public synchronized Either<WechatError, Code> importByPhone(MerchantCredentials merchant,
                                                                PhoneImportRequest request) {
        return call("v3/phone-membercard/import", () -> {
            if (!cards.containsKey(request.cardId())) {
                return Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "INVALID_REQUEST", "会员卡ID无效"));
            }
            if (requireCardUpgrade && !upgraded.containsKey(request.cardId())) {
                return Either.left(new WechatError(WechatError.Kind.FORBIDDEN, "INVALID_REQUEST", NOT_UPGRADED));
            }
            return Either.right(phoneImports.computeIfAbsent(request.cardId().value() + "|"
                    + request.phone().normalised(), k -> request.code()
                    .getOrElse(() -> new Code(Long.toString(ids.incrementAndGet())))));
        });
    }

    @Override
    public Either<WechatError, Done> registerCallback(MerchantCredentials merchant, java.net.URI url) {
        return call("v3/callback", () -> {
            callbackUrl = url;
            return Either.right(Done.DONE);
        });
    }

    public java.net.URI callbackUrl() {
        return callbackUrl;
    }

    /**
     * WeChat Pay tells of a member taking (and activating) the card: answers the body of the notification, which
     * {@link #read} trusts; a body the double did not send is refused as WeChat Pay's signature check would.
     */
    public synchronized byte[] memberCardNotification(String eventType, WechatCardId cardId, Code code, OpenId openId) {
        String id = "EV-" + ids.incrementAndGet();
        notificationsSent.put(id, new MemberCardNotification(id, eventType, cardId, Option.of(code), openId,
                Option.none(), Option.none(), Option.of("PAY"), java.time.Instant.now()));
        if (!members.containsKey(key(cardId, code))) {
            MemberOnWechat member = new MemberOnWechat(cardId, code, openId);
            member.active = true;
            members.put(key(cardId, code), member);
        }
        return ("{\"id\":\"" + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public synchronized Either<WechatError, MemberCardNotification> read(
            MerchantCredentials merchant, Map<String, ? extends java.util.Collection<String>> headers, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String id = text.replaceAll("^\\{\"id\":\"([^\"]+)\"}$", "$1");
        MemberCardNotification sent = notificationsSent.get(id);
        return sent == null ? Either.left(new WechatError(WechatError.Kind.UNTRUSTED_ANSWER, "untrusted_notification",
                "the notification is not signed by the platform key")) : Either.right(sent);
    }

    /** Makes import refuse cards not upgraded, as WeChat Pay does. */
    public void requireCardUpgrade(boolean required) {
        requireCardUpgrade = required;
    }

    public synchronized boolean isUpgraded(WechatCardId cardId) {
        return upgraded.containsKey(cardId);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    // ---- WeChat Pay's calls on one member's card: the same members as the Official Account calls --------------

    private final Map<String, String> payRequests = new LinkedHashMap<>(); // out_request_no -> what it did

    private <T> Either<WechatError, T> onUpgradedCard(String operation, WechatCardId cardId,
                                                      java.util.function.Supplier<Either<WechatError, T>> work) {
        return call(operation, () -> {
            if (!cards.containsKey(cardId)) {
                return Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "INVALID_REQUEST", "会员卡ID无效"));
            }
            if (requireCardUpgrade && !upgraded.containsKey(cardId)) {
                return Either.left(new WechatError(WechatError.Kind.FORBIDDEN, "INVALID_REQUEST", NOT_UPGRADED));
            }
            return work.get();
        });
    }

    @Override
    public synchronized Either<WechatError, PayMemberCard> memberCard(MerchantCredentials merchant,
                                                                       WechatCardId cardId, Code code) {
        return onUpgradedCard("v3/codes/get", cardId, () -> withMember(cardId, code, member -> Either.right(
                new PayMemberCard(cardId, code, Option.of(member.openId), Option.of(member.membershipNumber),
                        Option.none(), Points.of(member.bonus), Fen.of(member.balance),
                        !member.status.equals("NORMAL") ? "UNAVAILABLE" : member.active ? "EFFECTIVE" : "NOT_ACTIVATE",
                        member.formAnswers))));
    }

    @Override
    public synchronized Either<WechatError, Done> changeBalance(MerchantCredentials merchant, TotalChange change) {
        return onUpgradedCard("v3/codes/patch", change.cardId(), () -> payChange(change, true));
    }

    @Override
    public synchronized Either<WechatError, Done> changeBonus(MerchantCredentials merchant, TotalChange change) {
        return onUpgradedCard("v3/codes/rights", change.cardId(), () -> payChange(change, false));
    }

    private Either<WechatError, Done> payChange(TotalChange change, boolean balance) {
        String fingerprint = change.toString() + balance;
        String previous = payRequests.get(change.outRequestNo());
        if (previous != null) {
            return previous.equals(fingerprint) ? Either.right(Done.DONE) : Either.left(new WechatError(
                    WechatError.Kind.CLIENT_ERROR, "INVALID_REQUEST", "out_request_no used with other parameters"));
        }
        return withMember(change.cardId(), change.code(), member -> {
            long held = balance ? member.balance : member.bonus;
            // like this double's updateuser, it does not model activation on WeChat's side (the sandbox does)
            if (!member.status.equals("NORMAL") || held != change.before()) {
                return Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "INVALID_REQUEST",
                        "the card is not usable, or the total before is not " + held));
            }
            if (balance) {
                member.balance = change.after();
            } else {
                member.bonus = change.after();
            }
            payRequests.put(change.outRequestNo(), fingerprint);
            return Either.right(Done.DONE);
        });
    }

    @Override
    public synchronized Either<WechatError, Done> activate(MerchantCredentials merchant, WechatCardId cardId,
                                                           Code code, Option<String> membershipNumber) {
        return onUpgradedCard("v3/codes/activate", cardId, () -> withMember(cardId, code, member -> {
            member.active = true;
            member.membershipNumber = membershipNumber.getOrElse(code.value());
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public synchronized Either<WechatError, Code> decryptCode(MerchantCredentials merchant, WechatCardId cardId,
                                                              String encryptCode) {
        return onUpgradedCard("v3/decrypt-code", cardId, () -> encryptCode.startsWith("enc:")
                && members.containsKey(key(cardId, new Code(encryptCode.substring(4))))
                ? Either.right(new Code(encryptCode.substring(4)))
                : Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "INVALID_REQUEST", "encrypt_code无效")));
    }

    @Override
    public synchronized Either<WechatError, Map<String, String>> activationInformation(MerchantCredentials merchant,
                                                                                      String activateTicket) {
        return call("v3/activate-informations", () -> {
            Map<String, String> answers = formTickets.get(activateTicket);
            return answers == null
                    ? Either.left(new WechatError(WechatError.Kind.CLIENT_ERROR, "INVALID_REQUEST", "activate_ticket无效"))
                    : Either.right(answers);
        });
    }

    private <T> Either<WechatError, T> call(String operation, java.util.function.Supplier<Either<WechatError, T>> work) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        Runnable meanwhile = beforeNext.remove(operation);
        if (meanwhile != null) {
            meanwhile.run();
        }
        WechatError failure = failures.poll();
        if (failure != null) {
            return Either.left(failure);
        }
        Either<WechatError, T> answer = work.get();
        WechatError lost = lostAnswers.poll();
        return lost != null ? Either.left(lost) : answer;
    }

    private <T> Either<WechatError, T> withCard(WechatCardId cardId,
                                                java.util.function.Function<CardOnWechat, Either<WechatError, T>> work) {
        CardOnWechat card = cards.get(cardId);
        return card == null
                ? Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "40073", "invalid card id"))
                : work.apply(card);
    }

    private <T> Either<WechatError, T> withMember(WechatCardId cardId, Code code,
                                                  java.util.function.Function<MemberOnWechat, Either<WechatError, T>> work) {
        MemberOnWechat member = members.get(key(cardId, code));
        return member == null
                ? Either.left(new WechatError(WechatError.Kind.NOT_FOUND, "40056", "invalid code"))
                : work.apply(member);
    }

    private static String key(WechatCardId cardId, Code code) {
        return cardId.value() + "/" + code.value();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
