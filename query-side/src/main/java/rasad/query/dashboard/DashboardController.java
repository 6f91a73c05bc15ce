package rasad.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.calendar.FiscalYear;
import rasad.query.asof.AsOf;
import rasad.query.asof.TimeAxis;
import rasad.query.asof.WholeStoreFolds;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.planning.PlanningReadModel;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.Named;
import rasad.query.referencedata.ReferenceNames;
import rasad.query.staff.ReaderScope;
import rasad.query.staff.ReaderScopes;

/**
 * What managers watch: the province dashboard, the bank league table and quota usage, for a Solar Hijri
 * fiscal year (or some of its months). Every answer is read from at most twelve pre-aggregated documents
 * plus the year's targets and quotas, whatever the number of facilities.
 */
@RestController
class DashboardController {

    private final DashboardFigures figures;
    private final DashboardAsOf asOf;
    private final WholeStoreFolds folds;
    private final PlanningReadModel planning;
    private final double belowExpectation;

    private final ReferenceNames names;

    private final ReaderScopes scopes;

    DashboardController(
            DashboardFigures figures,
            DashboardAsOf asOf,
            WholeStoreFolds folds,
            PlanningReadModel planning,
            ReferenceNames names,
            ReaderScopes scopes,
            @Value("${rasad.league.below-expectation-percent:60}") double belowExpectation) {
        this.names = names;
        this.scopes = scopes;
        this.figures = figures;
        this.asOf = asOf;
        this.folds = folds;
        this.planning = planning;
        this.belowExpectation = belowExpectation;
    }

    /** {@code nameFa}, {@code nameEn}: the code's names in reference data, where it has them. */
    record Breakdown(String breakdown, String code, String nameFa, String nameEn, Figures figures) {

        Breakdown(String breakdown, String code, Figures figures) {
            this(breakdown, code, null, null, figures);
        }

        Breakdown named(ReferenceNames.Name name) {
            return name == null ? this : new Breakdown(breakdown, code, name.fa(), name.en(), figures);
        }
    }

    /**
     * What a figure depends on that the reader cannot see: sustainable jobs are only those followed up, and a
     * dashboard as of a past day knows only the follow-ups due — and recorded — by then.
     */
    private static List<String> notes(Figures total, Instant asOf) {
        List<String> notes = new ArrayList<>();
        if (total.awaitingFollowUp() > 0) {
            notes.add(total.awaitingFollowUp() + " verified jobs had no follow-up recorded "
                    + (asOf == null ? "yet" : "by " + asOf)
                    + ": sustainable counts only jobs followed up (every follow-up so far STILL_ACTIVE), so these "
                    + "are neither sustainable nor failed yet (awaitingFollowUp)");
        }
        if (asOf != null) {
            notes.add("as of " + asOf + ": follow-ups fall due at the configured horizons after a job starts (by "
                    + "default about 6 and 12 months), so a job started less than a horizon before then could not "
                    + "have been followed up; on the business axis, only follow-ups that had happened by then count");
        }
        return notes;
    }

    /** The reference-data kind each breakdown's codes are of; gender, disability and area have none. */
    private static final Map<String, String> KIND_OF_BREAKDOWN = Map.of(
            "agency", "AGENCY",
            "programme", "PROGRAMME",
            "county", "COUNTY",
            "bank", "BANK",
            "fundingSource", "FUNDING_SOURCE");

    record MonthFigures(int month, Figures figures) {}

    /** {@code asOf} and {@code axis} are there only for a dashboard as of an instant; targets are today's. */
    record Dashboard(
            int fiscalYear,
            int fromMonth,
            int toMonth,
            Instant asOf,
            String axis,
            Figures total,
            List<MonthFigures> months,
            Map<String, List<Breakdown>> breakdowns,
            SampleEstimate sample,
            List<String> notes) {}

