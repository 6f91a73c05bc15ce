package rasad.kernel.referencedata;

import rasad.kernel.validation.InvalidValueException;

/** One entry of reference data: its kind and its code, e.g. PROGRAMME/HOME_BUSINESS. */
public record ReferenceEntryId(ReferenceKind kind, String code) {

    public ReferenceEntryId {
        InvalidValueException.required(kind, "kind");
        code = ReferenceCode.checkCode(code, kind.label());
    }

    /** Axon routes commands to the entry by this string. */
    @Override
    public String toString() {
        return kind + "/" + code;
    }
}
