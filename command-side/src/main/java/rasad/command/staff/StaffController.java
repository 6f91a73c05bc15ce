package rasad.command.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import rasad.command.audittrail.AttributedCommands;
import rasad.edge.access.Standing;
import rasad.edge.problem.FieldErrors;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.AgencyCode;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.staff.PasswordHash;
import rasad.kernel.staff.RegisterStaffMember;
import rasad.kernel.staff.RetireStaffMember;
import rasad.kernel.staff.SetStaffPassword;
import rasad.kernel.staff.StaffId;
import rasad.kernel.staff.StaffScope;
import rasad.kernel.text.TypedEnum;
import rasad.kernel.validation.InvalidValueException;

@RestController
@RequestMapping("/api/staff/{staffId}")
@PreAuthorize("hasRole('ADMIN')")
class StaffController {

    private final AttributedCommands commands;
    private final StaffRegister register;
    private final PasswordEncoder hashes = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final Standing standing;

    StaffController(AttributedCommands commands, StaffRegister register, Standing standing) {
        this.commands = commands;
        this.register = register;
        this.standing = standing;
    }

    @PutMapping
    @Operation(
            summary = "Register a member of staff, or set their name, role and scope again (admin)",
            description = "The staff register managers choose inspectors from, and that every assignment, sample and "
                    + "visit is checked against. Scope: county for an inspector (none: the whole province), bank for "
                    + "a bank officer, agency for an agency clerk. The same details again record nothing; a "
                    + "retired member registered again is reinstated.")
    @ApiResponse(responseCode = "200", description = "On the register with these details")
    ResponseEntity<StaffRecord> register(@PathVariable String staffId, @RequestBody StaffRequest request) {
        FieldErrors errors = new FieldErrors();
        StaffId id = errors.check("staffId", () -> StaffId.of(staffId));
        PersonName name = errors.check("displayName", () -> PersonName.of(request.displayName()));
        Role role = errors.check("role", () -> TypedEnum.parse(Role.class, request.role(), "ROLE_UNKNOWN", "a role"));
        CountyCode county =
                errors.check("county", () -> request.county() == null ? null : CountyCode.of(request.county()));
        BankCode bank = errors.check("bank", () -> request.bank() == null ? null : BankCode.of(request.bank()));
        AgencyCode agency =
                errors.check("agency", () -> request.agency() == null ? null : AgencyCode.of(request.agency()));
        errors.throwIfAny();
        StaffScope scope = errors.check("scope", () -> new StaffScope(county, bank, agency).checkedFor(role));
        errors.throwIfAny();
        RegisterStaffMember command = new RegisterStaffMember(id, name, role, scope);
        commands.send(command);
        return ResponseEntity.ok(new StaffRecord(
                id.name(),
                name.value(),
                role.code(),
                county == null ? null : county.value(),
                bank == null ? null : bank.value(),
                agency == null ? null : agency.value()));
    }

    @PostMapping("/retirement")
    @Operation(
            summary = "Retire a member of staff, with a reason (admin)",
            description = "No new assignment, sample or visit may name them; what they recorded stays theirs. "
                    + "Retiring twice keeps the first reason.")
    @ApiResponse(responseCode = "204", description = "Retired")
    @ApiResponse(responseCode = "404", description = "Not on the register")
    ResponseEntity<Void> retire(@PathVariable String staffId, @RequestBody RetirementRequest request) {
        FieldErrors errors = new FieldErrors();
        StaffId id = errors.check("staffId", () -> StaffId.of(staffId));
        String reason = errors.check(
                "reason",
                () -> InvalidValueException.requiredText(request == null ? null : request.reason(), "reason"));
        errors.throwIfAny();
        RetireStaffMember command = new RetireStaffMember(id, reason);
        commands.send(command, command.reason());
        // out from their next request here; other instances learn it within the time they keep good standing
        standing.forget(id.name());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/password")
    @Operation(
            summary = "Set a member's password, with a reason (admin)",
            description = "For a new member, or one who forgot theirs: they sign in with it at the identity provider. "
                    + "At least 12 characters, at most 72 bytes, no control characters, not containing the sign-in "
                    + "name. Rasad keeps only its bcrypt hash, in the event; the same password again records nothing. "
                    + "A retired member's password is kept, but they stay out until registered again.")
    @ApiResponse(responseCode = "204", description = "Set")
    @ApiResponse(responseCode = "404", description = "Not on the register")
    ResponseEntity<Void> setPassword(@PathVariable String staffId, @RequestBody PasswordRequest request) {
        FieldErrors errors = new FieldErrors();
        StaffId id = errors.check("staffId", () -> StaffId.of(staffId));
        String password =
                errors.check("password", () -> PasswordRules.checked(request == null ? null : request.password(), id));
        String reason = errors.check(
                "reason",
                () -> InvalidValueException.requiredText(request == null ? null : request.reason(), "reason"));
        errors.throwIfAny();
        boolean unchanged = register.find(id.name())
                .flatMap(StaffRegister.Member::password)
                .filter(hash -> hashes.matches(password, hash.value()))
                .isPresent();
        if (!unchanged) {
            SetStaffPassword command = new SetStaffPassword(id, PasswordHash.of(hashes.encode(password)));
            commands.send(command, reason.strip());
        }
        return ResponseEntity.noContent().build();
    }

    record StaffRequest(String displayName, String role, String county, String bank, String agency) {}

    record StaffRecord(String staffId, String displayName, String role, String county, String bank, String agency) {}

    record RetirementRequest(String reason) {}

    /** The password travels only here, over the request, and is hashed before anything else sees it. */
    record PasswordRequest(String password, String reason) {

        @Override
        public String toString() {
            return "PasswordRequest[password=…, reason=" + reason + "]";
        }
    }
}
