package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The one-click activation form ({@code activateuserform/set}) and the member's answers to it.
 */
final class ActivationForm {
    static final Set<String> COMMON_FIELDS = Set.of("USER_FORM_INFO_FLAG_MOBILE", "USER_FORM_INFO_FLAG_SEX",
            "USER_FORM_INFO_FLAG_NAME", "USER_FORM_INFO_FLAG_BIRTHDAY", "USER_FORM_INFO_FLAG_IDCARD",
            "USER_FORM_INFO_FLAG_EMAIL", "USER_FORM_INFO_FLAG_LOCATION", "USER_FORM_INFO_FLAG_EDUCATION_BACKGRO",
            // WeChat's page spells it ..._BACKGRO; WxJava sends ..._BACKGROUND and reports the short one failing:
            // the sandbox takes both (FIDELITY.md section 3)
            "USER_FORM_INFO_FLAG_EDUCATION_BACKGROUND",
            "USER_FORM_INFO_FLAG_INDUSTRY", "USER_FORM_INFO_FLAG_INCOME", "USER_FORM_INFO_FLAG_HABIT");
    private static final Set<String> RICH_TYPES = Set.of("FORM_FIELD_RADIO", "FORM_FIELD_SELECT",
            "FORM_FIELD_CHECK_BOX");
    /** Custom questions (custom_field_list plus rich_field_list, required and optional together). */
    static final int MAX_CUSTOM_FIELDS = 5;

    private ActivationForm() {
    }

    /** Checks a form: known common fields (40097), well-formed rich fields (40097), at most 5 custom ones (40124). */
    static void validate(ObjectNode request) {
        int custom = 0;
        for (String part : new String[] {"required_form", "optional_form"}) {
            ObjectNode form = Json.objectField(request, part);
            if (form == null) {
                continue;
            }
            for (String field : Json.texts(form, "common_field_id_list")) {
                if (!COMMON_FIELDS.contains(field)) {
                    throw WxException.invalidArgs(part + ".common_field_id_list: unknown field " + field);
                }
            }
            custom += Json.texts(form, "custom_field_list").size();
            JsonNode rich = form.get("rich_field_list");
            if (rich != null && !rich.isNull()) {
                if (!rich.isArray()) {
                    throw WxException.dataFormat(part + ".rich_field_list must be an array");
                }
                for (JsonNode field : rich) {
                    if (!RICH_TYPES.contains(Json.text(field, "type")) || Json.text(field, "name") == null) {
                        throw WxException.invalidArgs(part + ".rich_field_list needs a name and a type among "
                                + RICH_TYPES);
                    }
                    custom++;
                }
            }
        }
        if (custom > MAX_CUSTOM_FIELDS) {
            throw new WxException(40124, "too many custom fields: " + custom + " in the form, at most "
                    + MAX_CUSTOM_FIELDS);
        }
    }

    /**
     * The member's answers in userinfo/get's shape ({@code common_field_list[{name,value}]},
     * {@code custom_field_list[{name,value,value_list}]}); given bare, or under {@code user_info} or {@code info}.
     */
    static ObjectNode answers(ObjectNode body) {
        ObjectNode source = body;
        for (String wrapper : new String[] {"user_info", "info"}) {
            if (Json.objectField(body, wrapper) != null) {
                source = Json.objectField(body, wrapper);
            }
        }
        ObjectNode answers = Json.object();
        for (String list : new String[] {"common_field_list", "custom_field_list"}) {
            ArrayNode out = answers.putArray(list);
            JsonNode items = source.get(list);
            if (items == null || items.isNull()) {
                continue;
            }
            if (!items.isArray()) {
                throw WxException.dataFormat(list + " must be an array");
            }
            for (JsonNode item : items) {
                String name = Json.text(item, "name");
                if (name == null) {
                    throw WxException.missingField(list + "[].name");
                }
                ObjectNode answer = out.addObject().put("name", name).put("value", Json.text(item, "value"));
                if (list.equals("custom_field_list")) {
                    ArrayNode values = answer.putArray("value_list");
                    Json.texts(item, "value_list").forEach(values::add);
                }
            }
        }
        return answers;
    }

    /** Refuses answers that leave a required question of the form unanswered (41011). */
    static void requireAnswered(ObjectNode form, ObjectNode answers) {
        ObjectNode required = form == null ? null : Json.objectField(form, "required_form");
        if (required == null) {
            return;
        }
        Set<String> common = answered(answers.get("common_field_list"));
        for (String field : Json.texts(required, "common_field_id_list")) {
            if (!common.contains(field)) {
                throw WxException.missingField("form answer " + field);
            }
        }
        Set<String> custom = answered(answers.get("custom_field_list"));
        Set<String> requiredCustom = new HashSet<>(Json.texts(required, "custom_field_list"));
        JsonNode rich = required.get("rich_field_list");
        if (rich != null && rich.isArray()) {
            rich.forEach(field -> requiredCustom.add(Json.text(field, "name")));
        }
        for (String name : requiredCustom) {
            if (!custom.contains(name)) {
                throw WxException.missingField("form answer " + name);
            }
        }
    }

    private static Set<String> answered(JsonNode list) {
        Set<String> names = new HashSet<>();
        list.forEach(item -> {
            boolean hasValue = Json.text(item, "value") != null && !Json.text(item, "value").isEmpty();
            boolean hasValues = item.has("value_list") && !item.get("value_list").isEmpty();
            if (hasValue || hasValues) {
                names.add(item.get("name").asText());
            }
        });
        return names;
    }
}
