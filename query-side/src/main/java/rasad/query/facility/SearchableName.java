package rasad.query.facility;

import java.text.Normalizer;
import java.util.Locale;
import rasad.kernel.text.TypedText;

/**
 * A name as a clerk may type it to find a case: Arabic or Persian ye and kaf, a zero-width non-joiner or a
 * space between the parts of a name, Persian digits, any case — all the same name.
 */
final class SearchableName {

    private SearchableName() {}

    static String of(String name) {
        if (name == null) {
            return null;
        }
        String text = Normalizer.normalize(TypedText.latinDigits(name), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('ي', 'ی')
                .replace('ى', 'ی')
                .replace('ك', 'ک')
                .replace('ة', 'ه')
                .replace('\u200c', ' ')
                .replace('\u200f', ' ')
                .replaceAll("[\\u064B-\\u065F\\u0670]", ""); // harakat: not written the same way twice
        return text.strip().replaceAll("\\s+", " ");
    }
}
