package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.membership.CustomFieldValue;

/** The values of a card's custom fields 1..3 for one member; a field left out is left as WeChat has it. */
public record CustomFieldValues(Option<CustomFieldValue> field1, Option<CustomFieldValue> field2,
                                Option<CustomFieldValue> field3) {

    public CustomFieldValues {
        field1 = field1 == null ? Option.none() : field1;
        field2 = field2 == null ? Option.none() : field2;
        field3 = field3 == null ? Option.none() : field3;
    }

    public static CustomFieldValues none() {
        return new CustomFieldValues(Option.none(), Option.none(), Option.none());
    }

    public boolean isEmpty() {
        return field1.isEmpty() && field2.isEmpty() && field3.isEmpty();
    }
}
