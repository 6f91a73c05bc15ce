package rasad.kernel.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.InvalidValueException;

/** The committee allocates a quota; allocating it again with another amount is a revision with a reason. */
public record SetQuota(@TargetAggregateIdentifier QuotaId id, Rials amount, String reason) {

    public SetQuota {
        InvalidValueException.required(id, "quota");
        InvalidValueException.required(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidValueException("AMOUNT_NOT_POSITIVE", "a quota is more than zero rials");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
