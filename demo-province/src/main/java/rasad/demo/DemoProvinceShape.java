package rasad.demo;

import static rasad.demo.DemoProvince.BN_TOMANS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rasad.kernel.people.NationalId;

/**
 * Builds {@link DemoProvince}: the report's totals, scaled, spread over agencies, programmes, counties, banks
 * and people by fixed patterns (no randomness: the same scale and day give the same province).
 */
final class DemoProvinceShape {

    static final int JOBS = 48_583;
    static final int TARGET = 45_794;
    static final int HOME_BUSINESS_PLANS = 2_089;
    static final long HOME_BUSINESS_PAID = 121 * BN_TOMANS;
    static final int RURAL_PLANS = 173;
    static final long RURAL_APPROVED = 280 * BN_TOMANS;
    static final long RELIEF_QUOTA = 1_000 * BN_TOMANS;
    static final long RELIEF_PAID = 865 * BN_TOMANS;
    static final long WELFARE_QUOTA = 505 * BN_TOMANS;
    static final long WELFARE_PAID = 272 * BN_TOMANS;
    /** Average Note 16 loan, about 150 m tomans: how many plans the institutions' payments make. */
    static final long NOTE_16_AVERAGE = 1_500_000_000L;

    static final int PLANTED_DIVERSIONS = 12;
    static final int PLANTED_ATTEMPTS = 6;

    static final String NOTE_16 = "note-16-1404";
    static final String REPAYMENTS = "repayment-resources-1404";
    static final String NDF = "ndf-1404";
    static final String BANK_OWN = "bank-own-1404";
    static final String HORIZON_6_MONTHS = "PT4368H"; // P182D, as FollowUpRequested names it
    static final String HORIZON_12_MONTHS = "PT8760H"; // P365D

    private static final String[][] PROGRAMMES = {
        {"HOME_BUSINESS", "مشاغل خانگی", "Home business"},
        {"RURAL_SUSTAINABLE", "اشتغال پایدار روستایی", "Rural sustainable employment"},
        {"SUPPORT_INSTITUTIONS", "نهادهای حمایتی (تبصره ۱۶)", "Support institutions (Note 16)"},
        {"COOPERATIVE", "تعاونی", "Cooperatives"},
        {"DIGITAL_ECONOMY", "اقتصاد دیجیتال", "Digital economy"},
        {"GENERAL", "عمومی", "General"}
    };
    private static final String[][] AGENCIES = {
        {"relief-committee", "کمیته امداد امام خمینی", "Imam Khomeini Relief Committee"},
        {"welfare-organization", "سازمان بهزیستی", "Welfare Organization"},
        {"cooperatives-labour", "اداره کل تعاون، کار و رفاه اجتماعی", "Cooperatives, Labour and Social Welfare"},
        {"agriculture-jihad", "سازمان جهاد کشاورزی", "Agriculture Jihad"},
        {"cultural-heritage", "میراث فرهنگی، گردشگری و صنایع دستی", "Cultural Heritage, Tourism and Handicrafts"}
    };
    /** Banks, with the share of their quota each pays: two far below expectation. */
    private static final String[][] BANKS = {
        {"bank-melli", "بانک ملی", "Bank Melli", "0.96"},
        {"bank-sepah", "بانک سپه", "Bank Sepah", "0.91"},
        {"bank-keshavarzi", "بانک کشاورزی", "Bank Keshavarzi", "0.94"},
        {"post-bank", "پست بانک", "Post Bank", "0.88"},
        {"bank-tejarat", "بانک تجارت", "Bank Tejarat", "0.79"},
        {"bank-saderat", "بانک صادرات", "Bank Saderat", "0.83"},
        {"bank-mellat", "بانک ملت", "Bank Mellat", "0.74"},
        {"refah-bank", "بانک رفاه کارگران", "Refah Bank", "0.32"},
        {"bank-maskan", "بانک مسکن", "Bank Maskan", "0.27"},
        {"tose-taavon", "بانک توسعه تعاون", "Tose'e Ta'avon Bank", "0.97"}
    };
    /** Counties, Tabriz first and largest (weights roughly by population). */
    private static final String[][] COUNTIES = {
        {"tabriz", "تبریز", "12"},
        {"maragheh", "مراغه", "3"},
        {"marand", "مرند", "3"},
        {"mianeh", "میانه", "3"},
        {"ahar", "اهر", "2"},
        {"sarab", "سراب", "2"},
        {"bonab", "بناب", "2"},
        {"shabestar", "شبستر", "2"},
        {"azarshahr", "آذرشهر", "1"},
        {"ajabshir", "عجب‌شیر", "1"},
        {"malekan", "ملکان", "1"},
        {"hashtrud", "هشترود", "1"},
        {"kaleybar", "کلیبر", "1"},
        {"jolfa", "جلفا", "1"},
        {"osku", "اسکو", "1"},
        {"bostanabad", "بستان‌آباد", "1"},
        {"heris", "هریس", "1"},
        {"varzaqan", "ورزقان", "1"},
        {"charuymaq", "چاراویماق", "1"},
        {"khoda-afarin", "خداآفرین", "1"}
    };

