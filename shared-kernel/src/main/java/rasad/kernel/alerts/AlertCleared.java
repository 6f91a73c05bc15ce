package rasad.kernel.alerts;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The condition no longer holds (a job was registered, a later check passed…): the events that show it. Revision
 * 2: each evidence says when it happened; revision 1 is read with that unknown ({@code AlertEvidenceUpcaster}).
 */
@Revision("2")
public record AlertCleared(String alertId, int episode, String explanation, List<Evidence> evidence) {}
