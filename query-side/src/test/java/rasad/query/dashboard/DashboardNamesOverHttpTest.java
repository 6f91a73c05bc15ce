package rasad.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import rasad.kernel.referencedata.LocalizedName;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given a county named in reference data, when a manager reads the dashboard, then its breakdown row carries
 * the county's Persian and English names beside the code, in JSON and in the Persian CSV.
 */
class DashboardNamesOverHttpTest extends AlertsApiTest {

    @Test
    void a_breakdown_row_shows_the_reference_data_names_beside_its_code() {
        publish(
                "ReferenceEntry",
                "COUNTY/names-county",
                new ReferenceEntryAdded(
                        new ReferenceEntryId(ReferenceKind.COUNTY, "names-county"),
                        new LocalizedName("کلیبر", "Kaleybar"),
                        null,
                        null),
                Instant.now(),
                "admin",
                "admin",
                "rasad-operations");
        publish(
                "Facility",
                "names-f",
                GrantedFacilities.granted("names-f", "0499370899", "مریم احمدی", "names-county", null, null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        awaitProjected();

        Response dashboard = get("manager", "/api/dashboard/1404");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode county : dashboard.json().at("/breakdowns/county")) {
            if (county.get("code").asText().equals("names-county")) {
                row = county;
            }
        }
        assertThat(row).as(dashboard.body()).isNotNull();
        assertThat(row.get("nameFa").asText()).isEqualTo("کلیبر");
        assertThat(row.get("nameEn").asText()).isEqualTo("Kaleybar");
        assertThat(get("manager", "/api/dashboard/1404?format=csv&lang=fa").body())
                .contains("names-county,کلیبر,Kaleybar");
    }
}
