package rasad.command.monitoring;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertRuleParameter;
import rasad.kernel.alerts.Severity;

/**
 * The parameters of the alert rules, as {@code docs/alerts.md} explains each. The initial defaults are set in
 * {@code rasad.alerts.defaults}; a programme may override any of them under {@code rasad.alerts.programmes.<CODE>}
 * (a parameter left out there keeps the default). Admins change them at runtime, rule by rule, as events (see
 * {@link RuleSettings}).
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
        Integer quotaBelowPercentOfExpected,
        Integer minFailedChecks) {

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
                quotaBelowPercentOfExpected != null ? quotaBelowPercentOfExpected : base.quotaBelowPercentOfExpected,
                minFailedChecks != null ? minFailedChecks : base.minFailedChecks);
    }

    /** Only the given parameters (by their {@link AlertRuleParameter#key()}, canonical values) set; to lay over others. */
    static RuleParameters of(Map<String, Object> values) {
        Object[] fields = new Object[AlertRuleParameter.values().length];
        values.forEach((key, value) -> {
            AlertRuleParameter parameter = Arrays.stream(AlertRuleParameter.values())
                    .filter(candidate -> candidate.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no alert rule parameter " + key));
            fields[parameter.ordinal()] = switch (parameter.kind()) {
                case PERIOD -> AlertRuleParameter.days(value);
                case SHARE, DISTANCE -> ((Number) value).doubleValue();
                case CLUSTER_SIZE, MONTH, PERCENT, COUNT -> ((Number) value).intValue();
                case FLAG -> (Boolean) value;
                case ROLES, KEYWORDS ->
                    ((List<?>) value).stream().map(String::valueOf).toList();
            };
        });
        return new RuleParameters(
                null,
                null,
                (Duration) fields[AlertRuleParameter.NO_JOB_WITHIN.ordinal()],
                (Duration) fields[AlertRuleParameter.JOBS_DUE_WITHIN.ordinal()],
                (Double) fields[AlertRuleParameter.FAILED_CHECKS_SHARE.ordinal()],
                (Boolean) fields[AlertRuleParameter.BENEFICIARY_MAY_BE_OWN_JOB.ordinal()],
                (Double) fields[AlertRuleParameter.MAX_VISIT_DISTANCE_METRES.ordinal()],
                (Duration) fields[AlertRuleParameter.MAX_UPLOAD_DELAY.ordinal()],
                (Duration) fields[AlertRuleParameter.CLUSTER_WINDOW.ordinal()],
                (Integer) fields[AlertRuleParameter.SAME_ADDRESS.ordinal()],
                (Integer) fields[AlertRuleParameter.SAME_MOBILE.ordinal()],
                (Integer) fields[AlertRuleParameter.SAME_OPERATOR.ordinal()],
                (Duration) fields[AlertRuleParameter.OPERATOR_WINDOW.ordinal()],
                castList(fields[AlertRuleParameter.OPERATOR_ROLES.ordinal()]),
                (Duration) fields[AlertRuleParameter.SUSTAINABILITY_HORIZON.ordinal()],
                castList(fields[AlertRuleParameter.SEASONAL_OCCUPATIONS.ordinal()]),
                (Integer) fields[AlertRuleParameter.QUOTA_CHECK_FROM_MONTH.ordinal()],
                (Integer) fields[AlertRuleParameter.QUOTA_BELOW_PERCENT_OF_EXPECTED.ordinal()],
                (Integer) fields[AlertRuleParameter.MIN_FAILED_CHECKS.ordinal()]);
    }

    /** A parameter's value here, as requests and events write it (a period as {@code P<n>D}). */
    Object value(AlertRuleParameter parameter) {
        Object value = switch (parameter) {
            case NO_JOB_WITHIN -> noJobWithin;
            case JOBS_DUE_WITHIN -> jobsDueWithin;
            case FAILED_CHECKS_SHARE -> failedChecksShare;
            case BENEFICIARY_MAY_BE_OWN_JOB -> beneficiaryMayBeOwnJob;
            case MAX_VISIT_DISTANCE_METRES -> maxVisitDistanceMetres;
            case MAX_UPLOAD_DELAY -> maxUploadDelay;
            case CLUSTER_WINDOW -> clusterWindow;
            case SAME_ADDRESS -> sameAddress;
            case SAME_MOBILE -> sameMobile;
            case SAME_OPERATOR -> sameOperator;
            case OPERATOR_WINDOW -> operatorWindow;
            case OPERATOR_ROLES -> operatorRoles;
            case SUSTAINABILITY_HORIZON -> sustainabilityHorizon;
            case SEASONAL_OCCUPATIONS -> seasonalOccupations;
            case QUOTA_CHECK_FROM_MONTH -> quotaCheckFromMonth;
            case QUOTA_BELOW_PERCENT_OF_EXPECTED -> quotaBelowPercentOfExpected;
            case MIN_FAILED_CHECKS -> minFailedChecks;
        };
        return value instanceof Duration period ? "P" + period.toDays() + "D" : value;
    }

    /** The same, with this rule's severity set. */
    RuleParameters withSeverity(AlertRule rule, Severity level) {
        return new RuleParameters(
                disabled,
                merged(severity, Map.of(rule, level)),
                noJobWithin,
                jobsDueWithin,
                failedChecksShare,
                beneficiaryMayBeOwnJob,
                maxVisitDistanceMetres,
                maxUploadDelay,
                clusterWindow,
                sameAddress,
                sameMobile,
                sameOperator,
                operatorWindow,
                operatorRoles,
                sustainabilityHorizon,
                seasonalOccupations,
                quotaCheckFromMonth,
                quotaBelowPercentOfExpected,
                minFailedChecks);
    }

    /** The same, with this rule switched on or off. */
    RuleParameters withEnabled(AlertRule rule, boolean on) {
        Set<AlertRule> off = EnumSet.noneOf(AlertRule.class);
        if (disabled != null) {
            off.addAll(disabled);
        }
        if (on) {
            off.remove(rule);
        } else {
            off.add(rule);
        }
        return new RuleParameters(
                off,
                severity,
                noJobWithin,
                jobsDueWithin,
                failedChecksShare,
                beneficiaryMayBeOwnJob,
                maxVisitDistanceMetres,
                maxUploadDelay,
                clusterWindow,
                sameAddress,
                sameMobile,
                sameOperator,
                operatorWindow,
                operatorRoles,
                sustainabilityHorizon,
                seasonalOccupations,
                quotaCheckFromMonth,
                quotaBelowPercentOfExpected,
                minFailedChecks);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    boolean enabled(AlertRule rule) {
        return disabled == null || !disabled.contains(rule);
    }

    Severity severityOf(AlertRule rule) {
        Severity configured = severity == null ? null : severity.get(rule);
        return configured != null ? configured : Severity.MEDIUM;
    }

    boolean seasonalOccupation(String occupation) {
        String lower = occupation.toLowerCase(Locale.ROOT);
        return seasonalOccupations != null
                && seasonalOccupations.stream().anyMatch(keyword -> lower.contains(keyword.toLowerCase(Locale.ROOT)));
    }

    private static Map<AlertRule, Severity> merged(Map<AlertRule, Severity> base, Map<AlertRule, Severity> override) {
        Map<AlertRule, Severity> merged = new EnumMap<>(AlertRule.class);
        if (base != null) {
            merged.putAll(base);
        }
        merged.putAll(override);
        return merged;
    }
}
