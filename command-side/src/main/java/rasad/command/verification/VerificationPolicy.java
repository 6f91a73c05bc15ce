package rasad.command.verification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a beneficiary has to answer the SMS check before it counts as NO_ANSWER: configuration. */
@Component
public class VerificationPolicy {

    private final Duration smsAnswerWithin;

    public VerificationPolicy(@Value("${rasad.verification.sms-answer-within:P7D}") Duration smsAnswerWithin) {
        this.smsAnswerWithin = smsAnswerWithin;
    }

    Duration smsAnswerWithin() {
        return smsAnswerWithin;
    }
}