    private static final String[] OCCUPATIONS = {
        "tailor",
        "carpet weaver",
        "beekeeper",
        "baker",
        "welder",
        "greenhouse worker",
        "dairy farmer",
        "web developer",
        "handicraft maker",
        "mechanic",
        "shepherd",
        "confectioner"
    };
    private static final String[] FIRST_NAMES = {
        "Maryam", "Ali", "Zahra", "Reza", "Fatemeh", "Hossein", "Leila", "Mehdi", "Sakineh", "Yousef", "Parisa", "Akbar"
    };
    private static final String[] LAST_NAMES = {
        "Ahmadi", "Rezaei", "Mohammadi", "Hosseini", "Azari", "Tabrizi", "Jafari", "Sadeghi", "Karimi", "Nazari"
    };

    private final double scale;
    private final LocalDate today;
    private final List<String> countyWheel = new ArrayList<>();
    private int people;
    private int jobSerial;

    DemoProvinceShape(double scale, LocalDate today) {
        if (!(scale > 0 && scale <= 1.0)) {
            throw new IllegalArgumentException("the scale is above 0 and at most 1.0, not " + scale);
        }
        this.scale = scale;
        this.today = today;
        for (String[] county : COUNTIES) {
            for (int i = 0; i < Integer.parseInt(county[2]); i++) {
                countyWheel.add(county[0]);
            }
        }
    }

