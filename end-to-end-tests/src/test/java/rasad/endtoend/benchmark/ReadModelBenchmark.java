package rasad.endtoend.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.command.CommandSideApplication;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.job.JobId;
import rasad.kernel.job.JobRegistered;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.kernel.verification.JobVerificationId;
import rasad.kernel.verification.PhoneCheckRecorded;
import rasad.kernel.verification.PhoneOutcome;
import rasad.kernel.verification.SmsCheckRecorded;
import rasad.kernel.verification.SmsOutcome;
import rasad.query.QuerySideApplication;

/**
 * The query side's read models on the embedded default (H2 file): for each size, a fresh store is filled
 * with that many facilities (grant, tranche, a job, its SMS and phone checks: five events each), then
 * (1) a raw scan reads every event back through the event store (the baseline), (2) a query side starts and
 * its processors catch up from zero — events/s of the dashboard's processor and of all of them — and (3) the
 * dashboard and the league table are asked 1,000 times over HTTP (after 200 to warm up): p50 and p99.
 * <p>Run by {@code bench/read-models.sh}; prints a Markdown table for docs/performance.md.
 */
public final class ReadModelBenchmark {

    private static final String[] BANKS = {
        "bank-melli",
        "bank-sepah",
        "bank-keshavarzi",
        "post-bank",
        "bank-tejarat",
        "bank-saderat",
        "bank-mellat",
        "refah-bank",
        "bank-maskan",
        "tose-taavon"
    };
    private static final String[] AGENCIES = {
        "relief-committee", "welfare-organization", "cooperatives-labour", "agriculture-jihad", "cultural-heritage"
    };
    private static final String[] PROGRAMMES = {
        "HOME_BUSINESS", "RURAL_SUSTAINABLE", "SUPPORT_INSTITUTIONS", "COOPERATIVE", "DIGITAL_ECONOMY", "GENERAL"
    };
    private static final int BATCH = 500;

