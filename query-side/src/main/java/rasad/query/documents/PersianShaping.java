package rasad.query.documents;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic-script shaping that knows the Persian letters. ICU's ArabicShaping, which the PDF renderer uses, maps
 * only the letters of Presentation Forms-B, so پ چ ژ ک گ ی stayed in their isolated forms ("بان ک"). This shaper
 * takes each letter's joining type and its presentation forms from Unicode's own data (through ICU), so every
 * letter of the script joins as it should; a ZWNJ breaks the join, as Persian writing expects. Reordering is ICU's.
 */
final class PersianShaping implements BidiReorderer {

    private enum Form {
        ISOLATED,
        FINAL,
        INITIAL,
        MEDIAL
    }

    private static final Map<String, Map<Form, Character>> FORMS = presentationForms();
    private static final String LAM = "\u0644";

    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    @Override
    public String reorderRTLTextToLTR(String text) {
        return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public String deshapeText(String text) {
        return icu.deshapeText(text);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    /** Text in logical order, each letter replaced by the form its neighbours call for; lam-alef as one ligature. */
    @Override
    public String shapeText(String text) {
        StringBuilder shaped = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean lamAlef =
                    LAM.charAt(0) == c && i + 1 < text.length() && FORMS.containsKey(text.substring(i, i + 2));
            String unit = lamAlef ? text.substring(i, i + 2) : String.valueOf(c);
            Map<Form, Character> forms = FORMS.get(unit);
            if (forms == null) {
                shaped.append(unit);
            } else {
                boolean joinsBefore = joinsForward(previousJoining(text, i)) && joinsBackward(c);
                // a lam-alef ligature ends with the alef, which never joins the letter after it
                boolean joinsAfter = !lamAlef && joinsForward(c) && joinsBackward(nextJoining(text, i + 1));
                shaped.append(form(forms, joinsBefore, joinsAfter, unit));
            }
            i += unit.length();
        }
        return shaped.toString();
    }

    private static String form(Map<Form, Character> forms, boolean before, boolean after, String unit) {
        Form wanted = before && after ? Form.MEDIAL : before ? Form.FINAL : after ? Form.INITIAL : Form.ISOLATED;
        Character form = forms.get(wanted);
        if (form == null && wanted == Form.MEDIAL) {
            form = forms.get(Form.FINAL);
        }
        if (form == null && wanted == Form.INITIAL) {
            form = forms.get(Form.ISOLATED);
        }
        return form == null ? unit : String.valueOf(form);
    }

    /** The nearest character before {@code at} that is not a transparent mark (a haraka), or 0. */
    private static char previousJoining(String text, int at) {
        for (int j = at - 1; j >= 0; j--) {
            if (joiningType(text.charAt(j)) != UCharacter.JoiningType.TRANSPARENT) {
                return text.charAt(j);
            }
        }
        return 0;
    }

    private static char nextJoining(String text, int from) {
        for (int j = from; j < text.length(); j++) {
            if (joiningType(text.charAt(j)) != UCharacter.JoiningType.TRANSPARENT) {
                return text.charAt(j);
            }
        }
        return 0;
    }

    /** Whether the letter joins the one after it (to its left on the page). */
    private static boolean joinsForward(char c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING
                || type == UCharacter.JoiningType.LEFT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    /** Whether the letter joins the one before it (to its right on the page). */
    private static boolean joinsBackward(char c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING
                || type == UCharacter.JoiningType.RIGHT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    private static int joiningType(char c) {
        return c == 0 ? UCharacter.JoiningType.NON_JOINING : UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    /**
     * Every letter's (and lam-alef's) presentation forms, read from the compatibility decompositions of the
     * presentation-form blocks: Forms-B first, the forms Arabic text has always used, then Forms-A, which hold the
     * Persian letters'.
     */
    private static Map<String, Map<Form, Character>> presentationForms() {
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        Map<String, Map<Form, Character>> forms = new HashMap<>();
        int[][] blocks = {{0xFE70, 0xFEFF}, {0xFB50, 0xFDFF}};
        for (int[] block : blocks) {
            for (int cp = block[0]; cp <= block[1]; cp++) {
                Form form = formOf(UCharacter.getIntPropertyValue(cp, UProperty.DECOMPOSITION_TYPE));
                String base = nfkd.getRawDecomposition(cp);
                if (form == null || base == null || !isUnit(base)) {
                    continue;
                }
                forms.computeIfAbsent(base, letter -> new HashMap<>()).putIfAbsent(form, (char) cp);
            }
        }
        return Map.copyOf(forms);
    }

    /** A single letter, or lam followed by an alef: the ligature Arabic script requires. */
    private static boolean isUnit(String base) {
        return base.length() == 1
                || (base.length() == 2
                        && base.startsWith(LAM)
                        && "\u0622\u0623\u0625\u0627".indexOf(base.charAt(1)) >= 0);
    }

    private static Form formOf(int decompositionType) {
        return switch (decompositionType) {
            case UCharacter.DecompositionType.ISOLATED -> Form.ISOLATED;
            case UCharacter.DecompositionType.FINAL -> Form.FINAL;
            case UCharacter.DecompositionType.INITIAL -> Form.INITIAL;
            case UCharacter.DecompositionType.MEDIAL -> Form.MEDIAL;
            default -> null;
        };
    }
}
