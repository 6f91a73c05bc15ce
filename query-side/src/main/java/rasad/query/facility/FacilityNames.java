package rasad.query.facility;

import java.util.Map;
import org.springframework.stereotype.Component;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.ReferenceNames;

/** The names of a case's codes, for the live case, the lists and the case as of a past instant alike. */
@Component
public class FacilityNames {

    private final ReferenceNames names;

    FacilityNames(ReferenceNames names) {
        this.names = names;
    }

    /** Programme, funding source, bank, branch, agency, county and status, keyed by their fields. */
    public Map<String, String> of(FacilityView view, Language language) {
        return names.names(
                language,
                "programme",
                "PROGRAMME",
                view.programme(),
                "fundingSource",
                "FUNDING_SOURCE",
                view.fundingSource(),
                "bank",
                "BANK",
                view.bank(),
                "branch",
                "BANK_BRANCH",
                view.branch(),
                "agency",
                "AGENCY",
                view.agency(),
                "county",
                "COUNTY",
                view.county(),
                "status",
                "FACILITY_STATUS",
                view.status());
    }
}
