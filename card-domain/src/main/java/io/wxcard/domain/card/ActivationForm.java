package io.wxcard.domain.card;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one-click activation form WeChat shows a member ({@code /card/membercard/activateuserform/set}): which of
 * WeChat's common fields and which of the merchant's own fields are required or optional.
 */
public record ActivationForm(
        Option<NamedLink> serviceStatement,
        Option<NamedLink> bindOldCard,
        Section required,
        Section optional) {

    public static final Set<String> COMMON_FIELDS = Set.of(
            "USER_FORM_INFO_FLAG_MOBILE", "USER_FORM_INFO_FLAG_SEX", "USER_FORM_INFO_FLAG_NAME",
            "USER_FORM_INFO_FLAG_BIRTHDAY", "USER_FORM_INFO_FLAG_IDCARD", "USER_FORM_INFO_FLAG_EMAIL",
            "USER_FORM_INFO_FLAG_LOCATION", "USER_FORM_INFO_FLAG_EDUCATION_BACKGRO", "USER_FORM_INFO_FLAG_INDUSTRY",
            "USER_FORM_INFO_FLAG_INCOME", "USER_FORM_INFO_FLAG_HABIT");
    /**
     * WeChat's page spells the education field {@code USER_FORM_INFO_FLAG_EDUCATION_BACKGRO} (the documented name,
     * which we send); WxJava spells it {@code ..._BACKGROUND} and says the short one failed its test. Both are taken
     * and the long one is read as the documented one (FIDELITY.md section 3).
     */
    public static final String EDUCATION = "USER_FORM_INFO_FLAG_EDUCATION_BACKGRO";
    public static final String EDUCATION_AS_WXJAVA_SPELLS_IT = "USER_FORM_INFO_FLAG_EDUCATION_BACKGROUND";
    public static final Set<String> RICH_FIELD_TYPES = Set.of("FORM_FIELD_RADIO", "FORM_FIELD_SELECT", "FORM_FIELD_CHECK_BOX");

    public ActivationForm {
        serviceStatement = serviceStatement == null ? Option.none() : serviceStatement;
        bindOldCard = bindOldCard == null ? Option.none() : bindOldCard;
        required = required == null ? Section.empty() : required;
        optional = optional == null ? Section.empty() : optional;
    }

    /** A titled link shown on the form (the service statement, or "bind my old card"). */
    public record NamedLink(String name, String url) {}

    /** One part of the form: the required fields or the optional ones. */
    public record Section(boolean canModify, List<String> commonFieldIds, List<String> customFieldNames,
                          List<RichField> richFields) {
        public Section {
            commonFieldIds = List.copyOf(commonFieldIds.stream()
                    .map(id -> EDUCATION_AS_WXJAVA_SPELLS_IT.equals(id) ? EDUCATION : id).toList());
            customFieldNames = List.copyOf(customFieldNames);
            richFields = List.copyOf(richFields);
        }

        public static Section empty() {
            return new Section(false, List.of(), List.of(), List.of());
        }

        boolean isEmpty() {
            return commonFieldIds.isEmpty() && customFieldNames.isEmpty() && richFields.isEmpty();
        }
    }

    /** A field with choices: radio buttons, a drop-down or check boxes. */
    public record RichField(String type, String name, List<String> values) {
        public RichField {
            values = List.copyOf(values);
        }
    }

    /** Everything wrong with the form; empty when WeChat would accept it. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (required.isEmpty() && optional.isEmpty()) {
            problems.add(new Problem("required_form", "the form asks nothing: give at least one required or optional field"));
        }
        checkSection("required_form", required, problems);
        checkSection("optional_form", optional, problems);
        serviceStatement.forEach(link -> checkLink("service_statement", link, problems));
        bindOldCard.forEach(link -> checkLink("bind_old_card", link, problems));
        return problems;
    }

    private static void checkSection(String name, Section section, List<Problem> problems) {
        for (String id : section.commonFieldIds()) {
            if (!COMMON_FIELDS.contains(id)) {
                problems.add(new Problem(name + ".common_field_id_list", "unknown field " + id + "; allowed: "
                        + COMMON_FIELDS.stream().sorted().toList()));
            }
        }
        for (String custom : section.customFieldNames()) {
            if (custom == null || custom.isBlank() || Text.length(custom) > 10) {
                problems.add(new Problem(name + ".custom_field_list", "a custom field needs a name of 1 to 10 characters"));
            }
        }
        for (RichField rich : section.richFields()) {
            if (!RICH_FIELD_TYPES.contains(rich.type())) {
                problems.add(new Problem(name + ".rich_field_list.type", "must be one of "
                        + RICH_FIELD_TYPES.stream().sorted().toList() + ", got " + rich.type()));
            }
            if (rich.name() == null || rich.name().isBlank()) {
                problems.add(new Problem(name + ".rich_field_list.name", "is required"));
            }
            if (rich.values().isEmpty()) {
                problems.add(new Problem(name + ".rich_field_list.values", "a field with choices needs at least one value"));
            }
        }
    }

    private static void checkLink(String name, NamedLink link, List<Problem> problems) {
        if (link.name() == null || link.name().isBlank()) {
            problems.add(new Problem(name + ".name", "is required"));
        }
        if (link.url() == null || !(link.url().startsWith("https://") || link.url().startsWith("http://"))) {
            problems.add(new Problem(name + ".url", "must be an http(s) URL"));
        }
    }
}
