package rasad.kernel.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import rasad.kernel.validation.InvalidValueException;

/**
 * An amount of money in rials, as an integer: reports sum thousands of facilities and must match the banks'
 * ledgers to the rial, which floating point cannot promise. One toman is ten rials.
 */
public record Rials(long amount) implements Comparable<Rials> {

    public static final Rials ZERO = new Rials(0);

    /**
     * The most one request may name: ten quadrillion rials, beyond any single loan, quota or plan a province
     * sees, and low enough that sums of thousands of them stay exact in a long.
     */
    public static final long MAX_REQUESTED = 10_000_000_000_000_000L;

    public Rials {
        if (amount < 0) {
            throw new InvalidValueException("AMOUNT_NEGATIVE", "an amount cannot be negative");
        }
    }

    @JsonCreator
    public static Rials of(long amount) {
        return new Rials(amount);
    }

    /** An amount that must be more than nothing, such as a facility's granted amount. */
    public static Rials positive(long amount) {
        if (amount <= 0) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "the amount must be more than zero rials");
        }
        if (amount > MAX_REQUESTED) {
            throw new InvalidValueException("AMOUNT_TOO_LARGE", "an amount is at most " + MAX_REQUESTED + " rials");
        }
        return new Rials(amount);
    }

    /** Exact: a sum that no long can hold is refused, never wrapped round to a negative amount. */
    public Rials plus(Rials other) {
        try {
            return new Rials(Math.addExact(amount, other.amount));
        } catch (ArithmeticException overflow) {
            throw new InvalidValueException("AMOUNT_TOO_LARGE", "the sum exceeds what can be counted in rials");
        }
    }

    public static Rials ofTomans(long tomans) {
        return new Rials(Math.multiplyExact(tomans, 10L));
    }

    public boolean isPositive() {
        return amount > 0;
    }

    /** Tomans, rounded down: the rial remainder is below what any report in tomans shows. */
    public long tomans() {
        return amount / 10;
    }

    @Override
    public int compareTo(Rials other) {
        return Long.compare(amount, other.amount);
    }

    @JsonValue
    @Override
    public long amount() {
        return amount;
    }

    @Override
    public String toString() {
        return amount + " rials";
    }
}
