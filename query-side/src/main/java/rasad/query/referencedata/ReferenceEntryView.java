package rasad.query.referencedata;

import java.time.Instant;

/** A reference entry as users pick it from a list: active or retired, and since when. */
public record ReferenceEntryView(
        String kind,
        String code,
        String nameFa,
        String nameEn,
        String parentBank,
        Integer fiscalYear,
        boolean active,
        String retirementReason,
        String addedBy,
        Instant addedAt,
        Instant retiredAt) {}
