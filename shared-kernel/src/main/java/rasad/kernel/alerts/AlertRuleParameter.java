package rasad.kernel.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rasad.kernel.audit.Role;
import rasad.kernel.validation.InvalidValueException;

/**
 * The parameters the alert rules take, by the names {@code docs/alerts.md} and the configuration use, which
 * rules take each, and what a value must be. Part of the event contract: {@link AlertRuleParametersChanged}
 * names parameters by {@link #key()} and carries their {@linkplain #canonical(Object) canonical} values — a
 * period as an ISO-8601 number of days ({@code "P90D"}), a share or a distance as a decimal number, a count, a
 * month or a percentage as a whole number, a flag as a boolean, roles and keywords as lists of strings.
 */
public enum AlertRuleParameter {
    NO_JOB_WITHIN("no-job-within", Kind.PERIOD, AlertRule.R1),
    JOBS_DUE_WITHIN("jobs-due-within", Kind.PERIOD, AlertRule.R2),
    FAILED_CHECKS_SHARE("failed-checks-share", Kind.SHARE, AlertRule.R3, AlertRule.R4),
    BENEFICIARY_MAY_BE_OWN_JOB("beneficiary-may-be-own-job", Kind.FLAG, AlertRule.R6),
    MAX_VISIT_DISTANCE_METRES("max-visit-distance-metres", Kind.DISTANCE, AlertRule.R7),
    MAX_UPLOAD_DELAY("max-upload-delay", Kind.PERIOD, AlertRule.R7),
    CLUSTER_WINDOW("cluster-window", Kind.PERIOD, AlertRule.R8),
    SAME_ADDRESS("same-address", Kind.CLUSTER_SIZE, AlertRule.R8),
    SAME_MOBILE("same-mobile", Kind.CLUSTER_SIZE, AlertRule.R8),
    SAME_OPERATOR("same-operator", Kind.CLUSTER_SIZE, AlertRule.R8),
    OPERATOR_WINDOW("operator-window", Kind.PERIOD, AlertRule.R8),
    OPERATOR_ROLES("operator-roles", Kind.ROLES, AlertRule.R8),
    SUSTAINABILITY_HORIZON("sustainability-horizon", Kind.PERIOD, AlertRule.R9),
    SEASONAL_OCCUPATIONS("seasonal-occupations", Kind.KEYWORDS, AlertRule.R9),
    QUOTA_CHECK_FROM_MONTH("quota-check-from-month", Kind.MONTH, AlertRule.R11),
    QUOTA_BELOW_PERCENT_OF_EXPECTED("quota-below-percent-of-expected", Kind.PERCENT, AlertRule.R11),
    /** Added in wave 2: without it one failed check of a two-job facility raised R3 or R4. */
    MIN_FAILED_CHECKS("min-failed-checks", Kind.COUNT, AlertRule.R3, AlertRule.R4);

    /** What a value is, and the rule it must keep. */
    public enum Kind {
        /** A positive whole number of days, written {@code P<n>D}. */
        PERIOD,
        /** A share of a facility's jobs, 0 to 1. */
        SHARE,
        /** true or false. */
        FLAG,
        /** Metres, more than 0. */
        DISTANCE,
        /** How many facilities make a cluster: at least 2. */
        CLUSTER_SIZE,
        /** Roles whose users count as operators (role codes, e.g. {@code agency-clerk}). */
        ROLES,
        /** Words that mark an occupation as seasonal. */
        KEYWORDS,
        /** A month of the fiscal year, 1 to 12. */
        MONTH,
        /** A percentage, 1 to 100. */
        PERCENT,
        /** How many, at least 1. */
        COUNT
    }

    private static final int MAX_KEYWORDS = 100;
    private static final int MAX_KEYWORD_LENGTH = 100;

    private final String key;
    private final Kind kind;
    private final Set<AlertRule> rules;

    AlertRuleParameter(String key, Kind kind, AlertRule first, AlertRule... more) {
        this.key = key;
        this.kind = kind;
        this.rules = EnumSet.of(first, more);
    }

    /** The name in requests, events, configuration and documentation, e.g. {@code no-job-within}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The rules that read this parameter (each rule keeps its own value: changing R3's leaves R4's). */
    public Set<AlertRule> rules() {
        return rules;
    }

    /** The parameters a rule takes, in catalogue order; R5 and R10 take none (only a severity). */
    public static List<AlertRuleParameter> of(AlertRule rule) {
        return Arrays.stream(values())
                .filter(parameter -> parameter.rules.contains(rule))
                .toList();
    }

