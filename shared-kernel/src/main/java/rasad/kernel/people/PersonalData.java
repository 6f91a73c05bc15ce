package rasad.kernel.people;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data kept out of what operators read — log lines, stack traces, the text of exceptions: national
 * ids down to their last three digits, mobile numbers to their last two, names to their initials. Auditors read
 * the data itself, through the endpoints that log each reading.
 */
public final class PersonalData {

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{10}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9+])(?:\\+98|0098|0)9[0-9]{9}(?![0-9])");

    private PersonalData() {}

    /**
     * The text with every national id and mobile number in it masked. A ten-digit number that fails the check
     * digit (an amount in rials, a timestamp) is left as it is.
     */
    public static String masked(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return replace(MOBILE, replace(TEN_DIGITS, text, PersonalData::maskedIfNationalId), PersonalData::maskedMobile);
    }

    static String maskedNationalId(String id) {
        return "*******" + id.substring(id.length() - 3);
    }

    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                if (!initials.isEmpty()) {
                    initials.append(' ');
                }
                initials.appendCodePoint(word.codePointAt(0)).append('…');
            }
        }
        return initials.toString();
    }

    private static String maskedIfNationalId(String digits) {
        return NationalId.isOne(digits) ? maskedNationalId(digits) : digits;
    }

    private static String maskedMobile(String number) {
        // the prefix (0, +98, 0098) and the 9 stay; of the nine digits after it, the last two
        return number.substring(0, number.length() - 10) + "9*******" + number.substring(number.length() - 2);
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> by) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
