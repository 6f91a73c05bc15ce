package rasad.kernel.sampling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A sample was drawn: everything needed to draw it again (seed, frame, sizes, rule) and what it drew, with
 * each drawn plan's inspector and due date. Revision 1.
 */
@Revision("1")
public record SampleDrawn(
        String sampleId,
        String rule,
        long seed,
        List<SamplingFrameEntry> frame,
        Map<String, Integer> sizes,
        int defaultSize,
        List<Assignment> assignments) {

    public static final String RULE =
            "rasad-sampling/1 (SHA-256 keys, Efraimidis-Spirakis, stratified by county/programme)";

    /** A drawn plan, assigned to an inspector, to be visited by a date. */
    public record Assignment(String facilityId, String inspector, LocalDate dueOn) {}
}
