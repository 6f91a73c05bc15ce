package rasad.command.facility;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A facility accumulates events for years (tranches, jobs, three verification stages, follow-ups); a snapshot
 * every so many events keeps loading it cheap.
 */
@Configuration(proxyBeanMethods = false)
class FacilitySnapshotting {

    @Bean
    SnapshotTriggerDefinition facilitySnapshotTrigger(
            Snapshotter snapshotter, @Value("${rasad.facility.snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
