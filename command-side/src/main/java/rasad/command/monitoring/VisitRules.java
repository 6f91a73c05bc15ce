package rasad.command.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.place.GeoPoint;
import rasad.kernel.sampling.FieldVisitAssigned;
import rasad.kernel.verification.FieldVisitRecorded;

/** The rules about field visits (R5, R7): visits overdue, findings, where and when a visit was recorded. */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(4)
class VisitRules {

    static final String VISIT_DUE = "R7-visit-due";

    private final FacilityWatch facilities;
    private final RuleChecks checks;

    VisitRules(FacilityWatch facilities, RuleChecks checks) {
        this.facilities = facilities;
        this.checks = checks;
    }

    @EventHandler
    void on(FieldVisitAssigned assigned, EventMessage<?> message) {
        facilities.withFacts(assigned.facilityId().value(), facts -> {
            if (facts.assignments.stream().anyMatch(a -> a.sampleId().equals(assigned.sampleId()))) {
                return false;
            }
            facts.assignments.add(new FacilityFacts.Assignment(assigned.sampleId(), message.getTimestamp()));
            checks.schedule(
                    FacilityRules.startOf(assigned.dueOn().plusDays(1)),
                    VISIT_DUE,
                    FacilityFacts.id(facts.facilityId),
                    assigned.sampleId());
            return true;
        });
    }

    @EventHandler
    void on(
            FieldVisitRecorded visit,
            EventMessage<?> message,
            @MetaDataValue(AuditMetaData.IMPORTED_FROM) String importedFrom) {
        String facilityId = visit.facilityId().value();
        FacilityFacts facts = facilities.facts(facilityId).orElse(null);
        if (facts == null) {
            return;
        }
        if (facts.visits.stream().noneMatch(v -> v.visitId().equals(visit.visitId()))) {
            facts.visits.add(new FacilityFacts.Visit(visit.visitId(), message.getTimestamp()));
            facilities.save(facts);
        }
        RuleParameters rules = facilities.parameters(facts, AlertRule.R7);
        facilities
                .alerts()
                .clear(
                        AlertIds.of(AlertRule.R7, facilityId, "overdue"),
                        AlertRule.R7,
                        "the facility was visited",
                        Evidences.of(message, "visit " + visit.visitId()));
        findings(facts, visit, message);
        if (facts.workplaceLatitude != null) {
            double metres = visit.location().metresTo(new GeoPoint(facts.workplaceLatitude, facts.workplaceLongitude));
            String alertId = AlertIds.of(AlertRule.R7, facilityId, "far");
            if (metres > rules.maxVisitDistanceMetres()) {
                facilities.signal(
                        facts,
                        alertId,
                        AlertRule.R7,
                        facts.subject("facility " + facilityId),
                        String.format(
                                "the visit was recorded %,.0f m from the registered workplace (at most %,.0f m)",
                                metres, rules.maxVisitDistanceMetres()),
                        Evidences.of(message, "visit " + visit.visitId() + " at " + visit.location()));
            } else {
                facilities.signalEnded(
                        facts,
                        alertId,
                        AlertRule.R7,
                        "a later visit was recorded at the workplace",
                        Evidences.of(message, "visit " + visit.visitId()));
            }
        }
        Duration delay = Duration.between(visit.deviceTime(), message.getTimestamp());
        if (importedFrom == null && delay.compareTo(rules.maxUploadDelay()) > 0) {
            facilities
                    .alerts()
                    .raise(
                            AlertIds.of(AlertRule.R7, facilityId, "late", visit.visitId()),
                            AlertRule.R7,
                            rules,
                            facts.subject("facility " + facilityId),
                            "the visit reached Rasad " + delay.toDays() + " days after "
                                    + "the device recorded it (at most "
                                    + rules.maxUploadDelay().toDays() + ")",
                            Evidences.of(message, "visit " + visit.visitId() + " made at " + visit.deviceTime()));
        }
    }

    /** R5: what the inspector found. A later visit that finds everything in order clears it. */
    private void findings(FacilityFacts facts, FieldVisitRecorded visit, EventMessage<?> message) {
        List<String> found = new ArrayList<>();
        if (!visit.businessOperating()) {
            found.add("the business was closed");
        }
        List<String> unseen = visit.jobsSeen().entrySet().stream()
                .filter(seen -> !Boolean.TRUE.equals(seen.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!unseen.isEmpty()) {
            found.add("claimed jobs not seen: " + String.join(", ", unseen));
        }
        if (!visit.moneyUsedAsPlanned()) {
            found.add("the money was not used as planned");
        }
        String alertId = AlertIds.of(AlertRule.R5, facts.facilityId);
        if (found.isEmpty()) {
            facilities.signalEnded(
                    facts,
                    alertId,
                    AlertRule.R5,
                    "a later visit found the business operating as planned",
                    Evidences.of(message, "visit " + visit.visitId() + ": in order"));
        } else {
            facilities.signal(
                    facts,
                    alertId,
                    AlertRule.R5,
                    facts.subject("facility " + facts.facilityId),
                    "the field visit found that " + String.join("; ", found),
                    Evidences.of(message, "visit " + visit.visitId() + ": " + String.join("; ", found)));
        }
    }

    /** A visit counts for an assignment when Rasad recorded it after the assignment. */
    TimeRule<FacilityFacts> visitDue() {
        return new TimeRule<>(
                FacilityFacts.class,
                on -> !on.state().closed
                        && on.state().assignments.stream()
                                .filter(a -> a.sampleId().equals(on.check().detail()))
                                .anyMatch(a -> on.state().visits.stream()
                                        .noneMatch(v -> !v.recordedAt().isBefore(a.assignedAt()))),
                on -> facilities
                        .alerts()
                        .raise(
                                AlertIds.of(AlertRule.R7, on.state().facilityId, "overdue"),
                                AlertRule.R7,
                                facilities.parameters(on.state(), AlertRule.R7),
                                on.state().subject("facility " + on.state().facilityId),
                                "the field visit assigned in " + on.check().detail() + " was not made by its due date",
                                List.of()),
                on -> facilities
                        .alerts()
                        .clear(
                                AlertIds.of(AlertRule.R7, on.state().facilityId, "overdue"),
                                AlertRule.R7,
                                "the facility was visited",
                                List.of()));
    }
}
