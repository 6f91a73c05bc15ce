package rasad.query.facility;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.kernel.people.NationalId;
import rasad.query.alerts.FacilityAlerts;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.privacy.PersonalData;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.Named;
import rasad.query.referencedata.ReferenceNames;
import rasad.query.staff.ReaderScope;
import rasad.query.staff.ReaderScopes;

@RestController
@RequestMapping("/api/facilities")
class FacilityQueryController {

    static final int MAX_PAGE_SIZE = 200;

    private final FacilityReadModel readModel;
    private final FacilityAlerts alerts;
    private final PersonalData personalData;
    private final LastVerifications verifications;
    private final ReferenceNames names;
    private final FacilityNames facilityNames;

    private final ReaderScopes scopes;

    FacilityQueryController(
            FacilityReadModel readModel,
            FacilityAlerts alerts,
            PersonalData personalData,
            LastVerifications verifications,
            ReferenceNames names,
            FacilityNames facilityNames,
            ReaderScopes scopes) {
        this.readModel = readModel;
        this.scopes = scopes;
        this.alerts = alerts;
        this.personalData = personalData;
        this.verifications = verifications;
        this.names = names;
        this.facilityNames = facilityNames;
    }

    /**
     * The live case, the names of its codes, each field visit of the case, oldest first, with its GPS, findings,
     * jobs seen and photos, and when its history was last verified (null when it never was).
     */
    record CaseView(
            @JsonUnwrapped FacilityView facility,
            Map<String, String> names,
            List<VisitView> visits,
            LastVerification lastVerification) {}

    /** National ids in full for the roles that may read them (each reading recorded), masked for the rest. */
    private List<FacilityView> shown(List<FacilityView> views) {
        if (!personalData.revealed()) {
            return views.stream()
                    .map(view -> view.withNationalIds(PersonalData::masked))
                    .toList();
        }
        personalData.recordReading(views.stream().map(FacilityView::facilityId).toList(), List.of("nationalId"));
        return views;
    }

    @GetMapping("/{facilityId}")
    @Operation(
            summary = "One facility case",
            description = "Eventually consistent: a facility granted a moment ago may answer 404 until its "
                    + "event is projected. openAlerts: its open alert episodes, for the roles that read alerts "
                    + "(an inspector: those assigned to them). National ids in full for auditors and managers, "
                    + "each reading recorded in the personal-data access log; masked (********78) for other roles. "
                    + "lastVerification: when the case's history was last verified, whether it was intact and where "
                    + "it first broke (scope case, or store when a whole-store verification finished later).")
    CaseView one(
            @PathVariable String facilityId,
            @Parameter(description = "language of names: fa or en (default: as Accept-Language prefers, else en)")
                    @RequestParam(required = false)
                    String lang) {
        Language language = Language.asked(lang);
        ReaderScope scope = scopes.current();
        FacilityView found = readModel
                .find(facilityId)
                // another bank's or agency's case is not theirs to know of: the same answer as none
                .filter(view -> scope.covers(view.bank(), view.agency(), view.county()))
                .map(view -> view.withOpenAlerts(alerts.openAlerts(facilityId)))
                .orElseThrow(() -> new NotFoundException("no facility " + facilityId + " (yet)"));
        return new CaseView(
                shown(List.of(found)).get(0),
                facilityNames.of(found, language),
                readModel.visits(facilityId),
                verifications.of(facilityId).orElse(null));
    }

