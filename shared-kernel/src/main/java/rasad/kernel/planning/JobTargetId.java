package rasad.kernel.planning;

import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.validation.InvalidValueException;

/** A job target: one scope's commitment for one fiscal year, e.g. 1403/PROVINCE/east-azerbaijan. */
public record JobTargetId(FiscalYear fiscalYear, TargetScope scope) {

    public JobTargetId {
        InvalidValueException.required(fiscalYear, "fiscal year");
        InvalidValueException.required(scope, "scope");
    }

    @Override
    public String toString() {
        return fiscalYear + "/" + scope;
    }
}
