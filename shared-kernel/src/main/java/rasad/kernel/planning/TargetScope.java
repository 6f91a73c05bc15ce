package rasad.kernel.planning;

import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * Who commits to a job target: the province as a whole, one agency, or one programme. The code is the
 * province's name, or the agency's or programme's reference-data code.
 */
public record TargetScope(Kind kind, String code) {

    public enum Kind {
        PROVINCE,
        AGENCY,
        PROGRAMME
    }

    public TargetScope {
        InvalidValueException.required(kind, "scope kind");
        code = ReferenceCode.checkCode(code, "scope");
    }

    @Override
    public String toString() {
        return kind + "/" + code;
    }
}
