package rasad.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Sends a {@link DemoProvince} to the command API, in the order the rules ask: reference data, targets and
 * quotas, the committee's approvals; then each facility's grant, payment, jobs, checks and follow-ups (many
 * facilities at once); then the samples, the visits and the planted diversions, and last the planted attempts
 * the rules must catch (a second claim on a counted person, a payment beyond the grant). Every id is fixed by the plan,
 * so a second run records nothing new.
 */
public final class DemoLoader {

    private final CommandApiClient api;
    private final int threads;
    private final AtomicLong sent = new AtomicLong();
    private final LongConsumer progress;

    /** As a demo user, with HTTP Basic (the tests' way in). */
    public DemoLoader(String commandUrl, String user, String password, int threads, LongConsumer progress) {
        this(commandUrl, Credentials.basic(user, password), threads, progress);
    }

    DemoLoader(String commandUrl, Credentials credentials, int threads, LongConsumer progress) {
        this.api = new CommandApiClient(commandUrl, credentials);
        this.threads = threads;
        this.progress = progress;
    }

    public void load(DemoProvince province) {
        province.referenceData()
                .forEach(entry -> send(() -> api.post(
                        "api/reference-data",
                        body(
                                "kind",
                                entry.kind(),
                                "code",
                                entry.code(),
                                "nameFa",
                                entry.nameFa(),
                                "nameEn",
                                entry.nameEn(),
                                "fiscalYear",
                                entry.fiscalYear(),
                                "parentBank",
                                entry.parentBank()))));
        String planning = "api/planning/" + DemoProvince.FISCAL_YEAR;
        send(() -> api.put(
                planning + "/targets/PROVINCE/" + DemoProvince.PROVINCE,
                body("jobs", province.provinceTarget(), "reason", "the province's commitment for 1404")));
        province.agencyTargets()
                .forEach((agency, jobs) -> send(() -> api.put(
                        planning + "/targets/AGENCY/" + agency,
                        body("jobs", jobs, "reason", "the agency's share of the commitment"))));
        province.quotas()
                .forEach(quota -> send(() -> api.put(
                        planning + "/quotas/" + quota.holderKind() + "/" + quota.holder() + "/" + quota.programme()
                                + "/" + quota.fundingSource(),
                        body("amountRials", quota.amountRials(), "reason", "allocation for 1404"))));
        DemoProvince.Session session = province.session();
        send(() -> api.post(
                "api/committee-sessions",
                body(
                        "sessionId",
                        session.sessionId(),
                        "heldOn",
                        session.heldOn(),
                        "plans",
                        session.plans().stream()
                                .map(plan -> body(
                                        "planId",
                                        plan.planId(),
                                        "title",
                                        plan.title(),
                                        "programme",
                                        plan.programme(),
                                        "county",
                                        plan.county(),
                                        "amountRials",
                                        plan.amountRials(),
                                        "committedJobs",
                                        plan.committedJobs()))
                                .toList())));

        inParallel(province.facilities(), this::facilityLifecycle);

        province.samples().forEach(sample -> send(() -> api.post("api/samples", sample(sample, province))));
        String photo = api.upload("visit.jpg", "image/jpeg", TinyJpeg.BYTES);
        sent.incrementAndGet();
        inParallel(province.facilities(), facility -> fieldWork(facility, photo));
        province.attempts().forEach(attempt -> send(() -> refused(attempt, province)));
    }

    private void refused(DemoProvince.Attempt attempt, DemoProvince province) {
        DemoProvince.Facility f = province.facilities().stream()
                .filter(facility -> facility.facilityId().equals(attempt.facilityId()))
                .findFirst()
                .orElseThrow();
        String facility = "api/facilities/" + f.facilityId();
        if (DemoProvince.Attempt.DUPLICATE_CLAIM.equals(attempt.kind())) {
            api.postRefused(
                    facility + "/jobs",
                    body(
                            "jobId",
                            "demo-claim-" + f.facilityId(),
                            "nationalId",
                            attempt.nationalId(),
                            "occupation",
                            "tailor",
                            "startedOn",
                            f.paidOn().plusDays(10)),
                    "JOB_ALREADY_COUNTED");
        } else {
            api.postRefused(
                    facility + "/tranches",
                    body(
                            "trancheId",
                            "t-over",
                            "amountRials",
                            1,
                            "paidOn",
                            f.paidOn().plusDays(30)),
                    "DISBURSEMENT_EXCEEDS_GRANT");
        }
    }

