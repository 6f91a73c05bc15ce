package rasad.kernel.verification;

/** Stage 1 (نظارت پیامکی): what the text message to the beneficiary or employee brought back. */
public enum SmsOutcome {
    SENT,
    CONFIRMED,
    DENIED,
    NO_ANSWER;

    public boolean passed() {
        return this == CONFIRMED;
    }

    public boolean failed() {
        return this == DENIED || this == NO_ANSWER;
    }
}
