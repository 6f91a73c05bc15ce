package rasad.command.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rasad.kernel.alerts.AlertIds;
import rasad.kernel.alerts.AlertRule;
import rasad.kernel.alerts.AlertSubject;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.planning.QuotaConsumed;
import rasad.kernel.planning.QuotaId;
import rasad.kernel.planning.QuotaRevised;
import rasad.kernel.planning.QuotaSet;

/**
 * R11: a bank far below its quota at month M of the fiscal year. At the end of each month from the configured
 * one, a bank that has paid less than the given share of what an even pace would have paid by then (M/12 of
 * the quota) is alerted; payments counted by the date they were paid, so a payment recorded late still counts
 * for its month. The alert clears as soon as the bank catches up.
 */
@Component
@ProcessingGroup(MonitoringProcessor.NAME)
@Order(5)
class QuotaRules {

    static final String MONTH_END = "R11";

    private final RuleState state;
    private final RuleSettings settings;
    private final RaisedAlerts alerts;
    private final RuleChecks checks;
    private final Clock clock;

    QuotaRules(RuleState state, RuleSettings settings, RaisedAlerts alerts, RuleChecks checks, Clock clock) {
        this.state = state;
        this.settings = settings;
        this.alerts = alerts;
        this.checks = checks;
        this.clock = clock;
    }

    static class QuotaFacts {
        int fiscalYear;
        String bank;
        String programme;
        String fundingSource;
        long amount;
        final List<Payment> payments = new ArrayList<>();

        long paidBy(LocalDate day) {
            return payments.stream()
                    .filter(p -> !p.paidOn().isAfter(day))
                    .mapToLong(Payment::rials)
                    .sum();
        }
    }

    record Payment(String tranche, LocalDate paidOn, long rials) {}

    @EventHandler
    void on(QuotaSet set) {
        if (set.id().holderKind() != QuotaId.HolderKind.BANK) {
            return;
        }
        String id = stateId(set.id());
        QuotaFacts quota = state.load(id, QuotaFacts.class).orElse(null);
        boolean first = quota == null;
        if (first) {
            quota = new QuotaFacts();
            quota.fiscalYear = set.id().fiscalYear().year();
            quota.bank = set.id().holder();
            quota.programme = set.id().programme().value();
            quota.fundingSource = set.id().fundingSource();
        }
        quota.amount = set.amount().amount();
        state.save(id, quota);
        if (first) {
            FiscalYear year = set.id().fiscalYear();
            for (int month = parameters(quota).quotaCheckFromMonth(); month <= 12; month++) {
                checks.schedule(
                        FacilityRules.startOf(year.lastDayOfMonth(month).plusDays(1)),
                        MONTH_END,
                        id,
                        Integer.toString(month));
            }
        }
    }

    @EventHandler
    void on(QuotaRevised revised) {
        String id = stateId(revised.id());
        state.load(id, QuotaFacts.class).ifPresent(quota -> {
            quota.amount = revised.amount().amount();
            state.save(id, quota);
        });
    }

    /** A payment counts for the month it was paid in; a bank back on pace is cleared at once. */
    @EventHandler
    void on(QuotaConsumed consumed, EventMessage<?> message) {
        String id = stateId(consumed.id());
        QuotaFacts quota = state.load(id, QuotaFacts.class).orElse(null);
        String tranche =
                consumed.facilityId().value() + "/" + consumed.trancheId().value();
        if (quota == null || quota.payments.stream().anyMatch(p -> p.tranche().equals(tranche))) {
            return;
        }
        LocalDate paidOn = state.load(FacilityFacts.id(consumed.facilityId().value()), FacilityFacts.class)
                .flatMap(facts -> facts.tranche(consumed.trancheId().value()))
                .map(FacilityFacts.Tranche::paidOn)
                .orElse(LocalDate.ofInstant(message.getTimestamp(), FacilityRules.TEHRAN));
        quota.payments.add(new Payment(tranche, paidOn, consumed.amount().amount()));
        state.save(id, quota);
        int month = latestMonthChecked(quota);
        if (month > 0 && !below(quota, month)) {
            alerts.clear(
                    alertId(quota),
                    AlertRule.R11,
                    explanation(quota, month),
                    Evidences.of(message, "tranche " + tranche + " paid on " + paidOn));
        }
    }

    /** A month's check speaks only while no later month's has fallen due; it raises below pace, clears above. */
    TimeRule<QuotaFacts> monthEnd() {
        return new TimeRule<>(
                QuotaFacts.class,
                on -> current(on) && below(on.state(), month(on)),
                on -> alerts.raise(
                        alertId(on.state()),
                        AlertRule.R11,
                        parameters(on.state()),
                        new AlertSubject(
                                null,
                                on.state().bank,
                                null,
                                null,
                                on.state().programme,
                                on.state().bank + "'s " + on.state().fiscalYear + " quota for " + on.state().programme
                                        + " (" + on.state().fundingSource + ")"),
                        explanation(on.state(), month(on)),
                        List.of()),
                on -> {
                    if (current(on)) {
                        alerts.clear(alertId(on.state()), AlertRule.R11, explanation(on.state(), month(on)), List.of());
                    }
                });
    }

    /** A month before the first one checked (the parameter may have changed since it was scheduled) never speaks. */
    private boolean current(TimeRule.RuleCheckOn<QuotaFacts> on) {
        return month(on) >= latestMonthChecked(on.state())
                && month(on) >= parameters(on.state()).quotaCheckFromMonth();
    }

    private static int month(TimeRule.RuleCheckOn<QuotaFacts> on) {
        return Integer.parseInt(on.check().detail());
    }

    private boolean below(QuotaFacts quota, int month) {
        if (quota.amount <= 0) {
            return false;
        }
        long paid = quota.paidBy(FiscalYear.of(quota.fiscalYear).lastDayOfMonth(month));
        double evenPace = quota.amount * month / 12.0;
        return paid * 100.0 < evenPace * parameters(quota).quotaBelowPercentOfExpected();
    }

    private String explanation(QuotaFacts quota, int month) {
        long paid = quota.paidBy(FiscalYear.of(quota.fiscalYear).lastDayOfMonth(month));
        return String.format(
                Locale.ROOT,
                "by the end of month %d of %d, %s had paid %.1f %% of its %s quota; an even "
                        + "pace would have paid %.1f %%, and the alert is for less than %d %% of that",
                month,
                quota.fiscalYear,
                quota.bank,
                100.0 * paid / quota.amount,
                quota.programme,
                100.0 * month / 12,
                parameters(quota).quotaBelowPercentOfExpected());
    }

    /** The latest month whose end has passed and which the rule checks, or 0 before the first. */
    private int latestMonthChecked(QuotaFacts quota) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), FacilityRules.TEHRAN);
        FiscalYear year = FiscalYear.of(quota.fiscalYear);
        int latest = 0;
        for (int month = parameters(quota).quotaCheckFromMonth(); month <= 12; month++) {
            if (today.isAfter(year.lastDayOfMonth(month))) {
                latest = month;
            }
        }
        return latest;
    }

    private RuleParameters parameters(QuotaFacts quota) {
        return settings.forRule(AlertRule.R11, quota.programme);
    }

    private static String stateId(QuotaId id) {
        return "quota:" + id;
    }

    private static String alertId(QuotaFacts quota) {
        return AlertIds.of(
                AlertRule.R11,
                Integer.toString(quota.fiscalYear),
                quota.bank,
                quota.programme.toLowerCase(Locale.ROOT).replace('_', '-'),
                quota.fundingSource.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