    DemoProvince build() {
        int totalJobs = count(JOBS);
        List<DemoProvince.Facility> facilities = new ArrayList<>();
        int[] jobsLeft = {totalJobs};

        // Home business: 2,089 plans, 121 bn tomans, one or two jobs each, introduced by four agencies.
        long[] homeAmounts = split(amount(HOME_BUSINESS_PAID), count(HOME_BUSINESS_PLANS));
        String[] homeAgencies = {"cultural-heritage", "relief-committee", "cooperatives-labour", "welfare-organization"
        };
        for (int i = 0; i < homeAmounts.length; i++) {
            facilities.add(
                    facility("HOME_BUSINESS", homeAgencies[i % 4], NDF, null, homeAmounts[i], 1 + i % 2, i, jobsLeft));
        }
        // Note 16: what the Relief Committee and the Welfare Organization paid under their quotas.
        long reliefPaid = amount(RELIEF_PAID);
        long[] relief = split(reliefPaid, Math.max(1, (int) (reliefPaid / NOTE_16_AVERAGE)));
        for (int i = 0; i < relief.length; i++) {
            facilities.add(facility(
                    "SUPPORT_INSTITUTIONS", "relief-committee", NOTE_16, null, relief[i], 1 + i % 2, i, jobsLeft));
        }
        long welfarePaid = amount(WELFARE_PAID);
        long[] welfare = split(welfarePaid, Math.max(1, (int) (welfarePaid / NOTE_16_AVERAGE)));
        for (int i = 0; i < welfare.length; i++) {
            facilities.add(facility(
                    "SUPPORT_INSTITUTIONS", "welfare-organization", NOTE_16, null, welfare[i], 1 + i % 2, i, jobsLeft));
        }
        // Rural sustainable employment: 173 plans approved by the committee, each financed by one facility.
        long[] rural = split(amount(RURAL_APPROVED), count(RURAL_PLANS));
        List<DemoProvince.Plan> plans = new ArrayList<>();
        for (int i = 0; i < rural.length; i++) {
            String county = countyWheel.get((i * 7 + 3) % countyWheel.size());
            int committed = 6 + i % 9;
            String planId = "demo-rural-1404-" + String.format("%03d", i + 1);
            plans.add(new DemoProvince.Plan(
                    planId, "Rural plan " + (i + 1) + ", " + county, "RURAL_SUSTAINABLE", county, rural[i], committed));
            facilities.add(facility(
                    "RURAL_SUSTAINABLE",
                    "agriculture-jihad",
                    REPAYMENTS,
                    plans.get(i),
                    rural[i],
                    committed,
                    i,
                    jobsLeft));
        }
        // Cooperatives, the digital economy and general loans make up the rest of the registered jobs.
        String[] others = {"COOPERATIVE", "DIGITAL_ECONOMY", "GENERAL"};
        String[] otherAgencies = {"cooperatives-labour", "cooperatives-labour", "agriculture-jihad"};
        int remaining = jobsLeft[0];
        int otherCount = remaining <= 0 ? 0 : (remaining + 3) / 4;
        for (int i = 0; i < otherCount; i++) {
            int jobs = remaining / (otherCount - i);
            remaining -= jobs;
            facilities.add(facility(
                    others[i % 3],
                    otherAgencies[i % 3],
                    BANK_OWN,
                    null,
                    2_000_000_000L + (i % 7) * 500_000_000L,
                    jobs,
                    i,
                    jobsLeft));
        }
        if (jobsLeft[0] != 0) {
            throw new IllegalStateException("the shape left " + jobsLeft[0] + " jobs unplaced");
        }
        List<DemoProvince.Sample> samples = drawSamples(facilities);
        facilities = plantDiversions(facilities);
        return new DemoProvince(
                scale,
                referenceData(),
                count(TARGET),
                agencyTargets(count(TARGET)),
                quotas(facilities),
                new DemoProvince.Session("demo-committee-1404-02", LocalDate.of(2025, 5, 20), plans),
                facilities,
                samples,
                plantAttempts(facilities));
    }

    private DemoProvince.Facility facility(
            String programme,
            String agency,
            String fundingSource,
            DemoProvince.Plan plan,
            long amount,
            int committedJobs,
            int index,
            int[] jobsLeft) {
        int serial = people++;
        int jobsHere = Math.min(committedJobs, Math.max(0, jobsLeft[0]));
        if ("COOPERATIVE".equals(programme) || "DIGITAL_ECONOMY".equals(programme) || "GENERAL".equals(programme)) {
            jobsHere = committedJobs;
        }
        jobsLeft[0] -= jobsHere;
        String id = String.format("demo-f-%05d", serial + 1);
        String county = plan != null ? plan.county() : countyWheel.get((serial * 13 + index) % countyWheel.size());
        String bank = BANKS[(serial * 7 + index / 3) % BANKS.length][0];
        // granted between 1 Farvardin and late Azar; rural plans after the committee met (20 May 2025)
        int day = plan != null ? 62 + (serial * 37) % 180 : (serial * 97) % 250;
        LocalDate grantedOn = DemoProvince.FIRST_DAY.plusDays(day);
        LocalDate paidOn = grantedOn.plusDays(5 + serial % 10);
        boolean welfare = "welfare-organization".equals(agency);
        boolean rural = plan != null || "agriculture-jihad".equals(agency) || serial % 3 == 0;
        List<DemoProvince.Job> jobs = new ArrayList<>();
        for (int j = 0; j < jobsHere; j++) {
            jobs.add(job(paidOn, j));
        }
        return new DemoProvince.Facility(
                id,
                nationalId(1_000_000 + serial),
                name(serial),
                serial % 20 < 9 ? "FEMALE" : "MALE",
                welfare ? serial % 5 < 3 : serial % 33 == 0,
                rural,
                programme,
                bank,
                agency,
                county,
                fundingSource,
                plan == null ? null : plan.planId(),
                amount,
                Math.max(1, committedJobs),
                grantedOn,
                paidOn,
                jobs,
                null,
                null);
    }

