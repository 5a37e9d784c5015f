package io.wxcard.domain.card.definition;

/** WeChat's {@code custom_cell1}: an entry below the card with a name, a tip and a link. */
public record CustomCell(String name, String tips, String url) {}
