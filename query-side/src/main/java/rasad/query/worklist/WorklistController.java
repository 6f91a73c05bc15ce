package rasad.query.worklist;

import static com.mongodb.client.model.Filters.eq;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.validation.InvalidValueException;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.privacy.PersonalData;
import rasad.query.processing.ReadModelCollections;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.ReferenceNames;

/**
 * An inspector's assigned field visits, as they plan a day: open ones first, overdue, then due today, this week
 * (the Iranian week, Saturday to Friday), later; or nearest first from where they stand. Each visit says where
 * the workplace is and how to reach the beneficiary.
 */
// a list of beneficiaries' addresses and phones to visit: for inspectors and those who send them
@PreAuthorize("hasAnyRole('INSPECTOR', 'MANAGER', 'AUDITOR', 'ADMIN')")
@RestController
class WorklistController {

    private static final ZoneId IRAN = ZoneId.of("Asia/Tehran");

    /** When a visit is due, as an inspector sorts a week. */
    enum Due {
        OVERDUE,
        TODAY,
        THIS_WEEK,
        LATER,
        VISITED
    }

    private final ReadModelCollections collections;
    private final PersonalData personalData;
    private final Clock clock;
    private final ReferenceNames names;

    WorklistController(ReadModelCollections collections, PersonalData personalData, Clock clock, ReferenceNames names) {
        this.collections = collections;
        this.personalData = personalData;
        this.clock = clock;
        this.names = names;
    }

    record Visit(
            String inspector,
            String facilityId,
            String sampleId,
            LocalDate dueOn,
            String dueOnSolarHijri,
            Due due,
            boolean open,
            boolean overdue,
            long daysOverdue,
            String visitedAt,
            String visitId,
            String beneficiary,
            String mobile,
            String programme,
            String county,
            String address,
            Double latitude,
            Double longitude,
            Long distanceMetres,
            Map<String, String> names) {}

