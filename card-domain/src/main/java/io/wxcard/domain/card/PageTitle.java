package io.wxcard.domain.card;

import io.wxcard.domain.shared.Text;

/** The title of a card's landing page ({@code card/landingpage/create}'s {@code page_title}): 1 to 32 characters. */
public final class PageTitle {
    public static final int MAX_LENGTH = 32;

    private PageTitle() {}

    /** The title, checked. */
    public static String require(String value) {
        return Text.requireText(value, "page_title", MAX_LENGTH);
    }
}
