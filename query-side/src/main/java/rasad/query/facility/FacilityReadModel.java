package rasad.query.facility;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import rasad.kernel.place.GeoPoint;
import rasad.query.processing.FieldKeys;
import rasad.query.processing.ReadModelCollections;

/** The {@code facilities} collection: one document per case, keyed by the facility id. */
@Component
class FacilityReadModel {

    static final String COLLECTION = "facilities";
    static final int TIMELINE_LENGTH = 20;

    private final ReadModelCollections collections;
    private final FacilityDocuments.Store projected;
    private final FacilityDocuments.Store queried;

    @Autowired
    FacilityReadModel(ReadModelCollections collections) {
        this.collections = collections;
        this.projected = FacilityDocuments.Store.in(this::facilities);
        this.queried = FacilityDocuments.Store.in(this::live);
        collections.register(new ReadModelCollections.ReadModel(
                FacilityProjection.PROCESSING_GROUP, List.of(COLLECTION), facilities -> {
                    // Served by real MongoDB; the embedded server scans for these filters whatever the indexes.
                    facilities.createIndex(Indexes.ascending("county"));
                    facilities.createIndex(Indexes.ascending("programme"));
                    facilities.createIndex(Indexes.ascending("bank"));
                }));
    }

    /** Cases kept in memory: the same projection folded over the events up to an instant (see FacilityAsOf). */
    private FacilityReadModel(Map<String, Document> memory) {
        this.collections = null;
        this.projected = FacilityDocuments.Store.in(memory);
        this.queried = projected;
    }

    static FacilityReadModel inMemory() {
        return new FacilityReadModel(new HashMap<>());
    }

    /** A visit recorded for the case; the same visit delivered again replaces itself. */
    void visited(String facilityId, VisitView visit) {
        documents().change(facilityId, facility -> {
            Document visits = facility.get("visits") instanceof Document known ? known : new Document();
            Document workplace = facility.get("workplace", Document.class);
            Long metres = workplace == null
                            || !(workplace.get("latitude") instanceof Number latitude)
                            || !(workplace.get("longitude") instanceof Number longitude)
                    ? null
                    : Math.round(new GeoPoint(latitude.doubleValue(), longitude.doubleValue())
                            .metresTo(new GeoPoint(visit.latitude(), visit.longitude())));
            visits.put(
                    visitKey(visit.visitId()),
                    new Document("visitId", visit.visitId())
                            .append("deviceTime", visit.deviceTime().toString())
                            .append(
                                    "recordedAt",
                                    visit.recordedAt() == null
                                            ? null
                                            : visit.recordedAt().toString())
                            .append("recordedBy", visit.recordedBy())
                            .append("latitude", visit.latitude())
                            .append("longitude", visit.longitude())
                            .append("accuracyMetres", visit.accuracyMetres())
                            .append("metresFromWorkplace", metres)
                            .append("businessOperating", visit.businessOperating())
                            .append("moneyUsedAsPlanned", visit.moneyUsedAsPlanned())
                            .append("jobsSeen", new Document(new TreeMap<String, Object>(visit.jobsSeen())))
                            .append(
                                    "photos",
                                    visit.photos().stream()
                                            .map(VisitView.Photo::sha256)
                                            .toList())
                            .append("notes", visit.notes()));
            facility.put("visits", visits);
        });
    }

    /** The case's visits, oldest first. */
    List<VisitView> visits(String facilityId) {
        Document facility = queried.find(facilityId);
        if (facility == null || !(facility.get("visits") instanceof Document visits)) {
            return List.of();
        }
        List<VisitView> found = new ArrayList<>();
        for (Object value : visits.values()) {
            Document visit = (Document) value;
            Document seen = visit.get("jobsSeen", Document.class);
            Map<String, Boolean> jobsSeen = new TreeMap<>();
            if (seen != null) {
                seen.forEach((job, wasSeen) -> jobsSeen.put(job, Boolean.TRUE.equals(wasSeen)));
            }
            found.add(new VisitView(
                    visit.getString("visitId"),
                    Instant.parse(visit.getString("deviceTime")),
                    visit.getString("recordedAt") == null ? null : Instant.parse(visit.getString("recordedAt")),
                    visit.getString("recordedBy"),
                    visit.getDouble("latitude"),
                    visit.getDouble("longitude"),
                    visit.getDouble("accuracyMetres"),
                    visit.get("metresFromWorkplace") instanceof Number metres ? metres.longValue() : null,
                    Boolean.TRUE.equals(visit.getBoolean("businessOperating")),
                    Boolean.TRUE.equals(visit.getBoolean("moneyUsedAsPlanned")),
                    jobsSeen,
                    visit.getList("photos", String.class, List.of()).stream()
                            .map(sha -> new VisitView.Photo(sha, "/api/evidence/" + sha))
                            .toList(),
                    visit.getString("notes")));
        }
        found.sort(Comparator.comparing(VisitView::deviceTime));
        return found;
    }