    private DemoProvince.Job job(LocalDate paidOn, int indexInFacility) {
        int serial = jobSerial++;
        int h = mix(serial);
        LocalDate startedOn = paidOn.plusDays(5 + (h >>> 3) % 40);
        if (startedOn.isAfter(DemoProvince.TENTH_MONTH_ENDS)) {
            startedOn = DemoProvince.TENTH_MONTH_ENDS;
        }
        int smsRoll = h % 100;
        String sms = smsRoll < 88 ? "CONFIRMED" : smsRoll < 95 ? "NO_ANSWER" : "DENIED";
        int phoneRoll = (h >>> 8) % 100;
        String phone = !"CONFIRMED".equals(sms)
                ? null
                : phoneRoll < 80 ? "CONFIRMED" : phoneRoll < 92 ? "UNREACHABLE" : "DENIED";
        Map<String, String> followUps = new TreeMap<>();
        if ("CONFIRMED".equals(phone) && (h >>> 16) % 10 < 3) {
            boolean ended = (h >>> 20) % 10 == 0;
            if (!startedOn.plusDays(182).isAfter(today)) {
                followUps.put(HORIZON_6_MONTHS, ended ? "ENDED" : "STILL_ACTIVE");
            }
            if (!ended && !startedOn.plusDays(365).isAfter(today)) {
                followUps.put(HORIZON_12_MONTHS, "STILL_ACTIVE");
            }
        }
        boolean seasonal = serial % 11 == 0;
        return new DemoProvince.Job(
                String.format("demo-j-%05d", serial + 1),
                nationalId(serial + 1),
                OCCUPATIONS[(serial + indexInFacility) % OCCUPATIONS.length],
                startedOn,
                serial % 6 != 0,
                seasonal ? 3 + serial % 4 : 0,
                sms,
                phone,
                followUps);
    }

    /**
     * About 9 % of the plans with a phone-confirmed job are drawn (West Azerbaijan assigned 4,451 of its plans):
     * those granted in the first six months into a sample due by 15 December 2025 (overdue now), the rest into
     * one due at the end of 2026. About 81 % are visited, and 90 % of those pass.
     */
    private List<DemoProvince.Sample> drawSamples(List<DemoProvince.Facility> facilities) {
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        drawn.put("demo-sample-1404-h1", new ArrayList<>());
        drawn.put("demo-sample-1404-h2", new ArrayList<>());
        for (int i = 0; i < facilities.size(); i++) {
            DemoProvince.Facility facility = facilities.get(i);
            int h = mix(i + 7_777);
            if (h % 100 >= 9 || facility.jobs().stream().noneMatch(DemoProvince.Job::phoneConfirmed)) {
                continue;
            }
            String sample = facility.grantedOn().isBefore(LocalDate.of(2025, 9, 23))
                    ? "demo-sample-1404-h1"
                    : "demo-sample-1404-h2";
            drawn.get(sample).add(facility.facilityId());
            boolean visited = (h >>> 8) % 100 < 81;
            boolean passed = (h >>> 16) % 100 < 90;
            facilities.set(i, withVisit(facility, new DemoProvince.Visit(sample, visited, visited && passed)));
        }
        List<String> inspectors = List.of("inspector", "inspector-marand", "inspector-ahar");
        return List.of(
                new DemoProvince.Sample(
                        "demo-sample-1404-h1",
                        LocalDate.of(2025, 12, 15),
                        inspectors,
                        drawn.get("demo-sample-1404-h1")),
                new DemoProvince.Sample(
                        "demo-sample-1404-h2",
                        LocalDate.of(2026, 12, 31),
                        inspectors,
                        drawn.get("demo-sample-1404-h2")));
    }

