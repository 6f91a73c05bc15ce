package rasad.command.monitoring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules' initial parameters: defaults, and what each programme (by its reference-data code) changes. Admins
 * change them at runtime with {@code AlertRuleParametersChanged} events, laid over these (see {@link RuleSettings}).
 */
@ConfigurationProperties("rasad.alerts")
public record AlertSettings(RuleParameters defaults, Map<String, RuleParameters> programmes) {

    public AlertSettings {
        if (defaults == null
                || defaults.noJobWithin() == null
                || defaults.jobsDueWithin() == null
                || defaults.failedChecksShare() == null
                || defaults.beneficiaryMayBeOwnJob() == null
                || defaults.maxVisitDistanceMetres() == null
                || defaults.maxUploadDelay() == null
                || defaults.clusterWindow() == null
                || defaults.sameAddress() == null
                || defaults.sameMobile() == null
                || defaults.sameOperator() == null
                || defaults.operatorWindow() == null
                || defaults.operatorRoles() == null
                || defaults.sustainabilityHorizon() == null
                || defaults.quotaCheckFromMonth() == null
                || defaults.quotaBelowPercentOfExpected() == null) {
            throw new IllegalStateException("rasad.alerts.defaults must set every rule parameter (see docs/alerts.md)");
        }
        programmes = programmes == null ? Map.of() : Map.copyOf(programmes);
    }

    public RuleParameters forProgramme(String programme) {
        RuleParameters own = programme == null ? null : programmes.get(programme);
        return own == null ? defaults : own.over(defaults);
    }
}