    /** A visit id may hold dots, which a document key must not. */
    private static String visitKey(String visitId) {
        return FieldKeys.escaped(visitId);
    }

    /** Where the projection writes: the fresh collection while a rebuild runs. */
    private MongoCollection<Document> facilities() {
        return collections.forProjection(FacilityProjection.PROCESSING_GROUP, COLLECTION);
    }

    private MongoCollection<Document> live() {
        return collections.forQueries(FacilityProjection.PROCESSING_GROUP, COLLECTION);
    }

    private FacilityDocuments documents() {
        return FacilityDocuments.current(projected);
    }

    /** Replaces the whole document: applying the same event twice leaves the same state (replay-safe). */
    void save(FacilityView view) {
        // the timeline is kept by FacilityTimeline
        documents().replace(view.facilityId(), toDocument(view), "timeline", "visits");
    }

    /**
     * Keyed by tranche id, so that handling the same event twice sets the same field to the same value; the
     * status follows from what is paid against what was granted.
     */
    void tranchePaid(String facilityId, FacilityView.Tranche tranche, long paidSoFar) {
        documents().change(facilityId, facility -> {
            long granted = facility.get("amountRials", Number.class).longValue();
            // paid so far only grows: an older tranche delivered again must not lower it
            long paid = Math.max(paidSoFar, facility.get("paidRials") instanceof Number known ? known.longValue() : 0L);
            String status = facility.get("closure") != null
                    ? facility.getString("status")
                    : paid >= granted ? "DISBURSED" : "PARTLY_DISBURSED";
            FacilityDocuments.set(
                    facility,
                    "tranches." + tranche.trancheId(),
                    new Document("amountRials", tranche.amountRials())
                            .append("paidOn", tranche.paidOn().toString()));
            facility.put("paidRials", paid);
            facility.put("status", status);
        });
    }

    /** Keyed by job id: handling the same registration twice sets the same fields. */
    void jobRegistered(String facilityId, FacilityView.Job job) {
        String at = "jobs." + job.jobId() + ".";
        // field by field, so that stage outcomes recorded under the same job are kept
        documents().change(facilityId, facility -> {
            FacilityDocuments.set(facility, at + "nationalId", job.nationalId());
            FacilityDocuments.set(facility, at + "occupation", job.occupation());
            FacilityDocuments.set(facility, at + "startedOn", job.startedOn().toString());
            FacilityDocuments.set(facility, at + "fullTime", job.fullTime());
            FacilityDocuments.set(facility, at + "seasonalMonths", job.seasonalMonths());
        });
    }

    /** The latest outcome of a stage of a job: "smsCheck", "phoneCheck" or "followUps.<horizon>". */
    void stageRecorded(String facilityId, String jobId, String stage, String outcome) {
        documents()
                .change(
                        facilityId,
                        facility -> FacilityDocuments.set(facility, "jobs." + jobId + "." + stage, outcome));
    }

    void jobEnded(String facilityId, String jobId, LocalDate endedOn) {
        documents()
                .change(
                        facilityId,
                        facility -> FacilityDocuments.set(facility, "jobs." + jobId + ".endedOn", endedOn.toString()));
    }

    void findingRecorded(String facilityId, String findingId, LocalDate observedOn, String finding) {
        // events come in order, and a redelivered suffix brings the decision after the finding again
        documents().change(facilityId, facility -> {
            FacilityDocuments.set(facility, "findings." + findingId + ".observedOn", observedOn.toString());
            FacilityDocuments.set(facility, "findings." + findingId + ".finding", finding);
            FacilityDocuments.set(facility, "findings." + findingId + ".status", "OPEN");
        });
    }

    void findingDecided(String facilityId, String findingId, String status, String reason) {
        documents().change(facilityId, facility -> {
            FacilityDocuments.set(facility, "findings." + findingId + ".status", status);
            FacilityDocuments.set(facility, "findings." + findingId + ".decisionReason", reason);
        });
    }

