package rasad.command.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.Severity;

/**
 * The parameters of the alert rules, as {@code docs/alerts.md} explains each. The defaults are set in
 * {@code rasad.alerts.defaults}; a programme may override any of them under {@code rasad.alerts.programmes.<CODE>}
 * (a parameter left out there keeps the default).
 */
public record RuleParameters(
        Set<AlertRule> disabled,
        Map<AlertRule, Severity> severity,
        Duration noJobWithin,
        Duration jobsDueWithin,
        Double failedChecksShare,
        Boolean beneficiaryMayBeOwnJob,
        Double maxVisitDistanceMetres,
        Duration maxUploadDelay,
        Duration clusterWindow,
        Integer sameAddress,
        Integer sameMobile,
        Integer sameOperator,
        Duration operatorWindow,
        List<String> operatorRoles,
        Duration sustainabilityHorizon,
        List<String> seasonalOccupations,
        Integer quotaCheckFromMonth,
        Integer quotaBelowPercentOfExpected) {

    /** These parameters where set, the base's elsewhere. */
    RuleParameters over(RuleParameters base) {
        return new RuleParameters(
                disabled != null ? disabled : base.disabled,
                severity != null ? merged(base.severity, severity) : base.severity,
                noJobWithin != null ? noJobWithin : base.noJobWithin,
                jobsDueWithin != null ? jobsDueWithin : base.jobsDueWithin,
                failedChecksShare != null ? failedChecksShare : base.failedChecksShare,
                beneficiaryMayBeOwnJob != null ? beneficiaryMayBeOwnJob : base.beneficiaryMayBeOwnJob,
                maxVisitDistanceMetres != null ? maxVisitDistanceMetres : base.maxVisitDistanceMetres,
                maxUploadDelay != null ? maxUploadDelay : base.maxUploadDelay,
                clusterWindow != null ? clusterWindow : base.clusterWindow,
                sameAddress != null ? sameAddress : base.sameAddress,
                sameMobile != null ? sameMobile : base.sameMobile,
                sameOperator != null ? sameOperator : base.sameOperator,
                operatorWindow != null ? operatorWindow : base.operatorWindow,
                operatorRoles != null ? operatorRoles : base.operatorRoles,
                sustainabilityHorizon != null ? sustainabilityHorizon : base.sustainabilityHorizon,
                seasonalOccupations != null ? seasonalOccupations : base.seasonalOccupations,
                quotaCheckFromMonth != null ? quotaCheckFromMonth : base.quotaCheckFromMonth,
                quotaBelowPercentOfExpected != null ? quotaBelowPercentOfExpected : base.quotaBelowPercentOfExpected);
    }

    boolean enabled(AlertRule rule) {
        return disabled == null || !disabled.contains(rule);
    }

    Severity severityOf(AlertRule rule) {
        Severity configured = severity == null ? null : severity.get(rule);
        return configured != null ? configured : Severity.MEDIUM;
    }

    boolean seasonalOccupation(String occupation) {
        String lower = occupation.toLowerCase(java.util.Locale.ROOT);
        return seasonalOccupations != null && seasonalOccupations.stream()
                .anyMatch(keyword -> lower.contains(keyword.toLowerCase(java.util.Locale.ROOT)));
    }

    private static Map<AlertRule, Severity> merged(Map<AlertRule, Severity> base, Map<AlertRule, Severity> override) {
        Map<AlertRule, Severity> merged = new java.util.EnumMap<>(AlertRule.class);
        if (base != null) {
            merged.putAll(base);
        }
        merged.putAll(override);
        return merged;
    }
}
