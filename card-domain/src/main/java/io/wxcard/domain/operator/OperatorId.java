package io.wxcard.domain.operator;

import io.wxcard.domain.shared.Text;

/** Our identifier of an operator account. */
public record OperatorId(String value) {
    public OperatorId {
        Text.requireIdentifier(value, "operator id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
