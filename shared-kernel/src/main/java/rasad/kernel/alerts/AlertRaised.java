package rasad.kernel.alerts;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A rule found a condition that needs a person: which rule, how severe, about what, why, and the events it relied
 * on. Raised once per open condition; {@code episode} counts the times this condition (re)appeared. Revision 1.
 */
@Revision("1")
public record AlertRaised(
        String alertId,
        int episode,
        AlertRule rule,
        Severity severity,
        AlertSubject subject,
        String explanation,
        List<Evidence> evidence) {}
