package rasad.query.committee;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.calendar.FiscalYear;
import rasad.query.dashboard.DashboardFigures;
import rasad.query.dashboard.Figures;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.Named;
import rasad.query.referencedata.ReferenceNames;

/** The committee's approvals of a fiscal year and how far each has gone: paid, jobs created, jobs verified. */
@RestController
class ApprovalsProgressController {

    private final MongoDatabase database;
    private final DashboardFigures figures;
    private final ReferenceNames names;

    ApprovalsProgressController(MongoDatabase database, DashboardFigures figures, ReferenceNames names) {
        this.database = database;
        this.figures = figures;
        this.names = names;
    }

    record PlanProgress(
            String planId,
            String sessionId,
            LocalDate heldOn,
            String title,
            String programme,
            String county,
            long amountRials,
            int committedJobs,
            String financedBy,
            long paidRials,
            Double paidPercent,
            long jobs,
            long verified,
            long sustainable,
            Double jobsPercentOfCommitted) {}

    record Approvals(
            int fiscalYear,
            int plans,
            long approvedRials,
            long paidRials,
            int plansFinanced,
            long committedJobs,
            long jobs,
            long verified,
            List<Named<PlanProgress>> items) {}

    @GetMapping("/api/committee-approvals")
    @Operation(
            summary = "The committee's approved plans of a fiscal year (by session date) with each plan's progress: "
                    + "financed by which facility, paid, jobs registered, verified and sustainable")
    ResponseEntity<?> approvals(@RequestParam int fiscalYear, ExportOptions export) {
        FiscalYear year = InvalidParameterException.reading("fiscalYear", () -> FiscalYear.of(fiscalYear));
        List<Document> approved = database.getCollection(ApprovedPlansQueryController.COLLECTION)
                .find(and(
                        gte("heldOn", year.firstDay().toString()),
                        lte("heldOn", year.lastDay().toString())))
                .sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
        Map<String, DashboardFigures.PlanProgress> progress = figures.planProgress(
                approved.stream().map(plan -> plan.getString("_id")).toList());
        List<PlanProgress> items = approved.stream()
                .map(plan -> {
                    DashboardFigures.PlanProgress done = progress.get(plan.getString("_id"));
                    long amount = plan.get("amountRials", Number.class).longValue();
                    int committed = plan.getInteger("committedJobs");
                    return new PlanProgress(
                            plan.getString("_id"),
                            plan.getString("sessionId"),
                            LocalDate.parse(plan.getString("heldOn")),
                            plan.getString("title"),
                            plan.getString("programme"),
                            plan.getString("county"),
                            amount,
                            committed,
                            plan.getString("financedBy"),
                            done.paidRials(),
                            Figures.percent(done.paidRials(), amount),
                            done.jobs(),
                            done.verified(),
                            done.sustainable(),
                            Figures.percent(done.jobs(), committed));
                })
                .toList();
        Approvals answer = new Approvals(
                fiscalYear,
                items.size(),
                items.stream().mapToLong(PlanProgress::amountRials).sum(),
                items.stream().mapToLong(PlanProgress::paidRials).sum(),
                (int) items.stream().filter(item -> item.financedBy() != null).count(),
                items.stream().mapToLong(PlanProgress::committedJobs).sum(),
                items.stream().mapToLong(PlanProgress::jobs).sum(),
                items.stream().mapToLong(PlanProgress::verified).sum(),
                items.stream().map(item -> named(item, export.language())).toList());
        return CsvExport.answer(
                answer,
                items,
                List.of(
                        Column.text("طرح", "Plan", PlanProgress::planId),
                        Column.text("جلسه", "Session", PlanProgress::sessionId),
                        Column.date("تاریخ جلسه", "Held on", PlanProgress::heldOn),
                        Column.text("عنوان", "Title", PlanProgress::title),
                        Column.code("برنامه", "Programme", "PROGRAMME", PlanProgress::programme),
                        Column.code("شهرستان", "County", "COUNTY", PlanProgress::county),
                        Column.rials("مبلغ مصوب", "Approved", PlanProgress::amountRials),
                        Column.number("تعهد اشتغال", "Committed jobs", PlanProgress::committedJobs),
                        Column.text("تسهیلات", "Financed by", PlanProgress::financedBy),
                        Column.rials("پرداخت", "Paid", PlanProgress::paidRials),
                        Column.number("اشتغال ثبت‌شده", "Jobs registered", PlanProgress::jobs),
                        Column.number("راستی‌آزمایی‌شده", "Verified", PlanProgress::verified),
                        Column.number("پایدار", "Sustainable", PlanProgress::sustainable)),
                export,
                "approvals-" + fiscalYear,
                names);
    }

    private Named<PlanProgress> named(PlanProgress plan, Language language) {
        return new Named<>(
                plan,
                names.names(language, "programme", "PROGRAMME", plan.programme(), "county", "COUNTY", plan.county()));
    }
}