    @GetMapping("/api/worklist")
    @Operation(
            summary = "Assigned field visits: open first — overdue, due today, this week, later — or nearest first "
                    + "from a point. An inspector sees their own list, with the beneficiaries' mobiles in full (each "
                    + "reading logged); managers and auditors too (logged); others see them masked.")
    ResponseEntity<?> worklist(
            @RequestParam(required = false) String inspector,
            @RequestParam(defaultValue = "OPEN") String status,
            @Parameter(description = "where the inspector stands, latitude,longitude (WGS 84): nearest first")
                    @RequestParam(required = false)
                    String near,
            ExportOptions export) {
        if (!List.of("OPEN", "VISITED", "ALL").contains(status)) {
            throw new InvalidParameterException("status", "ONE_OF", "status is OPEN, VISITED or ALL");
        }
        GeoPoint from = near == null ? null : point(near);
        Language language = export.language();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean isInspector = user.getAuthorities().stream().anyMatch(a -> "ROLE_INSPECTOR".equals(a.getAuthority()));
        if (isInspector) {
            if (inspector != null && !inspector.equals(user.getName())) {
                throw new AccessDeniedException("an inspector sees their own list");
            }
            inspector = user.getName();
        }
        // the inspector sent to a beneficiary has to reach them
        boolean revealed = isInspector || personalData.revealed();
        LocalDate today = LocalDate.now(clock.withZone(IRAN));
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        var worklists = collections.forQueries(WorklistProjection.PROCESSING_GROUP, WorklistProjection.WORKLISTS);
        List<Document> lists = inspector == null
                ? worklists.find().into(new ArrayList<>())
                : worklists.find(eq("_id", inspector)).into(new ArrayList<>());
        var places = collections.forQueries(WorklistProjection.PROCESSING_GROUP, WorklistProjection.PLACES);
        List<Visit> visits = new ArrayList<>();
        for (Document list : lists) {
            Document assigned = list.get("visits", Document.class);
            if (assigned == null) {
                continue;
            }
            assigned.forEach((key, value) -> {
                String facilityId = WorklistProjection.facilityOf(key);
                Document visit = (Document) value;
                if (visit.getString("dueOn") == null) {
                    return; // a list entry left by a reassignment
                }
                boolean open = visit.getString("visitedAt") == null;
                if ("OPEN".equals(status) && !open || "VISITED".equals(status) && open) {
                    return;
                }
                LocalDate dueOn = LocalDate.parse(visit.getString("dueOn"));
                long late = open ? Math.max(0, ChronoUnit.DAYS.between(dueOn, today)) : 0;
                Due due = !open
                        ? Due.VISITED
                        : dueOn.isBefore(today)
                                ? Due.OVERDUE
                                : dueOn.isEqual(today)
                                        ? Due.TODAY
                                        : dueOn.isAfter(endOfWeek) ? Due.LATER : Due.THIS_WEEK;
                Document place = places.find(eq("_id", facilityId)).first();
                Double latitude = place == null ? null : place.getDouble("latitude");
                Double longitude = place == null ? null : place.getDouble("longitude");
                String mobile = place == null ? null : place.getString("mobile");
                visits.add(new Visit(
                        list.getString("_id"),
                        facilityId,
                        visit.getString("sampleId"),
                        dueOn,
                        FiscalYear.solarHijri(dueOn),
                        due,
                        open,
                        late > 0,
                        late,
                        visit.getString("visitedAt"),
                        visit.getString("visitId"),
                        place == null ? null : place.getString("beneficiary"),
                        revealed ? mobile : PersonalData.masked(mobile),
                        place == null ? null : place.getString("programme"),
                        place == null ? null : place.getString("county"),
                        place == null ? null : place.getString("address"),
                        latitude,
                        longitude,
                        from == null || latitude == null || longitude == null
                                ? null
                                : Math.round(from.metresTo(new GeoPoint(latitude, longitude))),
                        names.names(
                                language,
                                "due",
                                "VISIT_DUE",
                                due.name(),
                                "programme",
                                "PROGRAMME",
                                place == null ? null : place.getString("programme"),
                                "county",
                                "COUNTY",
                                place == null ? null : place.getString("county"))));
            });
        }
        Comparator<Visit> order = Comparator.comparing((Visit visit) -> !visit.open());
        order = from == null
                ? order.thenComparing(Visit::dueOn)
                : order.thenComparing(Visit::distanceMetres, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Visit::dueOn);
        visits.sort(order.thenComparing(Visit::facilityId));
        if (revealed) {
            List<String> shown = visits.stream()
                    .filter(visit -> visit.mobile() != null)
                    .map(Visit::facilityId)
                    .toList();
            personalData.recordReading(shown, List.of("mobile"));
        }
        return CsvExport.answer(
                visits,
                visits,
                List.of(
                        Column.text("بازرس", "Inspector", Visit::inspector),
                        Column.text("تسهیلات", "Facility", Visit::facilityId),
                        Column.text("نمونه", "Sample", Visit::sampleId),
                        Column.date("مهلت", "Due", Visit::dueOn),
                        Column.code(
                                "وضعیت مهلت",
                                "When",
                                "VISIT_DUE",
                                visit -> visit.due().name()),
                        Column.number("روز تأخیر", "Days overdue", Visit::daysOverdue),
                        Column.text("متقاضی", "Beneficiary", Visit::beneficiary),
                        Column.text("تلفن همراه", "Mobile", Visit::mobile),
                        Column.code("برنامه", "Programme", "PROGRAMME", Visit::programme),
                        Column.code("شهرستان", "County", "COUNTY", Visit::county),
                        Column.text("نشانی", "Address", Visit::address),
                        Column.number("عرض جغرافیایی", "Latitude", Visit::latitude),
                        Column.number("طول جغرافیایی", "Longitude", Visit::longitude),
                        Column.number("فاصله (متر)", "Distance (m)", Visit::distanceMetres),
                        Column.text("زمان بازدید", "Visited at", Visit::visitedAt)),
                export,
                "worklist",
                names);
    }

    /** {@code 38.0800,46.2919}: latitude, then longitude. */
    private static GeoPoint point(String near) {
        String[] parts = near.strip().split("\\s*,\\s*");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (NumberFormatException notNumbers) {
            throw new InvalidParameterException("near", "NEAR_FORMAT", "near is latitude,longitude: 38.08,46.29");
        } catch (InvalidValueException outOfRange) {
            throw new InvalidParameterException("near", outOfRange.rule(), outOfRange.getMessage());
        }
    }
}
