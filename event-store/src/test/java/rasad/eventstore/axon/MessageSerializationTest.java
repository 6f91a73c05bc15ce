package rasad.eventstore.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.place.Workplace;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;

class MessageSerializationTest {

    private final Serializer serializer = MessageSerialization.jacksonSerializer();

    @Test
    void an_event_is_stored_as_readable_json_with_its_revision_and_read_back_equal() {
        FacilityGranted granted = new FacilityGranted(
                FacilityId.of("f-0001"),
                new Beneficiary(NationalId.of("0499370899"), PersonName.of("مریم احمدی")),
                ProgrammeCode.of("HOME_BUSINESS"),
                BankCode.of("bank-melli"),
                AgencyCode.of("relief-committee"),
                CountyCode.of("tabriz"),
                Rials.of(3_000_000_000L),
                CommittedJobs.of(2),
                LocalDate.of(2025, 5, 1),
                new BeneficiaryProfile(BeneficiaryProfile.Gender.FEMALE, false, true, "09141234567"),
                new Workplace("Osku, Main St. 12", new GeoPoint(37.9156, 46.1239)),
                "melli-osku",
                "note-16-1403",
                null);

        SerializedObject<String> stored = serializer.serialize(granted, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(stored.getData())
                .contains("\"gender\":\"FEMALE\"", "\"latitude\":37.9156", "\"fundingSource\":\"note-16-1403\"");
        assertThat(stored.getData())
                .contains(
                        "\"nationalId\":\"0499370899\"",
                        "\"name\":\"مریم احمدی\"",
                        "\"grantedOn\":\"2025-05-01\"",
                        "\"amount\":3000000000");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(granted);
    }

    @Test
    void tracking_tokens_survive_the_token_store_round_trip() {
        TrackingToken mongo = MongoTrackingToken.of(Instant.parse("2026-01-01T00:00:00Z"), "event-1");
        TrackingToken global = new GlobalSequenceTrackingToken(41);
        TrackingToken replay = ReplayToken.createReplayToken(global);

        for (TrackingToken token : new TrackingToken[] {mongo, global, replay}) {
            SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(token);
        }
    }
}