    @GetMapping
    @Operation(summary = "Facilities, filtered and paged, in facility-id order; format=csv exports the page")
    ResponseEntity<?> list(
            @Parameter(description = "county code") @RequestParam(required = false) String county,
            @Parameter(description = "programme code") @RequestParam(required = false) String programme,
            @Parameter(description = "bank code") @RequestParam(required = false) String bank,
            @Parameter(description = "agency code") @RequestParam(required = false) String agency,
            @Parameter(description = "GRANTED, PARTLY_DISBURSED, DISBURSED, REPAID, RECALLED or WRITTEN_OFF")
                    @RequestParam(required = false)
                    String status,
            @Parameter(
                            description = "the beneficiary's national id (spaces, dashes, Persian digits accepted); "
                                    + "each search is recorded in the personal-data access log")
                    @RequestParam(required = false)
                    String nationalId,
            @Parameter(description = "part of the beneficiary's name, Persian-aware (ی/ي, ک/ك, ZWNJ or space)")
                    @RequestParam(required = false)
                    String name,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "20") int size,
            ExportOptions export) {
        if (page < 0) {
            throw new InvalidParameterException("page", "PAGE_NEGATIVE", "page numbers start at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException(
                    "size", "PAGE_SIZE_OUT_OF_RANGE", "a page holds 1 to " + MAX_PAGE_SIZE + " facilities");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "PAGE_BEYOND_END", "no list is that long");
        }
        String person = nationalId == null || nationalId.isBlank() ? null : person(nationalId);
        String statusCode = statusFilter(status);
        ReaderScope scope = scopes.current();
        FacilityReadModel.Page<FacilityView> found = readModel.list(
                new FacilityReadModel.FacilityFilter(
                        scope.countyFilter(blankToNull(county)),
                        blankToNull(programme),
                        scope.bankFilter(blankToNull(bank)),
                        scope.agencyFilter(blankToNull(agency)),
                        statusCode,
                        person,
                        nameFilter(name)),
                page,
                size);
        Language language = export.language();
        List<FacilityView> items = shown(found.items());
        if (person != null && !personalData.revealed()) {
            // a search by national id is a reading of it, whoever searches: one entry per search
            personalData.recordReading(List.of("search:" + person), List.of("nationalId search"));
        }
        return CsvExport.answer(
                new FacilityReadModel.Page<>(
                        items.stream()
                                .map(view -> new Named<>(view, facilityNames.of(view, language)))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.totalItems()),
                items,
                COLUMNS,
                export,
                "facilities-page-" + page,
                names);
    }

    private static final List<Column<FacilityView>> COLUMNS = List.of(
            Column.text("تسهیلات", "Facility", FacilityView::facilityId),
            Column.text("کد ملی", "National id", view -> view.beneficiary().nationalId()),
            Column.text("متقاضی", "Beneficiary", view -> view.beneficiary().name()),
            Column.code("برنامه", "Programme", "PROGRAMME", FacilityView::programme),
            Column.code("بانک عامل", "Bank", "BANK", FacilityView::bank),
            Column.code("دستگاه اجرایی", "Agency", "AGENCY", FacilityView::agency),
            Column.code("شهرستان", "County", "COUNTY", FacilityView::county),
            Column.rials("مبلغ مصوب", "Granted", FacilityView::amountRials),
            Column.rials("پرداخت", "Paid", FacilityView::paidRials),
            Column.number("تعهد اشتغال", "Committed jobs", FacilityView::committedJobs),
            Column.number(
                    "اشتغال ثبت‌شده", "Jobs registered", view -> view.jobs().size()),
            Column.date("تاریخ اعطا", "Granted on", FacilityView::grantedOn),
            Column.code("وضعیت", "Status", "FACILITY_STATUS", FacilityView::status));

    private static final List<String> STATUSES =
            List.of("GRANTED", "PARTLY_DISBURSED", "DISBURSED", "REPAID", "RECALLED", "WRITTEN_OFF");

    private static String statusFilter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String upper = status.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(upper)) {
            throw new InvalidParameterException("status", "UNKNOWN_STATUS", "status is one of " + STATUSES);
        }
        return upper;
    }

    private static String person(String nationalId) {
        return InvalidParameterException.reading(
                "nationalId", () -> NationalId.of(nationalId).value());
    }

    private static String nameFilter(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > 100) {
            throw new InvalidParameterException("name", "TEXT_TOO_LONG", "a name to search is at most 100 characters");
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
