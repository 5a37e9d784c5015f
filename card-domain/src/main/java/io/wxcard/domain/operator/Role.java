package io.wxcard.domain.operator;

/**
 * What an operator may do. Each role includes those before it: a viewer reads; an operator also serves members
 * (points, balance, invalidation, imports); an admin also designs cards and manages operators and webhooks.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
