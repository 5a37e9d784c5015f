package io.wxcard.domain.membership;

import io.vavr.control.Either;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.shared.Text;

/**
 * A member's phone number as the merchant knows it. At most 32 characters: an E.164 number has at most 15 digits and a
 * '+', so 32 leaves room for the spaces, dashes and extension people write, while WeChat's own phone fields are far
 * shorter; the old limit of 64 was only the column's width.
 *
 * <p>Two ways of writing one number are one number: {@link #normalised()} drops spaces, dashes, dots and brackets, and
 * turns a mainland mobile written with the country code ({@code +86 138 0013 8000}, {@code 0086...}, {@code 86...})
 * into its 11 digits, the form WeChat's activation form and Chinese CRMs use. A phone is personal data: its
 * {@link #toString()} is {@link #masked()}, so a log line or an error that names one by accident shows no number.
 */
public record Phone(String value) {
    public static final int MAX_LENGTH = 32;
    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 15;

    public Phone {
        Text.requireText(value, "phone", MAX_LENGTH);
    }

    /** A phone from what a person typed, refused (without repeating it) when it is not a phone number. */
    public static Either<Rejection, Phone> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Either.left(notAPhone("is empty or longer than " + MAX_LENGTH + " characters"));
        }
        String stripped = strip(raw);
        String digits = stripped.startsWith("+") ? stripped.substring(1) : stripped;
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Either.left(notAPhone("may hold only digits, a leading '+', spaces, dashes, dots and brackets"));
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Either.left(notAPhone("must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits"));
        }
        return Either.right(new Phone(raw.strip()));
    }

    /** The number in one canonical form, what look-ups compare: see the class comment. */
    public String normalised() {
        String stripped = strip(value);
        String digits = stripped.startsWith("+") ? "+" + stripped.substring(1).replace("+", "") : stripped;
        for (String countryCode : new String[] {"+86", "0086", "86"}) {
            String rest = digits.startsWith(countryCode) ? digits.substring(countryCode.length()) : "";
            if (isMainlandMobile(rest)) {
                return rest;
            }
        }
        return digits;
    }

    /** Whether the number is a mainland China mobile number (11 digits starting with 1), the only kind WeChat Pay imports by phone. */
    public boolean isMainlandMobile() {
        return isMainlandMobile(normalised());
    }

    /** The number with all but its first three and last four digits hidden ({@code 138****5678}). */
    public String masked() {
        String number = normalised();
        if (number.length() <= 7) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static boolean isMainlandMobile(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.chars().allMatch(Character::isDigit);
    }

    private static String strip(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        raw.strip().chars().filter(c -> " -.()\u00a0".indexOf(c) < 0).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static Rejection notAPhone(String why) {
        return Rejection.of(RejectionCode.PHONE_INVALID, "the phone number " + why);
    }
}
