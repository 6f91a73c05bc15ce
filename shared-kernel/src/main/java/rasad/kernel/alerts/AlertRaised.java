package rasad.kernel.alerts;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A rule found a condition that needs a person: which rule, how severe, about what, why, and the events it relied
 * on. Raised once per open condition; {@code episode} counts the times this condition (re)appeared. Revision 2:
 * each evidence says when it happened ({@code occurredAt}); revision 1 is read with that unknown
 * ({@code AlertEvidenceUpcaster}).
 */
@Revision("2")
public record AlertRaised(
        String alertId,
        int episode,
        AlertRule rule,
        Severity severity,
        AlertSubject subject,
        String explanation,
        List<Evidence> evidence) {}
