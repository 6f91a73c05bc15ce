package rasad.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import rasad.kernel.place.GeoPoint;

/** The demo province has places: an inspector can find each workplace, and rule R7 has visits to find. */
class DemoPlacesTest {

    private final DemoProvince tenth = DemoProvince.of(0.1, LocalDate.of(2026, 2, 1));

    @Test
    void every_facility_has_a_workplace_near_its_county_seat_and_a_mobile() {
        GeoPoint tabriz = new GeoPoint(38.0800, 46.2919);
        for (DemoProvince.Facility facility : tenth.facilities()) {
            DemoPlaces.Place workplace = DemoPlaces.workplace(facility);
            GeoPoint at = new GeoPoint(workplace.latitude(), workplace.longitude());
            assertThat(workplace.address()).isNotBlank();
            assertThat(DemoPlaces.mobile(facility)).matches("0914\\d{7}");
            // East Azerbaijan lies within about 250 km of Tabriz
            assertThat(at.metresTo(tabriz)).isLessThan(250_000);
        }
        assertThat(DemoPlaces.workplace(tenth.facilities().get(0)))
                .as("the same facility, the same place, on every load")
                .isEqualTo(DemoPlaces.workplace(tenth.facilities().get(0)));
    }

    @Test
    void visits_are_recorded_at_the_workplace_except_a_few_planted_far_away_for_rule_r7() {
        List<DemoProvince.Facility> visited = tenth.facilities().stream()
                .filter(f -> f.visit() != null && f.visit().visited())
                .toList();
        long far = 0;
        for (DemoProvince.Facility facility : visited) {
            DemoPlaces.Place workplace = DemoPlaces.workplace(facility);
            DemoPlaces.Place stood = DemoPlaces.visitPoint(facility);
            double metres = new GeoPoint(workplace.latitude(), workplace.longitude())
                    .metresTo(new GeoPoint(stood.latitude(), stood.longitude()));
            if (DemoPlaces.plantedFarVisit(facility)) {
                far++;
                assertThat(metres).as("beyond R7's 500 m").isGreaterThan(5_000);
            } else {
                assertThat(metres).isLessThan(60);
            }
        }
        assertThat(visited).isNotEmpty();
        assertThat(far).as("planted far visits among " + visited.size()).isPositive();
    }
}
