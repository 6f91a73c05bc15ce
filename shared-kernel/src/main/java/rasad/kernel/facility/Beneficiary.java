package rasad.kernel.facility;

import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.validation.InvalidValueException;

/** The person receiving a facility (متقاضی / مددجو), identified by national id. */
public record Beneficiary(NationalId nationalId, PersonName name) {

    public Beneficiary {
        InvalidValueException.required(nationalId, "beneficiary national id");
        InvalidValueException.required(name, "beneficiary name");
    }
}