    private void facilityLifecycle(DemoProvince.Facility f) {
        Map<String, Object> beneficiary = body(
                "nationalId",
                f.nationalId(),
                "name",
                f.name(),
                "gender",
                f.gender(),
                "disabled",
                f.disabled(),
                "rural",
                f.rural(),
                "mobile",
                DemoPlaces.mobile(f));
        DemoPlaces.Place workplace = DemoPlaces.workplace(f);
        send(() -> api.post(
                "api/facilities",
                body(
                        "facilityId",
                        f.facilityId(),
                        "beneficiary",
                        beneficiary,
                        "programme",
                        f.programme(),
                        "bank",
                        f.bank(),
                        "agency",
                        f.agency(),
                        "county",
                        f.county(),
                        "amountRials",
                        f.amountRials(),
                        "committedJobs",
                        f.committedJobs(),
                        "grantedOn",
                        f.grantedOn(),
                        "fundingSource",
                        f.fundingSource(),
                        "approvedPlan",
                        f.approvedPlan(),
                        "workplace",
                        body(
                                "address",
                                workplace.address(),
                                "latitude",
                                workplace.latitude(),
                                "longitude",
                                workplace.longitude())),
                on(f.grantedOn())));
        String facility = "api/facilities/" + f.facilityId();
        send(() -> api.post(
                facility + "/tranches",
                body("trancheId", "t-1", "amountRials", f.amountRials(), "paidOn", f.paidOn()),
                on(f.paidOn())));
        for (DemoProvince.Job job : f.jobs()) {
            send(() -> api.post(
                    facility + "/jobs",
                    body(
                            "jobId",
                            job.jobId(),
                            "nationalId",
                            job.nationalId(),
                            "occupation",
                            job.occupation(),
                            "startedOn",
                            job.startedOn(),
                            "fullTime",
                            job.fullTime(),
                            "seasonalMonths",
                            job.seasonalMonths()),
                    on(job.startedOn())));
        }
        for (DemoProvince.Job job : f.jobs()) {
            String checks = facility + "/jobs/" + job.jobId();
            send(() -> api.post(
                    checks + "/sms-checks",
                    body("outcome", job.sms(), "at", at(job.startedOn().plusDays(10))),
                    on(job.startedOn().plusDays(10))));
            if (job.phone() != null) {
                send(() -> api.post(
                        checks + "/phone-checks",
                        body(
                                "outcome",
                                job.phone(),
                                "at",
                                at(job.startedOn().plusDays(20)),
                                "caller",
                                "call-centre-tabriz"),
                        on(job.startedOn().plusDays(20))));
            }
            job.followUps()
                    .forEach((horizon, outcome) -> send(() -> api.post(
                            "api/people/" + job.nationalId() + "/jobs/" + job.jobId() + "/follow-ups",
                            body(
                                    "horizon",
                                    horizon,
                                    "outcome",
                                    outcome,
                                    "endedOn",
                                    "ENDED".equals(outcome) ? job.startedOn().plusDays(200) : null))));
        }
    }

    private void fieldWork(DemoProvince.Facility f, String photo) {
        DemoProvince.Visit visit = f.visit();
        if (visit != null && visit.visited()) {
            Map<String, Boolean> seen = new LinkedHashMap<>();
            f.jobs().stream()
                    .filter(DemoProvince.Job::phoneConfirmed)
                    .forEach(job -> seen.put(job.jobId(), visit.passed()));
            send(() -> api.post(
                    "api/facilities/" + f.facilityId() + "/field-visits",
                    body(
                            "visitId",
                            "demo-v-" + f.facilityId(),
                            "deviceTime",
                            at(f.paidOn().plusDays(60)),
                            "latitude",
                            DemoPlaces.visitPoint(f).latitude(),
                            "longitude",
                            DemoPlaces.visitPoint(f).longitude(),
                            "accuracyMetres",
                            12,
                            "businessOperating",
                            visit.passed(),
                            "jobsSeen",
                            seen,
                            "moneyUsedAsPlanned",
                            visit.passed(),
                            "photos",
                            List.of(photo),
                            "notes",
                            visit.passed() ? "operating as planned" : "closed when visited")));
        }
        DemoProvince.Diversion diversion = f.diversion();
        if (diversion != null) {
            send(() -> api.post(
                    "api/facilities/" + f.facilityId() + "/diversion-findings",
                    body(
                            "findingId",
                            diversion.findingId(),
                            "observedOn",
                            f.paidOn().plusDays(60),
                            "finding",
                            diversion.finding(),
                            "evidence",
                            List.of(photo)),
                    on(f.paidOn().plusDays(60))));
            send(() -> api.post(
                    "api/diversion-findings/" + diversion.findingId() + "/decision",
                    body(
                            "confirmed",
                            diversion.confirmed(),
                            "reason",
                            diversion.confirmed()
                                    ? "confirmed on a second visit"
                                    : "the owner had moved the workshop; it operates")));
        }
    }

    private Map<String, Object> sample(DemoProvince.Sample sample, DemoProvince province) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<Map<String, Object>> frame = new ArrayList<>();
        province.facilities().stream()
                .filter(f -> sample.facilityIds().contains(f.facilityId()))
                .forEach(f -> {
                    // every plan of the frame is drawn: the plan decides which are visited
                    sizes.merge(f.county() + "/" + f.programme(), 1, Integer::sum);
                    frame.add(body("facilityId", f.facilityId(), "county", f.county(), "programme", f.programme()));
                });
        return body(
                "sampleId",
                sample.sampleId(),
                "seed",
                DemoProvince.FISCAL_YEAR,
                "sizes",
                sizes,
                "defaultSize",
                1,
                "inspectors",
                sample.inspectors(),
                "dueOn",
                sample.dueOn(),
                "frame",
                frame);
    }

    private <T> void inParallel(List<T> items, Consumer<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            items.forEach(item -> done.add(pool.submit(() -> work.accept(item))));
            for (Future<?> future : done) {
                future.get();
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private void send(Runnable request) {
        request.run();
        progress.accept(sent.incrementAndGet());
    }

    private static String at(LocalDate day) {
        return on(day).toString();
    }

    /** When a record of that day happened: its business time, sent with the import. */
    private static Instant on(LocalDate day) {
        return day.atTime(8, 0).toInstant(ZoneOffset.UTC);
    }

    /** A JSON object from key-value pairs, in order; null values are left out. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }
}
