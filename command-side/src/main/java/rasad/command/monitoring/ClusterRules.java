package rasad.command.monitoring;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.alerts.Evidence;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.facility.FacilityGranted;

/**
 * R8, brokers: many facilities granted within a period to one workplace address, one mobile number, or
 * recorded by one operator. Each cluster key has its own state; keys of free text and personal data are
 * digests, so neither an address nor a mobile number appears in an alert id.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(1)
class ClusterRules {

    private final RuleState state;
    private final RuleSettings settings;
    private final RaisedAlerts alerts;

    ClusterRules(RuleState state, RuleSettings settings, RaisedAlerts alerts) {
        this.state = state;
        this.settings = settings;
        this.alerts = alerts;
    }

    /** One facility in a cluster: when it counts, and where it belongs for triage. */
    record Member(
            String facilityId,
            LocalDate on,
            String eventId,
            Instant recordedAt,
            String bank,
            String county,
            String agency,
            String programme,
            Instant occurredAt) {}

    static class ClusterFacts {
        final List<Member> members = new ArrayList<>();
    }

    @EventHandler
    void on(
            FacilityGranted granted,
            EventMessage<?> message,
            @MetaDataValue(AuditMetaData.ACTOR) String actor,
            @MetaDataValue(AuditMetaData.ACTOR_ROLE) String role) {
        RuleParameters rules =
                settings.forRule(AlertRule.R8, granted.programme().value());
        Member member = new Member(
                granted.facilityId().value(),
                granted.grantedOn(),
                message.getIdentifier(),
                message.getTimestamp(),
                granted.bank().value(),
                granted.county().value(),
                granted.agency() == null ? null : granted.agency().value(),
                granted.programme().value(),
                Evidences.occurredAt(message));
        if (granted.workplace() != null) {
            join(
                    "address",
                    normalized(granted.workplace().address()),
                    member,
                    rules.clusterWindow(),
                    rules.sameAddress(),
                    rules,
                    "one workplace address");
        }
        String mobile = granted.profile().mobile();
        if (mobile != null) {
            join(
                    "mobile",
                    mobile,
                    member,
                    rules.clusterWindow(),
                    rules.sameMobile(),
                    rules,
                    "one mobile number (ending " + mobile.substring(mobile.length() - 3) + ")");
        }
        if (actor != null && role != null && rules.operatorRoles().contains(role)) {
            Member recorded = new Member(
                    member.facilityId(),
                    LocalDate.ofInstant(message.getTimestamp(), FacilityRules.TEHRAN),
                    member.eventId(),
                    member.recordedAt(),
                    member.bank(),
                    member.county(),
                    member.agency(),
                    member.programme(),
                    member.occurredAt());
            join(
                    "operator",
                    actor,
                    recorded,
                    rules.operatorWindow(),
                    rules.sameOperator(),
                    rules,
                    "one operator (" + actor + ")");
        }
    }

    private void join(
            String kind,
            String key,
            Member member,
            Duration window,
            int threshold,
            RuleParameters rules,
            String shared) {
        String digest = AlertIds.digest(kind + ":" + key);
        String stateId = "cluster:" + kind + ":" + digest;
        ClusterFacts cluster = state.load(stateId, ClusterFacts.class).orElseGet(ClusterFacts::new);
        if (cluster.members.stream().anyMatch(known -> known.facilityId().equals(member.facilityId()))) {
            return;
        }
        cluster.members.add(member);
        state.save(stateId, cluster);
        List<Member> within = densest(cluster.members, window);
        if (within.size() >= threshold) {
            alerts.raise(
                    AlertIds.of(AlertRule.R8, kind, digest),
                    AlertRule.R8,
                    rules,
                    new AlertSubject(
                            null,
                            member.bank(),
                            member.county(),
                            member.agency(),
                            member.programme(),
                            within.size() + " facilities share " + shared),
                    within.size() + " facilities ("
                            + within.stream()
                                    .map(Member::facilityId)
                                    .sorted()
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("") + ") share " + shared + " within "
                            + window.toDays() + " days (alert from " + threshold + ")",
                    within.stream()
                            .map(m -> new Evidence(
                                    m.eventId(),
                                    "FacilityGranted",
                                    m.recordedAt(),
                                    "facility " + m.facilityId() + " granted on " + m.on(),
                                    m.occurredAt()))
                            .toList());
        }
    }

    /** The most members whose dates fit in one window of the given length. */
    static List<Member> densest(List<Member> members, Duration window) {
        List<Member> sorted =
                members.stream().sorted(Comparator.comparing(Member::on)).toList();
        List<Member> best = List.of();
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(start)
                    .on()
                    .plusDays(window.toDays())
                    .isBefore(sorted.get(end).on())) {
                start++;
            }
            if (end - start + 1 > best.size()) {
                best = sorted.subList(start, end + 1);
            }
        }
        return best;
    }

    /** One address however it was typed: Arabic or Persian letters and digits, spacing, punctuation, case. */
    static String normalized(String address) {
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('ي', 'ی')
                .replace('ى', 'ی')
                .replace('ك', 'ک')
                .replace('\u200c', ' ');
        StringBuilder plain = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '۰' && c <= '۹') {
                plain.append((char) ('0' + (c - '۰')));
            } else if (c >= '٠' && c <= '٩') {
                plain.append((char) ('0' + (c - '٠')));
            } else {
                plain.append(Character.isLetterOrDigit(c) ? c : ' ');
            }
        }
        return plain.toString().trim().replaceAll("\\s+", " ");
    }
}
