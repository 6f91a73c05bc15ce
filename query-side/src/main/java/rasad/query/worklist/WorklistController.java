package rasad.query.worklist;

import static com.mongodb.client.model.Filters.eq;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.processing.ReadModelCollections;

/** An inspector's assigned field visits: open ones first, the most overdue at the top. */
@RestController
class WorklistController {

    private static final ZoneId IRAN = ZoneId.of("Asia/Tehran");

    private final ReadModelCollections collections;
    private final Clock clock;

    WorklistController(ReadModelCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    record Visit(
            String inspector,
            String facilityId,
            String sampleId,
            LocalDate dueOn,
            boolean open,
            boolean overdue,
            long daysOverdue,
            String visitedAt,
            String visitId,
            String beneficiary,
            String programme,
            String county,
            String address,
            Double latitude,
            Double longitude) {}

    @GetMapping("/api/worklist")
    @Operation(
            summary = "Assigned field visits with due dates, open first and the most overdue at the top. "
                    + "An inspector sees their own list; others name the inspector, or see every list.")
    ResponseEntity<?> worklist(
            @RequestParam(required = false) String inspector,
            @RequestParam(defaultValue = "OPEN") String status,
            ExportOptions export) {
        if (!List.of("OPEN", "VISITED", "ALL").contains(status)) {
            throw new InvalidParameterException("status", "ONE_OF", "status is OPEN, VISITED or ALL");
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean isInspector = user.getAuthorities().stream().anyMatch(a -> "ROLE_INSPECTOR".equals(a.getAuthority()));
        if (isInspector) {
            if (inspector != null && !inspector.equals(user.getName())) {
                throw new AccessDeniedException("an inspector sees their own list");
            }
            inspector = user.getName();
        }
        LocalDate today = LocalDate.now(clock.withZone(IRAN));
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
            assigned.forEach((facilityId, value) -> {
                Document visit = (Document) value;
                boolean open = visit.getString("visitedAt") == null;
                if ("OPEN".equals(status) && !open || "VISITED".equals(status) && open) {
                    return;
                }
                LocalDate dueOn = LocalDate.parse(visit.getString("dueOn"));
                long late = open ? Math.max(0, ChronoUnit.DAYS.between(dueOn, today)) : 0;
                Document place = places.find(eq("_id", facilityId)).first();
                visits.add(new Visit(
                        list.getString("_id"),
                        facilityId,
                        visit.getString("sampleId"),
                        dueOn,
                        open,
                        late > 0,
                        late,
                        visit.getString("visitedAt"),
                        visit.getString("visitId"),
                        place == null ? null : place.getString("beneficiary"),
                        place == null ? null : place.getString("programme"),
                        place == null ? null : place.getString("county"),
                        place == null ? null : place.getString("address"),
                        place == null ? null : place.getDouble("latitude"),
                        place == null ? null : place.getDouble("longitude")));
            });
        }
        visits.sort(Comparator.comparing((Visit visit) -> !visit.open())
                .thenComparing(Visit::dueOn)
                .thenComparing(Visit::facilityId));
        return CsvExport.answer(
                visits,
                visits,
                List.of(
                        Column.text("بازرس", "Inspector", Visit::inspector),
                        Column.text("تسهیلات", "Facility", Visit::facilityId),
                        Column.text("نمونه", "Sample", Visit::sampleId),
                        Column.date("مهلت", "Due", Visit::dueOn),
                        Column.text("معوق", "Overdue", Visit::overdue),
                        Column.number("روز تأخیر", "Days overdue", Visit::daysOverdue),
                        Column.text("متقاضی", "Beneficiary", Visit::beneficiary),
                        Column.text("برنامه", "Programme", Visit::programme),
                        Column.text("شهرستان", "County", Visit::county),
                        Column.text("نشانی", "Address", Visit::address),
                        Column.text("زمان بازدید", "Visited at", Visit::visitedAt)),
                export,
                "worklist");
    }
}
