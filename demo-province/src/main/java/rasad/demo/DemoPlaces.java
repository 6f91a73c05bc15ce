package rasad.demo;

import java.util.Map;

/**
 * Where the demo province's businesses are, and how to reach their beneficiaries: a workplace within a few
 * kilometres of its county's seat (real coordinates of East Azerbaijan's county seats), an address, a mobile;
 * and where the inspector stood — at the workplace, except for a few planted visits recorded kilometres away, so
 * that rule R7 (a visit far from the workplace) has something to find. All derived from the facility id, so a
 * reload sends the same.
 */
public final class DemoPlaces {

    /** A point and how it is written on an envelope. */
    public record Place(String address, double latitude, double longitude) {}

    private static final Map<String, double[]> COUNTY_SEATS = Map.ofEntries(
            Map.entry("tabriz", new double[] {38.0800, 46.2919}),
            Map.entry("maragheh", new double[] {37.3917, 46.2397}),
            Map.entry("marand", new double[] {38.4329, 45.7749}),
            Map.entry("mianeh", new double[] {37.4211, 47.7150}),
            Map.entry("ahar", new double[] {38.4774, 47.0699}),
            Map.entry("sarab", new double[] {37.9408, 47.5367}),
            Map.entry("bonab", new double[] {37.3404, 46.0561}),
            Map.entry("shabestar", new double[] {38.1803, 45.7028}),
            Map.entry("azarshahr", new double[] {37.7589, 45.9783}),
            Map.entry("ajabshir", new double[] {37.4775, 45.8942}),
            Map.entry("malekan", new double[] {37.1456, 46.1031}),
            Map.entry("hashtrud", new double[] {37.4779, 47.0508}),
            Map.entry("kaleybar", new double[] {38.8694, 47.0356}),
            Map.entry("jolfa", new double[] {38.9405, 45.6308}),
            Map.entry("osku", new double[] {37.9158, 46.1236}),
            Map.entry("bostanabad", new double[] {37.8500, 46.8350}),
            Map.entry("heris", new double[] {38.2481, 47.1164}),
            Map.entry("varzaqan", new double[] {38.5097, 46.6544}),
            Map.entry("charuymaq", new double[] {37.1280, 47.0307}),
            Map.entry("khoda-afarin", new double[] {39.1485, 46.9452}));

    /** About one degree of latitude in metres; a degree of longitude here is about 0.79 of it. */
    private static final double METRES_PER_DEGREE = 111_320;

    private static final String[] STREETS = {"امام", "آزادی", "شهید بهشتی", "طالقانی", "ولیعصر", "جمهوری", "شریعتی"};

    private DemoPlaces() {}

    /** The workplace: up to about 3 km from the county seat. */
    public static Place workplace(DemoProvince.Facility facility) {
        double[] seat = COUNTY_SEATS.getOrDefault(facility.county(), COUNTY_SEATS.get("tabriz"));
        int h = DemoProvinceShape.mix(facility.facilityId().hashCode());
        double north = ((h % 6001) - 3000) / METRES_PER_DEGREE;
        double east = (((h >>> 13) % 6001) - 3000) / (METRES_PER_DEGREE * 0.79);
        String street = STREETS[(h >>> 7) % STREETS.length];
        String address = "خیابان " + street + "، کوچه " + (1 + (h >>> 3) % 40) + "، پلاک " + (1 + (h >>> 9) % 120);
        return new Place(address, round(seat[0] + north), round(seat[1] + east));
    }

    public static String mobile(DemoProvince.Facility facility) {
        int h = DemoProvinceShape.mix(facility.facilityId().hashCode() ^ 0x5bd1e995);
        return String.format("0914%07d", h % 10_000_000);
    }

    /** Whether this visit is one of the planted ones, recorded far from the workplace (about one in 25). */
    public static boolean plantedFarVisit(DemoProvince.Facility facility) {
        return DemoProvinceShape.mix(facility.facilityId().hashCode() ^ 0x27d4eb2d) % 25 == 0;
    }

    /** Where the inspector stood: within 40 m of the workplace, or about 6 km north-east for a planted visit. */
    public static Place visitPoint(DemoProvince.Facility facility) {
        Place workplace = workplace(facility);
        if (plantedFarVisit(facility)) {
            return new Place(
                    workplace.address(),
                    round(workplace.latitude() + 4_200 / METRES_PER_DEGREE),
                    round(workplace.longitude() + 4_200 / (METRES_PER_DEGREE * 0.79)));
        }
        int h = DemoProvinceShape.mix(facility.facilityId().hashCode() ^ 0x1b873593);
        return new Place(
                workplace.address(),
                round(workplace.latitude() + ((h % 61) - 30) / METRES_PER_DEGREE),
                round(workplace.longitude() + (((h >>> 8) % 61) - 30) / (METRES_PER_DEGREE * 0.79)));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }
}