    /** A dozen (scaled) of the plans whose visit failed are findings of diversion; two in three confirmed. */
    private List<DemoProvince.Facility> plantDiversions(List<DemoProvince.Facility> facilities) {
        int planted = 0;
        int wanted = count(PLANTED_DIVERSIONS);
        List<DemoProvince.Facility> result = new ArrayList<>(facilities);
        for (int i = 0; i < result.size() && planted < wanted; i++) {
            DemoProvince.Facility f = result.get(i);
            if (f.visit() != null && f.visit().visited() && !f.visit().passed()) {
                String finding = planted % 2 == 0
                        ? "workshop closed; the loan bought a car"
                        : "no one at work; equipment never bought";
                result.set(
                        i,
                        new DemoProvince.Facility(
                                f.facilityId(),
                                f.nationalId(),
                                f.name(),
                                f.gender(),
                                f.disabled(),
                                f.rural(),
                                f.programme(),
                                f.bank(),
                                f.agency(),
                                f.county(),
                                f.fundingSource(),
                                f.approvedPlan(),
                                f.amountRials(),
                                f.committedJobs(),
                                f.grantedOn(),
                                f.paidOn(),
                                f.jobs(),
                                f.visit(),
                                new DemoProvince.Diversion("demo-d-" + (planted + 1), finding, planted % 3 != 2)));
                planted++;
            }
        }
        return result;
    }

    /**
     * A few (scaled) refused attempts on facilities that otherwise show nothing wrong, alternately a second
     * claim on a person another facility counts and a payment beyond the grant.
     */
    private List<DemoProvince.Attempt> plantAttempts(List<DemoProvince.Facility> facilities) {
        List<DemoProvince.Facility> clean = facilities.stream()
                .filter(f -> f.diversion() == null
                        && (f.visit() == null || f.visit().passed())
                        && !f.jobs().isEmpty()
                        && f.jobs().size() >= f.committedJobs()
                        && f.jobs().stream()
                                .allMatch(job ->
                                        job.phoneConfirmed() && !job.followUps().containsValue("ENDED")))
                .toList();
        List<DemoProvince.Attempt> attempts = new ArrayList<>();
        int wanted = Math.max(2, count(PLANTED_ATTEMPTS));
        for (int i = 0; i < wanted && 2 * i + 1 < clean.size(); i++) {
            DemoProvince.Facility claimant = clean.get(2 * i);
            attempts.add(
                    i % 2 == 0
                            ? new DemoProvince.Attempt(
                                    DemoProvince.Attempt.DUPLICATE_CLAIM,
                                    claimant.facilityId(),
                                    clean.get(2 * i + 1).jobs().get(0).nationalId())
                            : new DemoProvince.Attempt(DemoProvince.Attempt.OVER_PAYMENT, claimant.facilityId(), null));
        }
        return attempts;
    }

    private static DemoProvince.Facility withVisit(DemoProvince.Facility f, DemoProvince.Visit visit) {
        return new DemoProvince.Facility(
                f.facilityId(),
                f.nationalId(),
                f.name(),
                f.gender(),
                f.disabled(),
                f.rural(),
                f.programme(),
                f.bank(),
                f.agency(),
                f.county(),
                f.fundingSource(),
                f.approvedPlan(),
                f.amountRials(),
                f.committedJobs(),
                f.grantedOn(),
                f.paidOn(),
                f.jobs(),
                visit,
                f.diversion());
    }

    /** Note 16 quotas as reported; each bank's quota per programme and source from what it pays and its absorption. */
    private List<DemoProvince.Quota> quotas(List<DemoProvince.Facility> facilities) {
        List<DemoProvince.Quota> quotas = new ArrayList<>();
        quotas.add(new DemoProvince.Quota(
                "AGENCY", "relief-committee", "SUPPORT_INSTITUTIONS", NOTE_16, amount(RELIEF_QUOTA)));
        quotas.add(new DemoProvince.Quota(
                "AGENCY", "welfare-organization", "SUPPORT_INSTITUTIONS", NOTE_16, amount(WELFARE_QUOTA)));
        Map<String, Long> paid = new TreeMap<>();
        facilities.forEach(
                f -> paid.merge(f.bank() + "|" + f.programme() + "|" + f.fundingSource(), f.amountRials(), Long::sum));
        paid.forEach((key, rials) -> {
            String[] parts = key.split("\\|");
            double absorption = 1;
            for (String[] bank : BANKS) {
                if (bank[0].equals(parts[0])) {
                    absorption = Double.parseDouble(bank[3]);
                }
            }
            long quota = (long) Math.ceil(rials / absorption / 1_000_000_000.0) * 1_000_000_000L;
            quotas.add(new DemoProvince.Quota("BANK", parts[0], parts[1], parts[2], quota));
        });
        return quotas;
    }

