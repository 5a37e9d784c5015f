package io.wxcard.adapter.persistence;

/** Text for people (errors, reasons) that must fit a column. */
final class Texts {

    private Texts() {}

    /** The text, or its start with an ellipsis when it is longer than {@code max}; never splits a surrogate pair. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
