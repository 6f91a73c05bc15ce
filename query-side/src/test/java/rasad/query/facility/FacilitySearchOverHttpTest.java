package rasad.query.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given beneficiaries named as clerks type them, in Arabic or Persian letters, when someone looks a case up by
 * national id or name, then it is found however it is typed, each search by national id is logged once, and a
 * parameter the list does not take is refused by name instead of answering every facility.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilitySearchOverHttpTest extends AlertsApiTest {

    @Autowired
    MongoDatabase database;

    @BeforeAll
    void twoBeneficiaries() {
        // typed with an Arabic kaf and ye, and a zero-width non-joiner
        grant("search-1", "0084575948", "علي كريمي\u200cنژاد", "ahar");
        grant("search-2", "0499370899", "مریم احمدی", "ahar");
        awaitProjected();
    }

    @Test
    void a_name_is_found_however_its_letters_and_spaces_are_typed() {
        assertThat(facilityIds(search("manager", "county=ahar&name=" + encoded("کریمی نژاد"))))
                .containsExactly("search-1");
        assertThat(facilityIds(search("manager", "county=ahar&name=" + encoded("كريمي"))))
                .containsExactly("search-1");
        assertThat(facilityIds(search("manager", "county=ahar&name=" + encoded("احمدي"))))
                .containsExactly("search-2");
    }

    @Test
    void a_national_id_typed_in_persian_digits_finds_its_case_and_the_search_is_logged_once() {
        long before = database.getCollection("personal_data_access").countDocuments();

        Response found = search("agency-clerk", "nationalId=" + encoded("۰۰۸۴-۵۷۵۹۴۸"));

        assertThat(facilityIds(found)).containsExactly("search-1");
        assertThat(found.json().at("/items/0/beneficiary/nationalId").asText()).isEqualTo("********48");
        List<Document> logged = database.getCollection("personal_data_access")
                .find()
                .skip((int) before)
                .into(new ArrayList<>());
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getString("user")).isEqualTo("agency-clerk");
    }

    @Test
    void the_committee_reads_amounts_in_billions_of_tomans() {
        Response csv = search("manager", "nationalId=0499370899&county=ahar&format=csv&currency=bn-tomans&lang=fa");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("مبلغ مصوب (میلیارد تومان)").contains(",0.300,");
    }

    @Test
    void an_unknown_parameter_or_a_malformed_national_id_is_refused_naming_it() {
        Response misspelt = search("manager", "nationalID=0084575948");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().at("/errors/0/field").asText()).isEqualTo("nationalID");
        assertThat(misspelt.json().at("/errors/0/rule").asText()).isEqualTo("UNKNOWN_PARAMETER");

        Response malformed = search("manager", "nationalId=12345");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asText()).isEqualTo("nationalId");

        assertThat(search("manager", "status=SOLD").json().at("/errors/0/rule").asText())
                .isEqualTo("UNKNOWN_STATUS");
    }

    private Response search(String user, String query) {
        return get(user, "/api/facilities?" + query);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> facilityIds(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("facilityId").asText()));
        return ids;
    }

    private void grant(String facilityId, String nationalId, String name, String county) {
        publish(
                "Facility",
                facilityId,
                GrantedFacilities.granted(facilityId, nationalId, name, county, null, null),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
    }
}
