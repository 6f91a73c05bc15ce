package rasad.endtoend.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import rasad.command.CommandSideApplication;
import rasad.eventstore.engine.BoundedReads;
import rasad.eventstore.engine.RasadEventStorageEngine;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.VerificationReport;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.Beneficiary;
import rasad.kernel.facility.BeneficiaryProfile;
import rasad.kernel.facility.CommittedJobs;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.GrantFacility;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.people.NationalId;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.referencedata.ProgrammeCode;
import rasad.query.QuerySideApplication;

/**
 * What an auditor waits for, on the embedded default (in memory): the case of one facility with 200 events
 * as of an instant, at 10 k and at 1 M stored events, beside the live case view over the same HTTP stack (the
 * baseline); and the whole-store verification beside a raw scan of the same commits with the driver.
 * <p>The store is filled through Axon in commits of {@value #COMMIT} events: filler events no projection reads
 * (so that the query side's processors catch up in minutes), and the audited case's 200 events (a grant and
 * 199 tranches) spread evenly among them, so that reading the case touches 200 commits across the store.
 * <p>Run by {@code bench/audit.sh}; prints a Markdown table for docs/performance.md.
 */
public final class AuditBenchmark {

    /** An event no projection handles: the bulk of a large store, as far as one case is concerned. */
    public record Filler(String note, int number) {}

