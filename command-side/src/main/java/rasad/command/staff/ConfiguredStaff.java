package rasad.command.staff;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import rasad.edge.access.AccessProperties;
import rasad.edge.access.AccessProperties.ConfiguredUser;
import rasad.eventstore.mongo.RasadMongoProperties;
import rasad.kernel.audit.AuditMetaData;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.staff.RegisterStaffMember;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffScope;

/**
 * The people configured to sign in are on the staff register, in the role and scope they sign in with: one list,
 * not two. Registered at start-up; an unchanged person records nothing, so restarts and several instances add no
 * events. Someone removed from the configuration is not retired here: that is an admin's decision, with a reason.
 */
@Component
class ConfiguredStaff implements ApplicationRunner {

    static final String ACTOR = "rasad-configuration";
    private static final Logger log = LoggerFactory.getLogger(ConfiguredStaff.class);

    private final CommandGateway commands;
    private final AccessProperties access;
    private final RasadMongoProperties mongo;

    ConfiguredStaff(CommandGateway commands, AccessProperties access, RasadMongoProperties mongo) {
        this.commands = commands;
        this.access = access;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ConfiguredUser user : access.signingIn(mongo.isEmbedded())) {
            register(command(user));
        }
    }

    static RegisterStaffMember command(ConfiguredUser user) {
        Role role = Role.fromCode(user.role());
        StaffScope scope = new StaffScope(
                user.county() == null ? null : CountyCode.of(user.county()),
                role == Role.BANK_OFFICER ? BankCode.of(user.onBehalfOf()) : null,
                role == Role.AGENCY_CLERK ? AgencyCode.of(user.onBehalfOf()) : null);
        String displayName = user.displayName() == null ? user.name() : user.displayName();
        return new RegisterStaffMember(StaffId.of(user.name()), PersonName.of(displayName), role, scope);
    }

    private void register(RegisterStaffMember command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        AuditMetaData.ACTOR, ACTOR,
                        AuditMetaData.ACTOR_ROLE, "system",
                        AuditMetaData.ON_BEHALF_OF, "rasad-operations",
                        AuditMetaData.REASON, "configured to sign in (rasad.access)"));
        try {
            commands.sendAndWait(message);
        } catch (AggregateStreamCreationException | ConcurrencyException anotherInstanceFirst) {
            // another instance registered the same person a moment earlier: the retry records nothing
            commands.sendAndWait(message);
        }
        log.debug(
                "{} is on the staff register as {}",
                command.staffId(),
                command.role().code());
    }
}