    /** The parameter of that rule by its name, refused with {@code UNKNOWN_PARAMETER} if the rule takes none so named. */
    public static AlertRuleParameter named(AlertRule rule, String key) {
        return of(rule).stream()
                .filter(parameter -> parameter.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "UNKNOWN_PARAMETER",
                        rule + " takes "
                                + (of(rule).isEmpty()
                                        ? "no parameter (only a severity)"
                                        : "only "
                                                + String.join(
                                                        ", ",
                                                        of(rule).stream()
                                                                .map(AlertRuleParameter::key)
                                                                .toList()))));
    }

    /**
     * The value as events carry it, or refused with the rule it breaks: {@code TYPE_MISMATCH}, {@code PERIOD_FORMAT},
     * {@code PERIOD_NOT_POSITIVE}, {@code SHARE_OUT_OF_RANGE}, {@code DISTANCE_NOT_POSITIVE}, {@code CLUSTER_BELOW_TWO},
     * {@code UNKNOWN_ROLE}, {@code KEYWORD_FORMAT}, {@code MONTH_RANGE}, {@code PERCENT_OUT_OF_RANGE}, {@code COUNT_BELOW_ONE}.
     */
    public Object canonical(Object value) {
        InvalidValueException.required(value, key);
        return switch (kind) {
            case PERIOD -> "P" + period(value).toDays() + "D";
            case SHARE -> within(decimal(value), 0, 1, "SHARE_OUT_OF_RANGE", "a share from 0 to 1, e.g. 0.5");
            case FLAG -> {
                if (!(value instanceof Boolean flag)) {
                    throw mismatch("true or false");
                }
                yield flag;
            }
            case DISTANCE -> {
                double metres = decimal(value);
                if (!(metres > 0)) {
                    throw new InvalidValueException("DISTANCE_NOT_POSITIVE", key + " is a distance in metres above 0");
                }
                yield metres;
            }
            case CLUSTER_SIZE -> {
                int size = whole(value);
                if (size < 2) {
                    throw new InvalidValueException("CLUSTER_BELOW_TWO", key + " counts facilities: at least 2");
                }
                yield size;
            }
            case MONTH -> (int) within(whole(value), 1, 12, "MONTH_RANGE", "a month of the fiscal year, 1 to 12");
            case COUNT -> {
                int count = whole(value);
                if (count < 1) {
                    throw new InvalidValueException("COUNT_BELOW_ONE", key + " is a count: at least 1");
                }
                yield count;
            }
            case PERCENT -> (int) within(whole(value), 1, 100, "PERCENT_OUT_OF_RANGE", "a percentage from 1 to 100");
            case ROLES -> {
                Set<String> roles = new TreeSet<>();
                for (String code : strings(value)) {
                    try {
                        roles.add(Role.fromCode(code.strip()).code());
                    } catch (IllegalArgumentException unknown) {
                        throw new InvalidValueException(
                                "UNKNOWN_ROLE",
                                key + " lists role codes, one of "
                                        + Arrays.stream(Role.values())
                                                .map(Role::code)
                                                .toList());
                    }
                }
                yield List.copyOf(roles);
            }
            case KEYWORDS -> {
                List<String> words = strings(value);
                Set<String> distinct = new LinkedHashSet<>();
                for (String word : words) {
                    String stripped = word.strip();
                    if (stripped.isEmpty() || stripped.length() > MAX_KEYWORD_LENGTH) {
                        throw new InvalidValueException(
                                "KEYWORD_FORMAT", key + " lists words of 1 to " + MAX_KEYWORD_LENGTH + " characters");
                    }
                    distinct.add(stripped);
                }
                if (distinct.size() > MAX_KEYWORDS) {
                    throw new InvalidValueException(
                            "KEYWORD_FORMAT", key + " lists at most " + MAX_KEYWORDS + " words");
                }
                yield List.copyOf(distinct);
            }
        };
    }

    /** A canonical period value as a duration (for the rules). */
    public static Duration days(Object canonicalPeriod) {
        return Duration.parse((String) canonicalPeriod);
    }

    private Duration period(Object value) {
        if (!(value instanceof String text)) {
            throw mismatch("an ISO-8601 period in days, e.g. \"P90D\"");
        }
        Duration period;
        try {
            period = Duration.parse(text.strip());
        } catch (DateTimeParseException notAPeriod) {
            throw new InvalidValueException("PERIOD_FORMAT", key + " is an ISO-8601 period in days, e.g. \"P90D\"");
        }
        if (period.isNegative() || period.isZero()) {
            throw new InvalidValueException("PERIOD_NOT_POSITIVE", key + " is a period of at least one day");
        }
        if (period.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
            throw new InvalidValueException("PERIOD_FORMAT", key + " is a whole number of days, e.g. \"P90D\"");
        }
        return period;
    }

    private double decimal(Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw mismatch("a number");
        }
        return number.doubleValue();
    }

    private int whole(Object value) {
        if (!(value instanceof Number number)) {
            throw mismatch("a whole number");
        }
        try {
            return new BigDecimal(number.toString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            throw mismatch("a whole number");
        }
    }

    private double within(double value, double low, double high, String rule, String what) {
        if (value < low || value > high) {
            throw new InvalidValueException(rule, key + " is " + what);
        }
        return value;
    }

    private List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            throw mismatch("a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw mismatch("a list of strings");
            }
            strings.add(text);
        }
        return strings;
    }

    private InvalidValueException mismatch(String expected) {
        return new InvalidValueException("TYPE_MISMATCH", key + " is " + expected);
    }
}
