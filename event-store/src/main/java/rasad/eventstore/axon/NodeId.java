package rasad.eventstore.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name under which this process claims tracking-token segments. Axon's default, pid@host, is shared by
 * two instances in one JVM (as in the tests) or in two containers that both run as pid 1: they would take
 * each other's claims for their own.
 */
public record NodeId(String value) {

    public static NodeId forProcess(String applicationName) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        return new NodeId(
                applicationName + ":" + ManagementFactory.getRuntimeMXBean().getName() + ":" + random);
    }

    @Override
    public String toString() {
        return value;
    }
}
