package rasad.kernel.planning;

import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * A quota (سهمیه): money a bank or a support institution may lend under one programme from one funding source
 * in one fiscal year, e.g. 1403/AGENCY/relief-committee/SUPPORT_INSTITUTIONS/note-16-1403.
 */
public record QuotaId(
        FiscalYear fiscalYear, HolderKind holderKind, String holder, ProgrammeCode programme, String fundingSource) {

    public enum HolderKind {
        BANK,
        AGENCY
    }

    public QuotaId {
        InvalidValueException.required(fiscalYear, "fiscal year");
        InvalidValueException.required(holderKind, "holder kind");
        holder = ReferenceCode.checkCode(holder, "holder");
        InvalidValueException.required(programme, "programme");
        fundingSource = ReferenceCode.checkCode(fundingSource, "funding source");
    }

    @Override
    public String toString() {
        return fiscalYear + "/" + holderKind + "/" + holder + "/" + programme + "/" + fundingSource;
    }
}
