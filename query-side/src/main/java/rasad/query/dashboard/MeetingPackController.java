package rasad.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.query.dashboard.DashboardController.BankStanding;
import rasad.query.dashboard.DashboardController.Dashboard;
import rasad.query.dashboard.DashboardController.QuotaUsage;
import rasad.query.documents.PdfDocuments;
import rasad.query.export.ExportOptions;
import rasad.query.referencedata.Named;

/**
 * The committee's meeting pack for a month: the dashboard's figures, the league table and the quota usage of the
 * year so far, as one PDF to print or send ahead of the meeting. The figures are the very answers of the dashboard
 * reads (asked in Persian, amounts in rials), so the pack and the pages never disagree, and the reader's scope
 * (a bank sees its own) holds in the pack too.
 */
@RestController
class MeetingPackController {

    private final DashboardController dashboards;
    private final PdfDocuments pdfs;
    private final Clock clock;

    MeetingPackController(DashboardController dashboards, PdfDocuments pdfs, Clock clock) {
        this.dashboards = dashboards;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @GetMapping(value = "/api/dashboard/{fiscalYear}/meeting-pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The committee's meeting pack for months 1 to toMonth, as PDF: the province against its "
                    + "target (registered, verified per stage, sustainable), by agency, programme and county, the "
                    + "bank league table and quota usage; Persian, with English beside the headings")
    ResponseEntity<byte[]> pack(
            @PathVariable int fiscalYear,
            @Parameter(description = "1 = Farvardin … 12 = Esfand") @RequestParam(defaultValue = "12") int toMonth) {
        if (toMonth < 1 || toMonth > 12) {
            throw new InvalidParameterException("toMonth", "MONTH_RANGE", "a month is 1 (Farvardin) to 12 (Esfand)");
        }
        ExportOptions persian = new ExportOptions("json", "fa", "rials");
        Dashboard dashboard = (Dashboard) dashboards
                .dashboard(fiscalYear, 1, toMonth, null, "recorded", persian)
                .getBody();
        List<Named<BankStanding>> league =
                cast(dashboards.banks(fiscalYear, 1, toMonth, null, persian).getBody());
        List<Named<QuotaUsage>> quotas =
                cast(dashboards.quotas(fiscalYear, null, persian).getBody());
        byte[] pdf = pdfs.render(
                MeetingPackHtml.of(dashboard, league, quotas, clock.instant()),
                "the meeting pack of " + fiscalYear + ", months 1 to " + toMonth);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("meeting-pack-" + fiscalYear + "-" + toMonth + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @SuppressWarnings("unchecked") // the dashboard's JSON answers are these lists: see its banks and quotas reads
    private static <T> List<Named<T>> cast(Object answer) {
        return (List<Named<T>>) answer;
    }
}
