package rasad.kernel.referencedata;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.validation.InvalidValueException;

/**
 * An administrator adds a programme, funding source, agency, bank, branch or county.
 *
 * @param parent     the bank a branch belongs to; only for branches
 * @param fiscalYear the budget year of a funding source; only for funding sources
 */
public record AddReferenceEntry(
        @TargetAggregateIdentifier ReferenceEntryId id, LocalizedName name, BankCode parent, FiscalYear fiscalYear) {

    public AddReferenceEntry {
        InvalidValueException.required(id, "reference entry");
        InvalidValueException.required(name, "name");
        if (id.kind() == ReferenceKind.BANK_BRANCH && parent == null) {
            throw new InvalidValueException("BRANCH_WITHOUT_BANK", "a bank branch names the bank it belongs to");
        }
        if (id.kind() != ReferenceKind.BANK_BRANCH && parent != null) {
            throw new InvalidValueException("PARENT_NOT_ALLOWED", "only a bank branch has a parent bank");
        }
        if (id.kind() == ReferenceKind.FUNDING_SOURCE && fiscalYear == null) {
            throw new InvalidValueException(
                    "FUNDING_SOURCE_WITHOUT_YEAR",
                    "a funding source belongs to a fiscal year: the budget clause changes every year");
        }
        if (id.kind() != ReferenceKind.FUNDING_SOURCE && fiscalYear != null) {
            throw new InvalidValueException("FISCAL_YEAR_NOT_ALLOWED", "only a funding source has a fiscal year");
        }
    }
}
