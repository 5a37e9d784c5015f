package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Reason;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-campaign form as the operator filled it in, field by field, and its mapping to the domain's
 * {@link CampaignTerms}. Which fields a campaign takes follows its kind ({@link #fieldsOf}): every kind has a name and a
 * window; a pay-to-join rule adds its merchants and amount range. A kind with more to say adds its fields there (and
 * their words, {@code campaign.field.<name>}); the page draws whatever the list holds.
 *
 * @param values what was typed, by field name; a field not sent is empty
 */
record CampaignForm(CampaignKind kind, Map<String, String> values) {

    /** China time: the window is typed and shown as the merchant's clock reads it. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String OVERRIDE = "override_reason";

    /** One field of the form: its name (the form's and the words' key) and how it is typed. */
    record Field(String name, String inputMode, String placeholder) {}

    private static final Field NAME = new Field("name", "text", "");
    private static final Field BEGIN = new Field("begin", "text", "2027-01-01 10:00");
    private static final Field END = new Field("end", "text", "2027-01-31 22:00");
    private static final Field MCHIDS = new Field("mchids", "numeric", "1900000109, 1900000110");
    private static final Field LEAST_COST = new Field("least_cost_fen", "numeric", "1000");
    private static final Field MAX_COST = new Field("max_cost_fen", "numeric", "100000");

    CampaignForm {
        values = Map.copyOf(values);
    }

    /** The fields a campaign of this kind takes, in the order the form shows them. */
    static List<Field> fieldsOf(CampaignKind kind) {
        List<Field> fields = new ArrayList<>(List.of(NAME, BEGIN, END, MCHIDS));
        if (kind.byAmount()) {
            fields.add(LEAST_COST);
            fields.add(MAX_COST);
        }
        return List.copyOf(fields);
    }

    List<Field> fields() {
        return fieldsOf(kind);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** A blank form of this kind: the window from this minute to a week on. */
    static CampaignForm blank(CampaignKind kind, Instant now) {
        Instant begin = now.truncatedTo(ChronoUnit.MINUTES);
        return new CampaignForm(kind, Map.of(BEGIN.name(), shown(begin), END.name(),
                shown(begin.plus(7, ChronoUnit.DAYS))));
    }

    /** The form as posted: the kind it names (a pay-to-join rule when it names none it knows) and its fields. */
    static CampaignForm of(Context ctx) {
        CampaignKind kind = kindOf(ctx.formParam("kind"));
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fieldsOf(kind)) {
            values.put(field.name(), trimmed(ctx.formParam(field.name())));
        }
        values.put(OVERRIDE, trimmed(ctx.formParam(OVERRIDE)));
        return new CampaignForm(kind, values);
    }

    static CampaignKind kindOf(String raw) {
        return Arrays.stream(CampaignKind.values()).filter(k -> k.name().equals(raw)).findFirst()
                .orElse(CampaignKind.PAY_TO_JOIN);
    }

    static String shown(Instant instant) {
        return MINUTE.format(instant.atZone(CHINA));
    }

    /** The override's reason, when the operator gave one. */
    Either<String, Option<Reason>> override(Messages t) {
        String raw = value(OVERRIDE);
        if (raw.isEmpty()) {
            return Either.right(Option.none());
        }
        return raw.length() > Reason.MAX_LENGTH ? Either.left(t.format("problem.too_long", Reason.MAX_LENGTH,
                raw.length())) : Either.right(Option.of(new Reason(raw)));
    }

    /**
     * Each field read as its type, its problem in the operator's words beside it; then the terms as the domain
     * builds them. The domain's own rules across fields (the window's order, the amounts' order, a rule's merchants)
     * are its constructor's: their refusal is on the right's left, as the domain's sentence.
     *
     * @return the fields' problems, or the terms (or the domain's refusal of them)
     */
    Either<Map<String, String>, Either<String, CampaignTerms>> terms(Messages t) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = value(NAME.name());
        if (name.isEmpty()) {
            problems.put(NAME.name(), t.get("problem.required"));
        } else if (name.length() > CampaignTerms.MAX_NAME) {
            problems.put(NAME.name(), t.format("problem.too_long", CampaignTerms.MAX_NAME, name.length()));
        }
        Option<Instant> begin = instant(BEGIN, t, problems);
        Option<Instant> end = instant(END, t, problems);
        List<String> mchids = Arrays.stream(value(MCHIDS.name()).split("[,，\\s]+")).filter(s -> !s.isEmpty())
                .toList();
        Option<Fen> least = kind.byAmount() ? fen(LEAST_COST, t, problems) : Option.none();
        Option<Fen> max = kind.byAmount() ? fen(MAX_COST, t, problems) : Option.none();
        if (!problems.isEmpty()) {
            return Either.left(problems);
        }
        try {
            return Either.right(Either.right(new CampaignTerms(kind, name, mchids, begin.get(), end.get(), least,
                    max)));
        } catch (IllegalArgumentException refused) {
            return Either.right(Either.left(refused.getMessage()));
        }
    }

    private Option<Instant> instant(Field field, Messages t, Map<String, String> problems) {
        String raw = value(field.name());
        if (raw.isEmpty()) {
            problems.put(field.name(), t.get("problem.required"));
            return Option.none();
        }
        try {
            return Option.of(LocalDateTime.parse(raw.replace('T', ' '), MINUTE).atZone(CHINA).toInstant());
        } catch (DateTimeParseException notATime) {
            problems.put(field.name(), t.get("campaign.not_a_time"));
            return Option.none();
        }
    }

    private Option<Fen> fen(Field field, Messages t, Map<String, String> problems) {
        String raw = value(field.name());
        if (raw.isEmpty()) {
            problems.put(field.name(), t.get("problem.required"));
            return Option.none();
        }
        try {
            return Option.of(Fen.of(Long.parseLong(raw)));
        } catch (NumberFormatException notANumber) {
            problems.put(field.name(), t.get("problem.whole_number"));
            return Option.none();
        }
    }

    private static String trimmed(String raw) {
        return raw == null ? "" : raw.strip();
    }
}