    private static Map<String, Integer> agencyTargets(int province) {
        int[] shares = {30, 12, 25, 18, 15};
        Map<String, Integer> targets = new LinkedHashMap<>();
        int given = 0;
        for (int i = 0; i < AGENCIES.length; i++) {
            int target = i == AGENCIES.length - 1 ? province - given : province * shares[i] / 100;
            targets.put(AGENCIES[i][0], target);
            given += target;
        }
        return targets;
    }

    private static List<DemoProvince.ReferenceEntry> referenceData() {
        List<DemoProvince.ReferenceEntry> entries = new ArrayList<>();
        for (String[] p : PROGRAMMES) {
            entries.add(new DemoProvince.ReferenceEntry("PROGRAMME", p[0], p[1], p[2], null, null));
        }
        for (String[] a : AGENCIES) {
            entries.add(new DemoProvince.ReferenceEntry("AGENCY", a[0], a[1], a[2], null, null));
        }
        for (String[] b : BANKS) {
            entries.add(new DemoProvince.ReferenceEntry("BANK", b[0], b[1], b[2], null, null));
        }
        for (String[] c : COUNTIES) {
            entries.add(new DemoProvince.ReferenceEntry("COUNTY", c[0], c[1], c[0], null, null));
        }
        entries.add(new DemoProvince.ReferenceEntry(
                "FUNDING_SOURCE",
                NOTE_16,
                "تبصره ۱۶ قانون بودجه ۱۴۰۴",
                "Budget Law Note 16, 1404",
                DemoProvince.FISCAL_YEAR,
                null));
        entries.add(new DemoProvince.ReferenceEntry(
                "FUNDING_SOURCE",
                REPAYMENTS,
                "منابع بازپرداختی ۱۴۰۴",
                "Banks' repayment resources, 1404",
                DemoProvince.FISCAL_YEAR,
                null));
        entries.add(new DemoProvince.ReferenceEntry(
                "FUNDING_SOURCE",
                NDF,
                "صندوق توسعه ملی ۱۴۰۴",
                "National Development Fund, 1404",
                DemoProvince.FISCAL_YEAR,
                null));
        entries.add(new DemoProvince.ReferenceEntry(
                "FUNDING_SOURCE",
                BANK_OWN,
                "منابع داخلی بانک ۱۴۰۴",
                "Bank's own resources, 1404",
                DemoProvince.FISCAL_YEAR,
                null));
        return entries;
    }

    /** A figure of the report at this scale: exact at 1.0, at least 1 where the report has any. */
    int count(int reported) {
        return scale == 1.0 ? reported : Math.max(1, (int) Math.round(reported * scale));
    }

    /** An amount at this scale, in whole millions of rials (exact at 1.0). */
    long amount(long reported) {
        return scale == 1.0 ? reported : Math.max(1_000_000L, Math.round(reported * scale / 1_000_000.0) * 1_000_000L);
    }

    /** A total split over n plans in unequal shares of whole millions of rials, summing exactly to the total. */
    static long[] split(long total, int n) {
        long[] parts = new long[n];
        long weights = 0;
        for (int i = 0; i < n; i++) {
            weights += 6 + (i * 7) % 9;
        }
        long given = 0;
        for (int i = 0; i < n; i++) {
            long share = total / 1_000_000L * (6 + (i * 7) % 9) / weights * 1_000_000L;
            parts[i] = Math.max(1_000_000L, share);
            given += parts[i];
        }
        parts[n - 1] += total - given;
        return parts;
    }

    /** Valid national ids, one per number. */
    static String nationalId(int number) {
        return NationalId.completing(String.format("%09d", 100_000_000 + number))
                .value();
    }

    private static String name(int serial) {
        return FIRST_NAMES[serial % FIRST_NAMES.length] + " "
                + LAST_NAMES[(serial / FIRST_NAMES.length) % LAST_NAMES.length];
    }

    /** A fixed scramble of a number, for patterns that look irregular but never change. */
    static int mix(int value) {
        int x = value * 0x9E3779B1;
        x ^= x >>> 15;
        x *= 0x85EBCA77;
        x ^= x >>> 13;
        return x & 0x7fffffff;
    }
}
