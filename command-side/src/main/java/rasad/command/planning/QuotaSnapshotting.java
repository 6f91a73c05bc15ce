package rasad.command.planning;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A bank's quota counts every tranche its bank pays under it — over a thousand a year at the demo province's
 * size — and each tranche loads the quota: a snapshot every so many events keeps that load flat.
 */
@Configuration(proxyBeanMethods = false)
class QuotaSnapshotting {

    @Bean
    SnapshotTriggerDefinition quotaSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${rasad.quota.snapshot-every:${rasad.facility.snapshot-every:100}}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
