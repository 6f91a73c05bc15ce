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
        return new Rials(amount);
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
