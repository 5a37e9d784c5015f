package io.wxcard.adapter.persistence.planted;

/** A planted violation: a row record made public. */
public record PublicCardRow(String id, long version) {}
