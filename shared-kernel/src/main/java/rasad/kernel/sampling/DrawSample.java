package rasad.kernel.sampling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import rasad.kernel.referencedata.ReferenceCode;
import rasad.kernel.validation.InvalidValueException;

/**
 * A manager draws plans for field visits from a frame (the plans whose stages 1–2 passed, as the query side
 * lists them), by {@link SamplingRule}, and assigns the drawn plans to inspectors in turn, due by a date.
 *
 * @param sizes       plans to draw per stratum ("county/programme"); others take {@code defaultSize}
 */
public record DrawSample(
        @TargetAggregateIdentifier String sampleId,
        long seed,
        List<SamplingFrameEntry> frame,
        Map<String, Integer> sizes,
        int defaultSize,
        List<String> inspectors,
        LocalDate dueOn,
        Map<String, String> inspectorCounties) {

    /** A draw whose inspectors all cover the whole province. */
    public DrawSample(
            String sampleId,
            long seed,
            List<SamplingFrameEntry> frame,
            Map<String, Integer> sizes,
            int defaultSize,
            List<String> inspectors,
            LocalDate dueOn) {
        this(sampleId, seed, frame, sizes, defaultSize, inspectors, dueOn, Map.of());
    }

    public DrawSample {
        sampleId = ReferenceCode.checkCode(sampleId, "sample");
        frame = frame == null ? List.of() : List.copyOf(frame);
        if (frame.isEmpty()) {
            throw new InvalidValueException("EMPTY_FRAME", "a sample is drawn from at least one plan");
        }
        if (frame.stream().map(entry -> entry.facilityId().value()).distinct().count() != frame.size()) {
            throw new InvalidValueException("DUPLICATE_IN_FRAME", "each plan appears once in the frame");
        }
        sizes = sizes == null ? Map.of() : Map.copyOf(sizes);
        if (defaultSize < 0 || sizes.values().stream().anyMatch(size -> size == null || size < 0)) {
            throw new InvalidValueException("SAMPLE_SIZE_NEGATIVE", "a stratum's sample size is 0 or more");
        }
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        if (inspectors.isEmpty()) {
            throw new InvalidValueException("NO_INSPECTORS", "drawn plans are assigned to at least one inspector");
        }
        InvalidValueException.required(dueOn, "due date");
        inspectorCounties = inspectorCounties == null ? Map.of() : Map.copyOf(inspectorCounties);
    }

    /** Whether a plan of this county may go to this inspector: one without a county covers them all. */
    public boolean covers(String inspector, String county) {
        String scoped = inspectorCounties.get(inspector);
        return scoped == null || scoped.equals(county);
    }
}
