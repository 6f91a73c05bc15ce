package rasad.kernel.alerts;

/**
 * The rules that raise alerts, named as {@code docs/alerts.md} documents them. A rule's parameters and
 * severity are configuration (per programme); its name and meaning are part of the event contract.
 */
public enum AlertRule {
    R1("no job registered after the first disbursement"),
    R2("fewer jobs than committed when the job deadline passed"),
    R3("SMS check denied or unanswered"),
    R4("phone check failed"),
    R5("field visit found the business closed, claimed jobs not seen, or money not used as planned"),
    R6("one person claimed as a job twice, or the beneficiary counted as their own job"),
    R7("field visit overdue, far from the workplace, or received long after it was made"),
    R8("many facilities share one address, mobile number or operator (brokers)"),
    R9("job ended before the sustainability horizon, or seasonal work claimed as year-round"),
    R10("disbursement beyond the grant"),
    R11("bank far below its quota");

    private final String detects;

    AlertRule(String detects) {
        this.detects = detects;
    }

    public String detects() {
        return detects;
    }
}