    private ReadModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "10000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.addAll(run(size));
        }
        System.out.println();
        System.out.println("| facilities | events | measure | value |");
        System.out.println("|---:|---:|---|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> run(int facilities) throws Exception {
        Path data = Files.createTempDirectory("rasad-read-model-bench");
        int port = Benchmarks.freePort();
        Map<String, Object> mongo = Map.of(
                "rasad.mongodb.embedded.port",
                port,
                "rasad.mongodb.embedded.data-dir",
                data.toString(),
                "rasad.mongodb.embedded.backend",
                "h2");
        List<String> rows = new ArrayList<>();
        ConfigurableApplicationContext commandSide =
                CommandSideApplication.builder().run(arguments(mongo));
        try {
            EventStore store = commandSide.getBean(EventStore.class);
            RasadEventStorageEngine engine = commandSide.getBean(RasadEventStorageEngine.class);
            long appendStart = System.nanoTime();
            append(store, facilities);
            long events = engine.headPosition();
            double appendSeconds = Benchmarks.seconds(appendStart);
            Benchmarks.log("%,d facilities: %,d events appended in %.1f s", facilities, events, appendSeconds);
            rows.add(row(facilities, events, "append (500-event commits), events/s", events / appendSeconds));

            long scanStart = System.nanoTime();
            long scanned = scan(store, events);
            double scanRate = scanned / Benchmarks.seconds(scanStart);
            rows.add(row(facilities, events, "raw scan through the event store, events/s (baseline)", scanRate));

            long catchUpStart = System.nanoTime();
            ConfigurableApplicationContext querySide =
                    QuerySideApplication.builder().run(arguments(mongo));
            try {
                EventProcessingConfiguration processing = querySide.getBean(EventProcessingConfiguration.class);
                double dashboardSeconds = Benchmarks.awaitCaughtUp(processing, "dashboard", events);
                double allSeconds = Math.max(dashboardSeconds, Benchmarks.awaitCaughtUp(processing, null, events));
                double dashboardRate = events / dashboardSeconds;
                rows.add(row(
                        facilities,
                        events,
                        "dashboard processor catch-up from zero (beside all others), events/s",
                        dashboardRate));
                rows.add(row(facilities, events, "dashboard catch-up ÷ raw scan, %", 100 * dashboardRate / scanRate));
                rows.add(row(facilities, events, "all processors caught up, events/s", events / allSeconds));
                String base = "http://127.0.0.1:"
                        + ((WebServerApplicationContext) querySide)
                                .getWebServer()
                                .getPort();
                for (String query : new String[] {"/api/dashboard/1404", "/api/dashboard/1404/banks"}) {
                    double[] latency = Benchmarks.latency(base + query, "manager", 200, 1000);
                    rows.add(row(facilities, events, "GET " + query + " p50, ms", latency[0]));
                    rows.add(row(facilities, events, "GET " + query + " p99, ms", latency[1]));
                }
            } finally {
                querySide.close();
            }
        } finally {
            commandSide.close();
        }
        return rows;
    }

    /** Five events per facility, in commits of {@value #BATCH}, dated over the first ten months of 1404. */
    private static void append(EventStore store, int facilities) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        MetaData metaData = MetaData.with(AuditMetaData.ACTOR, "benchmark").and(AuditMetaData.ACTOR_ROLE, "admin");
        for (int i = 0; i < facilities; i++) {
            String facility = "bench-f-" + i;
            LocalDate granted = LocalDate.of(2025, 3, 22).plusDays(i % 300);
            NationalId person = NationalId.of(nationalId(i));
            FacilityGranted grant = FacilityGranted.from(new GrantFacility(
                    FacilityId.of(facility),
                    new Beneficiary(NationalId.of(nationalId(i + 1_000_000)), PersonName.of("Beneficiary " + i)),
                    ProgrammeCode.of(PROGRAMMES[i % PROGRAMMES.length]),
                    BankCode.of(BANKS[i % BANKS.length]),
                    AgencyCode.of(AGENCIES[i % AGENCIES.length]),
                    CountyCode.of("county-" + i % 20),
                    Rials.of(1_000_000_000L),
                    CommittedJobs.of(1),
                    granted,
                    new BeneficiaryProfile(
                            i % 2 == 0 ? BeneficiaryProfile.Gender.FEMALE : BeneficiaryProfile.Gender.MALE,
                            i % 10 == 0,
                            i % 3 == 0,
                            null),
                    null,
                    null,
                    "note-16-1404",
                    null));
            JobVerificationId verification = new JobVerificationId(FacilityId.of(facility), JobId.of("j-" + i));
            batch.add(new GenericDomainEventMessage<>("Facility", facility, 0, grant, metaData));
            batch.add(new GenericDomainEventMessage<>(
                    "Facility",
                    facility,
                    1,
                    new TrancheDisbursed(
                            FacilityId.of(facility),
                            TrancheId.of("t-1"),
                            Rials.of(1_000_000_000L),
                            granted.plusDays(10),
                            Rials.of(1_000_000_000L)),
                    metaData));
            batch.add(new GenericDomainEventMessage<>(
                    "Employment",
                    person.value(),
                    0,
                    new JobRegistered(
                            person,
                            JobId.of("j-" + i),
                            FacilityId.of(facility),
                            "tailor",
                            granted.plusDays(30),
                            true,
                            0,
                            null),
                    metaData));
            batch.add(new GenericDomainEventMessage<>(
                    "JobVerification",
                    facility + "/j-" + i,
                    0,
                    new SmsCheckRecorded(
                            verification,
                            i % 9 == 0 ? SmsOutcome.DENIED : SmsOutcome.CONFIRMED,
                            Instant.parse("2026-01-01T08:00:00Z"),
                            null),
                    metaData));
            batch.add(new GenericDomainEventMessage<>(
                    "JobVerification",
                    facility + "/j-" + i,
                    1,
                    new PhoneCheckRecorded(
                            verification,
                            i % 5 == 0 ? PhoneOutcome.UNREACHABLE : PhoneOutcome.CONFIRMED,
                            Instant.parse("2026-01-02T08:00:00Z"),
                            "call-centre",
                            null,
                            null),
                    metaData));
            if (batch.size() >= BATCH) {
                store.publish(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
    }

    private static long scan(EventStore store, long events) throws Exception {
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (read < events && stream.hasNextAvailable()) {
                stream.nextAvailable().getPayload();
                read++;
            }
        }
        return read;
    }

    static String nationalId(int number) {
        return NationalId.completing(String.format("%09d", 100_000_000 + number))
                .value();
    }

    private static String[] arguments(Map<String, Object> mongo) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--rasad.access.demo-users=on"));
        mongo.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }

    private static String row(int facilities, long events, String measure, double value) {
        return String.format(Locale.ROOT, "| %,d | %,d | %s | %,.1f |", facilities, events, measure, value);
    }
}
