package rasad.query.referencedata;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryRetired;

/** Keeps {@code reference_data} from the event store, for pick lists and for checking codes. */
@Component
@ProcessingGroup("reference-data")
class ReferenceDataProjection {

    private final ReferenceDataReadModel readModel;
    private final ReferenceNames names;

    ReferenceDataProjection(ReferenceDataReadModel readModel, ReferenceNames names) {
        this.readModel = readModel;
        this.names = names;
    }

    @EventHandler
    void on(
            ReferenceEntryAdded event,
            @MetaDataValue(AuditMetaData.ACTOR) String actor,
            @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        readModel.added(new ReferenceEntryView(
                event.id().kind().name(),
                event.id().code(),
                event.name().fa(),
                event.name().en(),
                event.parent() == null ? null : event.parent().value(),
                event.fiscalYear() == null ? null : event.fiscalYear().year(),
                true,
                null,
                actor,
                recordedAt == null ? null : Instant.parse(recordedAt),
                null));
        names.changed();
    }

    @EventHandler
    void on(ReferenceEntryRetired event, @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        readModel.retired(
                event.id().kind().name(),
                event.id().code(),
                event.reason(),
                recordedAt == null ? null : Instant.parse(recordedAt));
    }
}
