package rasad.query.staff;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffMemberChanged;
import rasad.kernel.staff.StaffMemberRegistered;
import rasad.kernel.staff.StaffMemberReinstated;
import rasad.kernel.staff.StaffMemberRetired;
import rasad.kernel.staff.StaffScope;

/** Keeps {@code staff} from the event store: the register managers choose inspectors from. */
@Component
@ProcessingGroup("staff")
class StaffProjection {

    private final StaffReadModel readModel;

    StaffProjection(StaffReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(StaffMemberRegistered event, @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        record(event.staffId(), event.displayName(), event.role(), event.scope(), recordedAt);
    }

    @EventHandler
    void on(StaffMemberChanged event, @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        record(event.staffId(), event.displayName(), event.role(), event.scope(), recordedAt);
    }

    @EventHandler
    void on(StaffMemberRetired event, @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        readModel.active(event.staffId().name(), false, event.reason(), instant(recordedAt));
    }

    @EventHandler
    void on(StaffMemberReinstated event, @MetaDataValue(AuditMetaData.RECORDED_AT) String recordedAt) {
        readModel.active(event.staffId().name(), true, null, instant(recordedAt));
    }

    private void record(StaffId id, PersonName name, Role role, StaffScope scope, String recordedAt) {
        readModel.registered(
                id.name(),
                name.value(),
                role.code(),
                scope.county() == null ? null : scope.county().value(),
                scope.bank() == null ? null : scope.bank().value(),
                scope.agency() == null ? null : scope.agency().value(),
                instant(recordedAt));
    }

    private static Instant instant(String recordedAt) {
        return recordedAt == null ? null : Instant.parse(recordedAt);
    }
}
