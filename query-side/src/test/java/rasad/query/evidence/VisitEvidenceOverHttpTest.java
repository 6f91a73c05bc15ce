package rasad.query.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.verification.FieldVisitRecorded;
import rasad.query.GrantedFacilities;
import rasad.query.alerts.AlertsApiTest;

/**
 * Given a visit recorded with a photo, when the auditor opens the case, then the visit shows where the
 * inspector stood (and how far from the workplace), what was found and each job seen or not; the photo is
 * readable by the inspector who took it, managers and auditors — each reading logged — and by no one else, and
 * a photo altered in the store is refused, not shown.
 */
class VisitEvidenceOverHttpTest extends AlertsApiTest {

    @Autowired
    MongoDatabase database;

    @Test
    void the_case_shows_each_visit_and_its_photo_is_read_by_those_allowed_and_checked_against_its_hash()
            throws Exception {
        byte[] photo = "a photo of the workshop".getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        GridFSBuckets.create(database, "evidence")
                .uploadFromStream(
                        new BsonString(sha),
                        sha,
                        new ByteArrayInputStream(photo),
                        new GridFSUploadOptions()
                                .metadata(new Document("contentType", "image/jpeg").append("uploadedBy", "inspector")));
        publish(
                "Facility",
                "ev-case",
                GrantedFacilities.granted(
                        "ev-case", "0499370899", "مریم احمدی", "marand", null, new GeoPoint(38.4329, 45.7749)),
                Instant.now(),
                "bank-officer",
                "bank-officer",
                "bank-melli");
        publish(
                "FieldVisit",
                "ev-visit.1",
                new FieldVisitRecorded(
                        "ev-visit.1",
                        FacilityId.of("ev-case"),
                        Instant.parse("2025-07-01T07:45:00Z"),
                        new GeoPoint(38.4329, 45.8249),
                        8,
                        true,
                        Map.of("j-1", true, "j-2", false),
                        true,
                        List.of(sha),
                        "j-2 was not at work"),
                Instant.now(),
                "inspector",
                "inspector",
                "east-azerbaijan-field-inspection");
        awaitProjected();

        Response theCase = get("auditor", "/api/facilities/ev-case");
        assertThat(theCase.status()).as(theCase.body()).isEqualTo(200);
        JsonNode visit = theCase.json().at("/visits/0");
        assertThat(visit.get("visitId").asText()).isEqualTo("ev-visit.1");
        assertThat(visit.get("accuracyMetres").asDouble()).isEqualTo(8.0);
        assertThat(visit.get("metresFromWorkplace").asLong())
                .as("0.05° of longitude at 38.4° N")
                .isBetween(4_300L, 4_400L);
        assertThat(visit.at("/jobsSeen/j-2").asBoolean()).isFalse();
        assertThat(visit.get("recordedBy").asText()).isEqualTo("inspector");
        assertThat(visit.at("/photos/0/href").asText()).isEqualTo("/api/evidence/" + sha);

        long logged = database.getCollection("personal_data_access").countDocuments(Filters.eq("evidence", sha));
        Response byTheInspector = get("inspector", "/api/evidence/" + sha);
        assertThat(byTheInspector.status()).isEqualTo(200);
        assertThat(byTheInspector.body()).isEqualTo("a photo of the workshop");
        assertThat(byTheInspector.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(get("manager", "/api/evidence/" + sha).status()).isEqualTo(200);
        assertThat(database.getCollection("personal_data_access").countDocuments(Filters.eq("evidence", sha)))
                .isEqualTo(logged + 2);
        assertThat(get("inspector-ahar", "/api/evidence/" + sha).status())
                .as("not theirs")
                .isEqualTo(403);
        assertThat(get("bank-officer", "/api/evidence/" + sha).status()).isEqualTo(403);
        assertThat(get("auditor", "/api/evidence/not-a-hash")
                        .json()
                        .at("/errors/0/field")
                        .asText())
                .isEqualTo("sha256");
        assertThat(get("auditor", "/api/evidence/" + "0".repeat(64)).status()).isEqualTo(404);

        database.getCollection("evidence.chunks")
                .updateOne(
                        Filters.eq("files_id", new BsonString(sha)),
                        Updates.set("data", new Binary("a photo of somewhere else".getBytes(StandardCharsets.UTF_8))));
        Response altered = get("auditor", "/api/evidence/" + sha);
        assertThat(altered.status()).isEqualTo(409);
        assertThat(altered.json().get("rule").asText()).isEqualTo("EVIDENCE_ALTERED");
    }
}