    private static final int COMMIT = 10;
    private static final int CASE_EVENTS = 200;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 500;

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path data = Files.createTempDirectory("rasad-audit-bench");
        Map<String, Object> mongo = Map.of(
                "rasad.mongodb.embedded.port",
                Benchmarks.freePort(),
                "rasad.mongodb.embedded.data-dir",
                data.toString(),
                "rasad.mongodb.embedded.backend",
                "memory");
        List<String> rows = new ArrayList<>();
        ConfigurableApplicationContext querySide =
                QuerySideApplication.builder().run(arguments(mongo));
        ConfigurableApplicationContext commandSide =
                CommandSideApplication.builder().run(arguments(mongo));
        try {
            EventStore store = commandSide.getBean(EventStore.class);
            RasadEventStorageEngine engine = commandSide.getBean(RasadEventStorageEngine.class);
            String query = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) querySide).getWebServer().getPort();

            fill(store, "bench-case-small", small);
            measure(rows, querySide, engine, query, List.of("bench-case-small"));
            fill(store, "bench-case-large", large - (int) engine.headPosition());
            measure(rows, querySide, engine, query, List.of("bench-case-small", "bench-case-large"));
        } finally {
            commandSide.close();
            querySide.close();
        }
        System.out.println();
        System.out.println("| stored events | measure | value |");
        System.out.println("|---:|---|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void measure(
            List<String> rows,
            ConfigurableApplicationContext querySide,
            RasadEventStorageEngine engine,
            String query,
            List<String> cases)
            throws Exception {
        long head = engine.headPosition();
        for (String processor : List.of("case-index", "facilities")) {
            double seconds =
                    Benchmarks.awaitCaughtUp(querySide.getBean(EventProcessingConfiguration.class), processor, head);
            Benchmarks.log("  %s caught up with %,d events in %.1f s", processor, head, seconds);
        }
        for (String facility : cases) {
            String asOf = query + "/api/audit/cases/" + facility + "/as-of?at=" + Instant.now() + "&axis=recorded";
            double[] folded = Benchmarks.latency(asOf, "auditor", WARM_UP, MEASURED);
            double[] live = Benchmarks.latency(query + "/api/facilities/" + facility, "auditor", WARM_UP, MEASURED);
            rows.add(row(head, "as-of of " + facility + " (200 events) p50, ms", folded[0]));
            rows.add(row(head, "as-of of " + facility + " (200 events) p99, ms", folded[1]));
            rows.add(row(head, "live case view of " + facility + " p50, ms (baseline)", live[0]));
            rows.add(row(head, "live case view of " + facility + " p99, ms (baseline)", live[1]));
            rows.add(row(head, "as-of ÷ live case view, p99, times", folded[1] / live[1]));
        }

        EventStoreVerifier verifier = querySide.getBean(EventStoreVerifier.class);
        awaitSealed(verifier, head);
        MongoCollection<Document> commits =
                querySide.getBean(MongoDatabase.class).getCollection("event_commits");
        int rounds = head > 100_000 ? 3 : 5;
        double[] verifyRates = new double[rounds];
        double[] scanRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            VerificationReport report = verifier.verify();
            verifyRates[round] = report.eventsChecked() / Benchmarks.seconds(start);
            if (!report.intact()) {
                throw new IllegalStateException("the benchmark's store does not verify: " + report);
            }
            start = System.nanoTime();
            scanRates[round] = rawScan(commits, head) / Benchmarks.seconds(start);
            Benchmarks.log(
                    "  round %d: verify %,.0f events/s, raw scan %,.0f events/s",
                    round + 1, verifyRates[round], scanRates[round]);
        }
        double verify = median(verifyRates);
        double scan = median(scanRates);
        rows.add(row(head, "whole-store verification, events/s (median of " + rounds + ")", verify));
        rows.add(row(
                head,
                "raw scan of the same commits (windows of 1,000 positions read as the verifier reads them), events/s (baseline)",
                scan));
        rows.add(row(head, "verification ÷ raw scan, %", 100 * verify / scan));
    }

    /** Appends {@code events} events: filler, with the case's 200 events spread evenly among them. */
    private static void fill(EventStore store, String facility, int events) {
        long started = System.nanoTime();
        MetaData metaData = MetaData.with(AuditMetaData.ACTOR, "benchmark")
                .and(AuditMetaData.ACTOR_ROLE, "admin")
                .and(AuditMetaData.ON_BEHALF_OF, "rasad-operations");
        int every = Math.max(1, events / CASE_EVENTS);
        int caseEvents = 0;
        int commits = 0;
        int fillers = 0; // of the current commit, which appends them to one filler aggregate of its own
        List<GenericDomainEventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            if (i % every == every - 1 && caseEvents < CASE_EVENTS) {
                commit.add(caseEvent(facility, caseEvents++, metaData));
            } else {
                commit.add(new GenericDomainEventMessage<>(
                        "Filler",
                        facility + "-filler-" + commits,
                        fillers++,
                        new Filler("a stored event about something else", i),
                        metaData));
            }
            if (commit.size() == COMMIT) {
                store.publish(commit);
                commit = new ArrayList<>();
                commits++;
                fillers = 0;
            }
        }
        if (!commit.isEmpty()) {
            store.publish(commit);
        }
        Benchmarks.log("%s: %,d events appended in %.1f s", facility, events, Benchmarks.seconds(started));
    }

    /** The facility's grant, then tranches of one rial each. */
    private static GenericDomainEventMessage<?> caseEvent(String facility, int sequence, MetaData metaData) {
        FacilityId id = FacilityId.of(facility);
        LocalDate granted = LocalDate.of(2025, 5, 1);
        Object payload = sequence == 0
                ? FacilityGranted.from(new GrantFacility(
                        id,
                        new Beneficiary(
                                NationalId.of(ReadModelBenchmark.nationalId(sequence + 7)),
                                PersonName.of("Zahra Ahmadi")),
                        ProgrammeCode.of("HOME_BUSINESS"),
                        BankCode.of("bank-melli"),
                        AgencyCode.of("relief-committee"),
                        CountyCode.of("tabriz"),
                        Rials.of(3_000_000_000L),
                        CommittedJobs.of(2),
                        granted,
                        new BeneficiaryProfile(BeneficiaryProfile.Gender.FEMALE, false, false, null),
                        null,
                        null,
                        "note-16-1404",
                        null))
                : new TrancheDisbursed(
                        id, TrancheId.of("t-" + sequence), Rials.of(1), granted.plusDays(10), Rials.of(sequence));
        // the case's own sequence numbers, one aggregate: the case is read by position, whatever the aggregate
        return new GenericDomainEventMessage<>("Facility", facility, sequence, payload, metaData);
    }

    /** Reads every commit by _id windows and touches each event's hash: what verification reads, unchecked. */
    private static long rawScan(MongoCollection<Document> commits, long head) {
        long events = 0;
        for (long from = 1; from <= head; from += 1000) {
            List<Long> positions = new ArrayList<>(1000);
            for (long p = from; p <= Math.min(head, from + 999); p++) {
                positions.add(p);
            }
            for (Document commit : BoundedReads.byIds(commits, positions)) { // the verifier's reads, unchecked
                for (Document event : commit.getList("events", Document.class)) {
                    if (event.getString("hash") != null) {
                        events++;
                    }
                }
            }
        }
        return events;
    }

    private static void awaitSealed(EventStoreVerifier verifier, long head) throws InterruptedException {
        while (verifier.sealedHead().to() < head) { // blocks close by count, and the last one by age
            Thread.sleep(200);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String[] arguments(Map<String, Object> mongo) {
        List<String> arguments = new ArrayList<>(
                List.of("--server.port=0", "--rasad.access.demo-users=on", "--rasad.event-store.block-max-age=PT2S"));
        mongo.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }

    /** Logged as soon as measured (a later failure keeps it), and kept for the table at the end. */
    private static String row(long events, String measure, double value) {
        Benchmarks.log("  %s: %,.1f", measure, value);
        return String.format(Locale.ROOT, "| %,d | %s | %,.1f |", events, measure, value);
    }
}
