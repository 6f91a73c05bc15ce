package rasad.query.alerts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.kernel.alerts.AlertIds;
import rasad.query.asof.AsOf;
import rasad.query.asof.TimeAxis;
import rasad.query.asof.WholeStoreFolds;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.Named;
import rasad.query.referencedata.ReferenceNames;

/**
 * Diversion alerts for triage: the list, one alert's episodes with their evidence and history, and where
 * alerts gather (bank × county). Managers, auditors and admins see every alert, an inspector those assigned
 * to them.
 */
@RestController
@RequestMapping("/api/alerts")
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN', 'INSPECTOR')")
class AlertsController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final AlertReadModel readModel;
    private final AlertsAsOf asOf;
    private final WholeStoreFolds folds;
    private final Clock clock;
    private final ReferenceNames names;

    AlertsController(
            AlertReadModel readModel, AlertsAsOf asOf, WholeStoreFolds folds, Clock clock, ReferenceNames names) {
        this.readModel = readModel;
        this.asOf = asOf;
        this.folds = folds;
        this.clock = clock;
        this.names = names;
    }

    /** An episode with the names of its codes: severity, status, closure, and its subject's bank, county… */
    private Named<AlertEpisode> named(AlertEpisode episode, Language language) {
        AlertEpisode.Subject subject = episode.subject();
        return new Named<>(
                episode,
                names.names(
                        language,
                        "severity",
                        "SEVERITY",
                        episode.severity(),
                        "status",
                        "ALERT_STATUS",
                        episode.status(),
                        "closedAs",
                        "ALERT_RESOLUTION",
                        episode.closedAs(),
                        "bank",
                        "BANK",
                        subject == null ? null : subject.bank(),
                        "county",
                        "COUNTY",
                        subject == null ? null : subject.county(),
                        "agency",
                        "AGENCY",
                        subject == null ? null : subject.agency(),
                        "programme",
                        "PROGRAMME",
                        subject == null ? null : subject.programme()));
    }

    record AlertPage(List<Named<AlertEpisode>> items, int page, int size, long totalItems, long totalPages) {}

    record AlertHistory(String alertId, String rule, String detects, List<Named<AlertEpisode>> episodes) {}

    @GetMapping
    @Operation(
            summary = "Alert episodes, filtered, sorted and paged (most severe, then oldest, first); "
                    + "format=csv exports the page. An inspector sees those assigned to them.")
    ResponseEntity<?> list(
            @ParameterObject AlertQuery query,
            @Parameter(description = "raisedAt, -raisedAt, severity, -severity, age or -age " + "(- for descending)")
                    @RequestParam(defaultValue = AlertOrder.DEFAULT)
                    String sort,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE)
                    int size,
            @Parameter(
                            description = "the list as it stood at an instant or a day's end (ISO or Solar "
                                    + "Hijri), each episode's status and triage as they were then; unlike openAsOf, "
                                    + "which asks today's list which episodes were open then")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description = "with asOf: recorded (what Rasad knew then, the default) or "
                                    + "business (what was true then)")
                    @RequestParam(defaultValue = "recorded")
                    String axis,
            @ParameterObject ExportOptions export) {
        AlertFilter filter = query.checked(false);
        AlertOrder order = AlertOrder.parse(sort);
        if (page < 0) {
            throw new InvalidParameterException("page", "PAGE_NEGATIVE", "page numbers start at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException(
                    "size", "PAGE_SIZE_OUT_OF_RANGE", "a page holds 1 to " + MAX_PAGE_SIZE + " alerts");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "PAGE_BEYOND_END", "no list is that long");
        }
        AlertFilter narrowed = AlertReader.required().narrow(filter);
        TimeAxis timeAxis = AsOf.axis("axis", axis);
        Instant at = asOf == null || asOf.isBlank() ? null : AsOf.instant("asOf", asOf);
        List<AlertEpisode> found = new ArrayList<>(
                at == null
                        ? readModel.matching(narrowed, clock.instant())
                        : folds.run(() -> this.asOf.matching(narrowed, at, timeAxis)));
        found.sort(order.comparator());
        int from = Math.min(page * size, found.size());
        List<AlertEpisode> items = found.subList(from, Math.min(from + size, found.size()));
        Language language = export.language();
        AlertPage answer = new AlertPage(
                items.stream().map(episode -> named(episode, language)).toList(),
                page,
                size,
                found.size(),
                (found.size() + size - 1) / size);
        return CsvExport.answer(answer, items, COLUMNS, export, "alerts-page-" + page, names);
    }

    @GetMapping("/heat")
    @Operation(
            summary = "Alert counts per bank (rows) and county (columns) with totals, over the list's filters; "
                    + "without status or openAsOf, the alerts open now. format=csv adds a total row.")
    ResponseEntity<?> heat(@ParameterObject AlertQuery query, @ParameterObject ExportOptions export) {
        AlertFilter filter = AlertReader.required().narrow(query.checked(true));
        HeatTable heat = HeatTable.of(readModel.matching(filter, clock.instant()));
        List<Column<HeatTable.Row>> columns = new ArrayList<>();
        columns.add(Column.code("بانک عامل", "Bank", "BANK", HeatTable.Row::bank));
        Language language = export.language();
        Map<String, String> countyNames = namesOf("COUNTY", heat.counties(), language);
        for (String county : heat.counties()) {
            // a spreadsheet's column reads as the county's name where reference data has one
            String header = countyNames.getOrDefault(county, county);
            columns.add(Column.number(header, header, row -> row.counts().get(county)));
        }
        columns.add(Column.number("جمع", "Total", HeatTable.Row::total));
        HeatAnswer answer = new HeatAnswer(
                heat,
                countyNames,
                namesOf("BANK", heat.rows().stream().map(HeatTable.Row::bank).toList(), language));
        return CsvExport.answer(answer, heat.rowsWithTotals(), columns, export, "alerts-heat", names);
    }

    /** The heat table with the names of its counties (columns) and banks (rows), keyed by code. */
    record HeatAnswer(@JsonUnwrapped HeatTable table, Map<String, String> countyNames, Map<String, String> bankNames) {}

    private Map<String, String> namesOf(String kind, List<String> codes, Language language) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String code : codes) {
            String name = names.name(kind, code, language);
            if (name != null) {
                named.put(code, name);
            }
        }
        return named;
    }

    @GetMapping("/{alertId}")
    @Operation(
            summary = "Every episode of one alert, oldest first, with its evidence and full triage history",
            description = "Eventually consistent: an alert raised a moment ago may answer 404 until its event is "
                    + "projected. An inspector sees the episodes assigned to them.")
    AlertHistory one(
            @Parameter(description = "e.g. r3.f-0001.j-0002") @PathVariable String alertId,
            @Parameter(description = "language of names: fa or en (default: as Accept-Language prefers, else en)")
                    @RequestParam(required = false)
                    String lang) {
        Language language = Language.asked(lang);
        InvalidParameterException.reading("alertId", () -> AlertIds.check(alertId));
        AlertReader reader = AlertReader.required();
        List<AlertEpisode> episodes = readModel.episodesOf(alertId, clock.instant());
        if (episodes.isEmpty()) {
            throw new NotFoundException("no alert " + alertId + " (yet)");
        }
        List<AlertEpisode> visible = episodes.stream().filter(reader::maySee).toList();
        if (visible.isEmpty()) {
            throw new AccessDeniedException("alert " + alertId + " is not assigned to " + reader.name());
        }
        AlertEpisode latest = visible.get(visible.size() - 1);
        return new AlertHistory(
                alertId,
                latest.rule(),
                latest.detects(),
                visible.stream().map(episode -> named(episode, language)).toList());
    }

    private static final List<Column<AlertEpisode>> COLUMNS = List.of(
            Column.text("هشدار", "Alert", AlertEpisode::alertId),
            Column.number("نوبت", "Episode", AlertEpisode::episode),
            Column.text("قاعده", "Rule", AlertEpisode::rule),
            Column.code("شدت", "Severity", "SEVERITY", AlertEpisode::severity),
            Column.code("وضعیت", "Status", "ALERT_STATUS", AlertEpisode::status),
            Column.code("نحوه بستن", "Closed as", "ALERT_RESOLUTION", AlertEpisode::closedAs),
            Column.text("تسهیلات", "Facility", episode -> episode.subject().facilityId()),
            Column.code(
                    "بانک عامل", "Bank", "BANK", episode -> episode.subject().bank()),
            Column.code(
                    "شهرستان", "County", "COUNTY", episode -> episode.subject().county()),
            Column.code(
                    "دستگاه اجرایی",
                    "Agency",
                    "AGENCY",
                    episode -> episode.subject().agency()),
            Column.code(
                    "برنامه",
                    "Programme",
                    "PROGRAMME",
                    episode -> episode.subject().programme()),
            Column.text("موضوع", "Subject", episode -> episode.subject().description()),
            Column.text("شرح", "Explanation", AlertEpisode::explanation),
            Column.date("تاریخ هشدار", "Raised", episode -> tehranDay(episode.raisedAt())),
            Column.date("تاریخ بروز نشانه", "Since", episode -> tehranDay(episode.since())),
            Column.date("تاریخ بستن", "Closed", episode -> tehranDay(episode.closedAt())),
            Column.number("عمر (روز)", "Age (days)", AlertEpisode::ageDays),
            Column.text("بازرس", "Inspector", AlertEpisode::inspector),
            Column.date("مهلت بازدید", "Visit due", AlertEpisode::visitDueOn),
            Column.text("ارجاع به", "Escalated to", AlertEpisode::escalatedTo));

    private static LocalDate tehranDay(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, AlertReadModel.TEHRAN);
    }
}
