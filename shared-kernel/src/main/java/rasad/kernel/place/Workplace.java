package rasad.kernel.place;

import rasad.kernel.validation.InvalidValueException;

/** Where the financed business operates, as registered at grant: inspectors check GPS evidence against it. */
public record Workplace(String address, GeoPoint location) {

    public Workplace {
        address =
                InvalidValueException.requiredText(address, "workplace address").strip();
        if (address.length() > 500) {
            throw new InvalidValueException("ADDRESS_TOO_LONG", "an address has at most 500 characters");
        }
    }
}