    void closed(String facilityId, FacilityView.Closure closure) {
        documents().change(facilityId, facility -> {
            facility.put(
                    "closure",
                    new Document("kind", closure.kind())
                            .append("closedOn", closure.closedOn().toString())
                            .append("reason", closure.reason()));
            facility.put("status", closure.kind());
        });
    }

    Optional<FacilityView> find(String facilityId) {
        return Optional.ofNullable(queried.find(facilityId)).map(FacilityReadModel::toView);
    }

    Page<FacilityView> list(FacilityFilter filter, int page, int size) {
        Bson query = filter.toBson();
        long total = live().countDocuments(query);
        List<FacilityView> items = live().find(query)
                .sort(Sorts.ascending("_id"))
                .skip(page * size)
                .limit(size)
                .map(FacilityReadModel::toView)
                .into(new ArrayList<>());
        return new Page<>(items, page, size, total);
    }

    /** Each filter given narrows the list; {@code name} matches any part of the beneficiary's name. */
    record FacilityFilter(
            String county,
            String programme,
            String bank,
            String agency,
            String status,
            String nationalId,
            String name) {

        FacilityFilter(String county, String programme, String bank) {
            this(county, programme, bank, null, null, null, null);
        }

        Bson toBson() {
            List<Bson> clauses = new ArrayList<>();
            if (county != null) {
                clauses.add(eq("county", county));
            }
            if (programme != null) {
                clauses.add(eq("programme", programme));
            }
            if (bank != null) {
                clauses.add(eq("bank", bank));
            }
            if (agency != null) {
                clauses.add(eq("agency", agency));
            }
            if (status != null) {
                clauses.add(eq("status", status));
            }
            if (nationalId != null) {
                clauses.add(eq("beneficiary.nationalId", nationalId));
            }
            if (name != null) {
                clauses.add(regex("beneficiary.searchName", Pattern.quote(SearchableName.of(name))));
            }
            return clauses.isEmpty() ? new Document() : and(clauses);
        }
    }

    record Page<T>(List<T> items, int page, int size, long totalItems) {
        public long totalPages() {
            return (totalItems + size - 1) / size;
        }
    }

    private static Document toDocument(FacilityView view) {
        return new Document("_id", view.facilityId())
                .append(
                        "beneficiary",
                        new Document("nationalId", view.beneficiary().nationalId())
                                .append("name", view.beneficiary().name())
                                .append(
                                        "searchName",
                                        SearchableName.of(view.beneficiary().name())))
                .append("programme", view.programme())
                .append("bank", view.bank())
                .append("agency", view.agency())
                .append("county", view.county())
                .append("amountRials", view.amountRials())
                .append("committedJobs", view.committedJobs())
                .append("grantedOn", view.grantedOn().toString())
                .append("status", view.status())
                .append("paidRials", view.paidRials())
                .append(
                        "profile",
                        new Document("gender", view.profile().gender())
                                .append("disabled", view.profile().disabled())
                                .append("rural", view.profile().rural()))
                .append(
                        "workplace",
                        view.workplace() == null
                                ? null
                                : new Document("address", view.workplace().address())
                                        .append("latitude", view.workplace().latitude())
                                        .append("longitude", view.workplace().longitude()))
                .append("branch", view.branch())
                .append("fundingSource", view.fundingSource())
                .append("approvedPlan", view.approvedPlan())
                .append("grantedBy", view.grantedBy())
                .append("recordedAt", view.recordedAt() == null ? null : Date.from(view.recordedAt()));
    }

    private static FacilityView toView(Document document) {
        Document beneficiary = document.get("beneficiary", Document.class);
        Date recordedAt = document.getDate("recordedAt");
        return new FacilityView(
                document.getString("_id"),
                new FacilityView.Beneficiary(beneficiary.getString("nationalId"), beneficiary.getString("name")),
                document.getString("programme"),
                document.getString("bank"),
                document.getString("agency"),
                document.getString("county"),
                document.get("amountRials", Number.class).longValue(),
                document.getInteger("committedJobs"),
                LocalDate.parse(document.getString("grantedOn")),
                document.getString("status"),
                document.getString("grantedBy"),
                recordedAt == null ? null : recordedAt.toInstant(),
                document.get("paidRials") instanceof Number paid ? paid.longValue() : 0L,
                tranches(document.get("tranches", Document.class)),
                closure(document.get("closure", Document.class)),
                jobs(document.get("jobs", Document.class)),
                profile(document.get("profile", Document.class)),
                place(document.get("workplace", Document.class)),
                document.getString("branch"),
                document.getString("fundingSource"),
                document.getString("approvedPlan"),
                findings(document.get("findings", Document.class)),
                timeline(document.getList("timeline", Document.class)),
                null);
    }

