package rasad.kernel.verification;

/** Stage 2 (صحت‌سنجی تلفنی): what the call centre recorded. */
public enum PhoneOutcome {
    CONFIRMED,
    DENIED,
    UNREACHABLE;

    public boolean passed() {
        return this == CONFIRMED;
    }
}
