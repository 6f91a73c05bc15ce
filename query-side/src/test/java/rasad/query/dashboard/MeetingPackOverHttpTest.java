package rasad.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.money.Rials;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaSet;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given a facility and a bank's quota, when a manager asks for the month's meeting pack, then a PDF of the
 * dashboard's own figures: the province against its target, the breakdowns, the league table and the quotas.
 */
class MeetingPackOverHttpTest extends AlertsApiTest {

    @Test
    void the_meeting_pack_is_a_pdf_of_the_months_figures() throws IOException {
        // given
        publish(
                "Facility",
                "pack-f",
                GrantedFacilities.granted("pack-f", "0499370899", "مریم احمدی", "pack-county", null, null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        QuotaId quota = new QuotaId(
                FiscalYear.of(1404),
                QuotaId.HolderKind.BANK,
                "pack-bank",
                ProgrammeCode.of("PACK_PROGRAMME"),
                "pack-source");
        publish(
                "Quota",
                quota.toString(),
                new QuotaSet(quota, Rials.of(20_000_000_000L), "pack test"),
                Instant.now(),
                "manager",
                "manager",
                "employment-committee");
        awaitProjected();

        // when
        HttpResponse<byte[]> pack = download("manager", "/api/dashboard/1404/meeting-pack.pdf?toMonth=5");

        // then
        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pack.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("meeting-pack-1404-5.pdf"));
        try (PDDocument document = Loader.loadPDF(pack.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Provincial employment committee: meeting pack, fiscal year 1404, months 1 to 5",
                            "The province against its target",
                            "By agency",
                            "By county",
                            "Bank league table",
                            "Quota usage, Note 16 among them",
                            "pack-county",
                            "pack-bank",
                            "bank-melli")
                    .doesNotContain("\uFFFD");
        }
    }

    @Test
    void a_month_out_of_the_year_is_refused_naming_the_parameter() {
        Response refused = get("manager", "/api/dashboard/1404/meeting-pack.pdf?toMonth=13");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("toMonth").contains("MONTH_RANGE");
    }
}
