package rasad.command.referencedata;

import rasad.edge.problem.FieldErrors;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.referencedata.AddReferenceEntry;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.LocalizedName;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.kernel.text.TypedEnum;
import rasad.kernel.validation.InvalidValueException;

/** The body of {@code POST /api/reference-data}: raw values, each turned into its value object here. */
public record AddReferenceEntryRequest(
        String kind, String code, String nameFa, String nameEn, String parentBank, Integer fiscalYear) {

    AddReferenceEntry toCommand() {
        FieldErrors errors = new FieldErrors();
        ReferenceKind referenceKind = errors.check("kind", () -> kind(kind));
        ReferenceEntryId id =
                referenceKind == null ? null : errors.check("code", () -> new ReferenceEntryId(referenceKind, code));
        String fa = errors.check("nameFa", () -> LocalizedName.persian(nameFa));
        String en = errors.check("nameEn", () -> LocalizedName.english(nameEn));
        LocalizedName name = fa == null ? null : new LocalizedName(fa, en);
        BankCode parent = parentBank == null ? null : errors.check("parentBank", () -> BankCode.of(parentBank));
        FiscalYear year = fiscalYear == null ? null : errors.check("fiscalYear", () -> FiscalYear.of(fiscalYear));
        errors.throwIfAny();
        try {
            return new AddReferenceEntry(id, name, parent, year);
        } catch (InvalidValueException refused) {
            // the rules that tie fields to the kind name the field the client must change
            String field =
                    refused.rule().contains("BANK") || refused.rule().contains("PARENT") ? "parentBank" : "fiscalYear";
            FieldErrors combination = new FieldErrors();
            combination.check(field, () -> {
                throw refused;
            });
            combination.throwIfAny();
            throw refused;
        }
    }

    static ReferenceKind kind(String value) {
        return TypedEnum.parse(ReferenceKind.class, value, "UNKNOWN_REFERENCE_KIND", "kind");
    }
}