    @GetMapping("/api/dashboard/{fiscalYear}")
    @Operation(
            summary = "Province dashboard: target against jobs registered, verified per stage and sustainable, "
                    + "full-time equivalents, by month and by agency, programme, county, bank, gender, disability, area and "
                    + "funding source; the field-visit sample's estimate for plans not visited (95 % Wilson interval). "
                    + "format=csv lists every breakdown row.")
    ResponseEntity<?> dashboard(
            @PathVariable int fiscalYear,
            @Parameter(description = "1 = Farvardin") @RequestParam(defaultValue = "1") int fromMonth,
            @Parameter(description = "12 = Esfand") @RequestParam(defaultValue = "12") int toMonth,
            @Parameter(
                            description = "the dashboard as of an instant or a day (ISO or Solar Hijri, "
                                    + "its end in Tehran), folded from the events; absent: now")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(
                            description = "with asOf: recorded (what Rasad knew then, the default) or "
                                    + "business (what was true then, as known now)")
                    @RequestParam(defaultValue = "recorded")
                    String axis,
            ExportOptions export) {
        year(fiscalYear);
        boolean past = asOf != null && !asOf.isBlank();
        Instant instant = past ? AsOf.instant("asOf", asOf) : null;
        TimeAxis timeAxis = AsOf.axis("axis", axis);
        DashboardFigures figures = past ? folds.run(() -> this.asOf.figures(instant, timeAxis)) : this.figures;
        Tally period = figures.period(fiscalYear, fromMonth, toMonth);
        Map<String, Integer> targets = targets(fiscalYear);
        Figures total = period.figures("total", targets.get("PROVINCE"));
        List<MonthFigures> months = new ArrayList<>();
        figures.months(fiscalYear, fromMonth, toMonth)
                .forEach((month, tally) -> months.add(new MonthFigures(month, tally.figures("total", null))));
        Map<String, List<Breakdown>> breakdowns = new LinkedHashMap<>();
        for (String breakdown : Contribution.BREAKDOWNS) {
            breakdowns.put(
                    breakdown,
                    period.codes(breakdown).stream()
                            .map(code -> new Breakdown(
                                            breakdown,
                                            code,
                                            period.figures(
                                                    breakdown + "." + code,
                                                    targets.get(breakdown.toUpperCase() + "/" + code)))
                                    .named(names.of(KIND_OF_BREAKDOWN.get(breakdown), code)))
                            .toList());
        }
        SampleEstimate sample = SampleEstimate.of(
                period.get("total", Counter.plansDrawn),
                period.get("total", Counter.plansVisited),
                period.get("total", Counter.plansPassed),
                period.get("total", Counter.visitedJobs),
                period.get("total", Counter.seenJobs),
                period.get("total", Counter.unvisitedConfirmedJobs));
        Dashboard dashboard = new Dashboard(
                fiscalYear,
                fromMonth,
                toMonth,
                instant,
                past ? timeAxis.name().toLowerCase(Locale.ROOT) : null,
                total,
                months,
                breakdowns,
                sample,
                notes(total, instant));
        List<Breakdown> rows = new ArrayList<>();
        rows.add(new Breakdown("total", "", total));
        months.forEach(month -> rows.add(new Breakdown("month", String.valueOf(month.month()), month.figures())));
        breakdowns.values().forEach(rows::addAll);
        return CsvExport.answer(dashboard, rows, breakdownColumns(), export, "dashboard-" + fiscalYear);
    }

    record BankStanding(
            int rank,
            String bank,
            long quotaRials,
            long paidRials,
            Double absorptionPercent,
            long plans,
            long jobs,
            long verified,
            Double jobsPerBillionRials,
            Double verifiedPerBillionRials,
            Long medianDaysToFirstJob,
            boolean belowExpectation) {}

