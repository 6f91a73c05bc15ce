package rasad.kernel.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import rasad.kernel.validation.InvalidValueException;

/** A choice as people type it: {@code written_off}, {@code Written-Off} and {@code WRITTEN_OFF} are the same. */
public final class TypedEnum {

    private TypedEnum() {}

    /** Refused with {@code REQUIRED}, or with {@code rule} naming the choices. */
    public static <E extends Enum<E>> E parse(Class<E> choices, String typed, String rule, String what) {
        InvalidValueException.requiredText(typed, what);
        String name = typed.strip().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().equals(name)) {
                return choice;
            }
        }
        throw new InvalidValueException(
                rule,
                what + " is one of "
                        + Arrays.stream(choices.getEnumConstants())
                                .map(Enum::name)
                                .collect(Collectors.joining(", ")));
    }
}
