package rasad.kernel.alerts;

import rasad.kernel.validation.InvalidValueException;

/**
 * What an alert is about, and where it belongs for triage: the facility (when there is one) and the bank,
 * county, agency and programme managers filter by. {@code description} names the subject for a person,
 * without personal data (a mobile number is shown by its last digits only).
 */
public record AlertSubject(
        String facilityId, String bank, String county, String agency, String programme, String description) {

    public AlertSubject {
        description = InvalidValueException.requiredText(description, "subject description")
                .strip();
    }
}