    @GetMapping("/api/dashboard/{fiscalYear}/banks")
    @Operation(
            summary = "Bank league table: quota, paid, absorption, plans, jobs registered and verified per "
                    + "billion rials paid, median days from grant to first job, rank by absorption; below expectation "
                    + "when absorption is under the threshold (rasad.league.below-expectation-percent, default 60)")
    ResponseEntity<?> banks(
            @PathVariable int fiscalYear,
            @RequestParam(defaultValue = "1") int fromMonth,
            @RequestParam(defaultValue = "12") int toMonth,
            @RequestParam(required = false) Double belowExpectationPercent,
            ExportOptions export) {
        year(fiscalYear);
        double threshold = belowExpectationPercent == null ? belowExpectation : belowExpectationPercent;
        if (threshold < 0 || threshold > 100) {
            throw new InvalidParameterException("belowExpectationPercent", "PERCENT_RANGE", "a percentage is 0 to 100");
        }
        Tally period = figures.period(fiscalYear, fromMonth, toMonth);
        Map<String, Long> quotas = new LinkedHashMap<>();
        for (Document quota : planning.quotasOf(fiscalYear)) {
            if ("BANK".equals(quota.getString("holderKind"))) {
                quotas.merge(
                        quota.getString("holder"),
                        quota.get("amountRials", Number.class).longValue(),
                        Long::sum);
            }
        }
        Set<String> banks = new TreeSet<>(period.codes("bank"));
        banks.addAll(quotas.keySet());
        List<BankStanding> unranked = banks.stream()
                .map(bank -> {
                    String slot = "bank." + bank;
                    long quota = quotas.getOrDefault(bank, 0L);
                    long paid = period.get(slot, Counter.paidRials);
                    Double absorption = Figures.percent(paid, quota);
                    return new BankStanding(
                            0,
                            bank,
                            quota,
                            paid,
                            absorption,
                            period.get(slot, Counter.plans),
                            period.get(slot, Counter.jobs),
                            period.get(slot, Counter.verified),
                            perBillion(period.get(slot, Counter.jobs), paid),
                            perBillion(period.get(slot, Counter.verified), paid),
                            Tally.median(period.histogram(slot, "firstJobDays")),
                            absorption != null && absorption < threshold);
                })
                .sorted(Comparator.comparing((BankStanding standing) ->
                                standing.absorptionPercent() == null ? -1 : standing.absorptionPercent())
                        .reversed()
                        .thenComparing(BankStanding::bank))
                .toList();
        List<BankStanding> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            BankStanding s = unranked.get(i);
            ranked.add(new BankStanding(
                    i + 1,
                    s.bank(),
                    s.quotaRials(),
                    s.paidRials(),
                    s.absorptionPercent(),
                    s.plans(),
                    s.jobs(),
                    s.verified(),
                    s.jobsPerBillionRials(),
                    s.verifiedPerBillionRials(),
                    s.medianDaysToFirstJob(),
                    s.belowExpectation()));
        }
        ReaderScope scope = scopes.current();
        if (scope.bank() != null) {
            // a bank sees where it stands, not the other banks' figures
            ranked.removeIf(standing -> !standing.bank().equals(scope.bank()));
        }
        Language language = export.language();
        return CsvExport.answer(
                ranked.stream()
                        .map(standing -> new Named<>(standing, names.names(language, "bank", "BANK", standing.bank())))
                        .toList(),
                ranked,
                List.of(
                        Column.number("رتبه", "Rank", BankStanding::rank),
                        Column.code("بانک عامل", "Bank", "BANK", BankStanding::bank),
                        Column.rials("سهمیه", "Quota", BankStanding::quotaRials),
                        Column.rials("پرداخت", "Paid", BankStanding::paidRials),
                        Column.number("درصد جذب", "Absorption %", BankStanding::absorptionPercent),
                        Column.number("طرح‌ها", "Plans", BankStanding::plans),
                        Column.number("اشتغال ثبت‌شده", "Jobs registered", BankStanding::jobs),
                        Column.number("اشتغال راستی‌آزمایی‌شده", "Jobs verified", BankStanding::verified),
                        Column.number(
                                "اشتغال به ازای هر میلیارد ریال",
                                "Jobs per bn rials",
                                BankStanding::jobsPerBillionRials),
                        Column.number(
                                "اشتغال تأییدشده به ازای هر میلیارد ریال",
                                "Verified per bn rials",
                                BankStanding::verifiedPerBillionRials),
                        Column.number(
                                "میانه روز تا اولین شغل",
                                "Median days to first job",
                                BankStanding::medianDaysToFirstJob),
                        Column.text("کمتر از انتظار", "Below expectation", BankStanding::belowExpectation)),
                export,
                "banks-" + fiscalYear,
                names);
    }

    record QuotaUsage(
            String holderKind,
            String holder,
            String programme,
            String fundingSource,
            long quotaRials,
            long paidRials,
            long remainingRials,
            Double usedPercent,
            long plans) {}

    @GetMapping("/api/dashboard/{fiscalYear}/quotas")
    @Operation(
            summary = "Quota usage per bank or institution, programme and funding source: quota, paid, "
                    + "remaining, used %, plans paid (e.g. Relief Committee under Note 16)")
    ResponseEntity<?> quotas(
            @PathVariable int fiscalYear, @RequestParam(required = false) String holderKind, ExportOptions export) {
        year(fiscalYear);
        if (holderKind != null && !Set.of("BANK", "AGENCY").contains(holderKind)) {
            throw new InvalidParameterException("holderKind", "ONE_OF", "holderKind is BANK or AGENCY");
        }
        Tally year = figures.period(fiscalYear, 1, 12);
        ReaderScope scope = scopes.current();
        List<QuotaUsage> usage = planning.quotasOf(fiscalYear).stream()
                .filter(quota -> holderKind == null || holderKind.equals(quota.getString("holderKind")))
                .filter(quota -> scope.coversHolder(quota.getString("holderKind"), quota.getString("holder")))
                .map(quota -> {
                    String slot = "quota." + quota.getString("holderKind") + ":" + quota.getString("holder") + ":"
                            + quota.getString("programme") + ":" + quota.getString("fundingSource");
                    long amount = quota.get("amountRials", Number.class).longValue();
                    long paid = year.get(slot, Counter.paidRials);
                    return new QuotaUsage(
                            quota.getString("holderKind"),
                            quota.getString("holder"),
                            quota.getString("programme"),
                            quota.getString("fundingSource"),
                            amount,
                            paid,
                            amount - paid,
                            Figures.percent(paid, amount),
                            year.get(slot, Counter.plans));
                })
                .toList();
        Language language = export.language();
        return CsvExport.answer(
                usage.stream()
                        .map(quota -> new Named<>(
                                quota,
                                names.names(
                                        language,
                                        "holder",
                                        quota.holderKind(),
                                        quota.holder(),
                                        "programme",
                                        "PROGRAMME",
                                        quota.programme(),
                                        "fundingSource",
                                        "FUNDING_SOURCE",
                                        quota.fundingSource())))
                        .toList(),
                usage,
                List.of(
                        Column.text("نوع دارنده", "Holder kind", QuotaUsage::holderKind),
                        Column.codeOfKind("دارنده سهمیه", "Holder", QuotaUsage::holderKind, QuotaUsage::holder),
                        Column.code("برنامه", "Programme", "PROGRAMME", QuotaUsage::programme),
                        Column.code("منبع", "Funding source", "FUNDING_SOURCE", QuotaUsage::fundingSource),
                        Column.rials("سهمیه", "Quota", QuotaUsage::quotaRials),
                        Column.rials("پرداخت", "Paid", QuotaUsage::paidRials),
                        Column.rials("مانده", "Remaining", QuotaUsage::remainingRials),
                        Column.number("درصد استفاده", "Used %", QuotaUsage::usedPercent),
                        Column.number("طرح‌ها", "Plans", QuotaUsage::plans)),
                export,
                "quotas-" + fiscalYear,
                names);
    }

    /** Targets by scope: {@code PROVINCE}, {@code AGENCY/<code>}, {@code PROGRAMME/<code>}. */
    private Map<String, Integer> targets(int fiscalYear) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (Document target : planning.targetsOf(fiscalYear)) {
            String scope = target.getString("scopeKind");
            int jobs = target.getInteger("jobs");
            targets.merge(
                    "PROVINCE".equals(scope) ? scope : scope + "/" + target.getString("scopeCode"), jobs, Integer::sum);
        }
        return targets;
    }

    private static Double perBillion(long count, long rials) {
        return rials == 0 ? null : Math.round(count * 1e9 * 100 / rials) / 100.0;
    }

    private static void year(int fiscalYear) {
        InvalidParameterException.reading("fiscalYear", () -> FiscalYear.of(fiscalYear));
    }

    private static List<Column<Breakdown>> breakdownColumns() {
        List<Column<Breakdown>> columns = new ArrayList<>();
        columns.add(Column.text("تفکیک", "Breakdown", Breakdown::breakdown));
        columns.add(Column.text("کد", "Code", Breakdown::code));
        columns.add(Column.text("نام", "Name (fa)", Breakdown::nameFa));
        columns.add(Column.text("نام لاتین", "Name (en)", Breakdown::nameEn));
        columns.add(Column.number("طرح‌ها", "Plans", row -> row.figures().plans()));
        columns.add(Column.rials("مبلغ مصوب", "Granted", row -> row.figures().grantedRials()));
        columns.add(Column.rials("پرداخت", "Paid", row -> row.figures().paidRials()));
        columns.add(Column.number("تعهد اشتغال", "Target", row -> row.figures().targetJobs()));
        columns.add(Column.number(
                "اشتغال ثبت‌شده", "Jobs registered", row -> row.figures().jobs()));
        columns.add(
                Column.number("درصد تحقق", "Achievement %", row -> row.figures().achievementPercent()));
        columns.add(Column.number("معادل تمام‌وقت", "FTE", row -> row.figures().fte()));
        columns.add(Column.number(
                "تأیید پیامکی", "SMS confirmed", row -> row.figures().smsConfirmed()));
        columns.add(Column.number(
                "تأیید تلفنی", "Phone confirmed", row -> row.figures().phoneConfirmed()));
        columns.add(Column.number(
                "دیده‌شده در بازدید",
                "Seen on field visits",
                row -> row.figures().seenJobs()));
        columns.add(Column.number(
                "راستی‌آزمایی‌شده", "Verified", row -> row.figures().verified()));
        columns.add(Column.number("پایدار", "Sustainable", row -> row.figures().sustainable()));
        columns.add(Column.number(
                "معادل تمام‌وقت پایدار", "Sustainable FTE", row -> row.figures().fteSustainable()));
        columns.add(Column.number(
                "انحراف تأییدشده", "Diversions confirmed", row -> row.figures().diversionsConfirmed()));
        return columns;
    }
}