    private static List<FacilityView.TimelineEntry> timeline(List<Document> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream()
                .map(entry -> new FacilityView.TimelineEntry(
                        entry.getString("event"),
                        entry.getDate("at") == null ? null : entry.getDate("at").toInstant(),
                        entry.getString("actor"),
                        entry.getString("actorRole"),
                        entry.getString("onBehalfOf"),
                        entry.getString("reason")))
                .toList();
    }

    /**
     * Appends a step to the case's short timeline (the last {@link #TIMELINE_LENGTH}), once: a redelivered event
     * finds its id already there.
     */
    void timelineStep(String facilityId, String eventId, Document step) {
        documents().change(facilityId, facility -> {
            List<Document> timeline = new ArrayList<>(facility.getList("timeline", Document.class, List.of()));
            if (timeline.stream().anyMatch(known -> eventId.equals(known.getString("eventId")))) {
                return;
            }
            timeline.add(step.append("eventId", eventId));
            facility.put("timeline", timeline.subList(Math.max(0, timeline.size() - TIMELINE_LENGTH), timeline.size()));
        });
    }

    private static List<FacilityView.Finding> findings(Document findings) {
        if (findings == null) {
            return List.of();
        }
        return findings.entrySet().stream()
                .map(entry -> {
                    Document finding = (Document) entry.getValue();
                    return new FacilityView.Finding(
                            entry.getKey(),
                            LocalDate.parse(finding.getString("observedOn")),
                            finding.getString("finding"),
                            finding.getString("status"),
                            finding.getString("decisionReason"));
                })
                .sorted(Comparator.comparing(FacilityView.Finding::observedOn))
                .toList();
    }

    private static Map<String, String> followUps(Document followUps) {
        Map<String, String> outcomes = new TreeMap<>();
        if (followUps != null) {
            followUps.forEach((horizon, outcome) -> outcomes.put(horizon, String.valueOf(outcome)));
        }
        return outcomes;
    }

    private static FacilityView.Profile profile(Document profile) {
        return profile == null
                ? new FacilityView.Profile(null, null, null)
                : new FacilityView.Profile(
                        profile.getString("gender"), profile.getBoolean("disabled"), profile.getBoolean("rural"));
    }

    private static FacilityView.Place place(Document place) {
        return place == null
                ? null
                : new FacilityView.Place(
                        place.getString("address"), place.getDouble("latitude"), place.getDouble("longitude"));
    }

    private static List<FacilityView.Job> jobs(Document jobs) {
        if (jobs == null) {
            return List.of();
        }
        return jobs.entrySet().stream()
                .map(entry -> {
                    Document job = (Document) entry.getValue();
                    String endedOn = job.getString("endedOn");
                    String startedOn = job.getString("startedOn");
                    return new FacilityView.Job(
                            entry.getKey(),
                            job.getString("nationalId"),
                            job.getString("occupation"),
                            startedOn == null ? null : LocalDate.parse(startedOn),
                            Boolean.TRUE.equals(job.getBoolean("fullTime")),
                            job.getInteger("seasonalMonths", 0),
                            endedOn == null ? null : LocalDate.parse(endedOn),
                            job.getString("smsCheck"),
                            job.getString("phoneCheck"),
                            followUps(job.get("followUps", Document.class)));
                })
                .sorted(Comparator.comparing(FacilityView.Job::jobId))
                .toList();
    }

    private static List<FacilityView.Tranche> tranches(Document tranches) {
        if (tranches == null) {
            return List.of();
        }
        return tranches.entrySet().stream()
                .map(entry -> {
                    Document tranche = (Document) entry.getValue();
                    return new FacilityView.Tranche(
                            entry.getKey(),
                            tranche.get("amountRials", Number.class).longValue(),
                            LocalDate.parse(tranche.getString("paidOn")));
                })
                .sorted(Comparator.comparing(FacilityView.Tranche::paidOn)
                        .thenComparing(FacilityView.Tranche::trancheId))
                .toList();
    }

    private static FacilityView.Closure closure(Document closure) {
        return closure == null
                ? null
                : new FacilityView.Closure(
                        closure.getString("kind"),
                        LocalDate.parse(closure.getString("closedOn")),
                        closure.getString("reason"));
    }
}
