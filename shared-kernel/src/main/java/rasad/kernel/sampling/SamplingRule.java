package rasad.kernel.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The documented, reproducible rule by which plans are drawn for field visits — anyone with the seed and the
 * frame draws the same sample, in any language:
 * <ol>
 *   <li>Group the frame into strata by county and programme.</li>
 *   <li>For each plan, u = the first 8 bytes of SHA-256("seed:" + seed + ":" + facilityId), as an unsigned
 *       integer, divided by 2^64 (a uniform number in [0, 1)).</li>
 *   <li>Its key is u^(1/w), w its risk weight (weighted sampling without replacement, Efraimidis–Spirakis);
 *       with every weight 1 this is a simple random sample.</li>
 *   <li>In each stratum, draw the plans with the largest keys, as many as the stratum's size asks (all of them if
 *       fewer); ties are broken by facility id.</li>
 * </ol>
 */
public final class SamplingRule {

    private SamplingRule() {}

    /** The drawn facility ids, stratum by stratum in stratum order, each stratum's plans by descending key. */
    public static List<String> draw(
            long seed, List<SamplingFrameEntry> frame, Map<String, Integer> sizes, int defaultSize) {
        Map<String, List<SamplingFrameEntry>> strata = frame.stream()
                .collect(Collectors.groupingBy(SamplingFrameEntry::stratum, TreeMap::new, Collectors.toList()));
        List<String> drawn = new ArrayList<>();
        strata.forEach((stratum, plans) -> {
            int size = sizes.getOrDefault(stratum, defaultSize);
            plans.stream()
                    .sorted(Comparator.comparingDouble((SamplingFrameEntry plan) -> -key(seed, plan))
                            .thenComparing(plan -> plan.facilityId().value()))
                    .limit(size)
                    .forEach(plan -> drawn.add(plan.facilityId().value()));
        });
        return drawn;
    }

    static double key(long seed, SamplingFrameEntry plan) {
        return Math.pow(uniform(seed, plan.facilityId().value()), 1.0 / plan.riskWeight());
    }

    static double uniform(long seed, String facilityId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("seed:" + seed + ":" + facilityId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            // unsigned 64-bit value / 2^64, through its top 53 bits: exact in a double
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
