package rasad.query.staff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.kernel.audit.Role;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.text.TypedEnum;
import rasad.query.export.Column;
import rasad.query.export.CsvExport;
import rasad.query.export.ExportOptions;
import rasad.query.referencedata.Language;
import rasad.query.referencedata.Named;
import rasad.query.referencedata.ReferenceNames;

@RestController
@RequestMapping("/api/staff")
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
class StaffQueryController {

    private final StaffReadModel readModel;
    private final ReferenceNames names;

    StaffQueryController(StaffReadModel readModel, ReferenceNames names) {
        this.readModel = readModel;
        this.names = names;
    }

    @GetMapping
    @Operation(
            summary = "The staff register: who may be sent on a visit, in which county (manager, auditor, admin)",
            description = "county=X lists those who inspect there, including inspectors of the whole province.")
    ResponseEntity<?> list(
            @Parameter(description = "one or more roles (inspector, bank-officer, …); repeated or comma-separated")
                    @RequestParam(required = false)
                    List<String> role,
            @Parameter(description = "county code: the inspectors who cover it") @RequestParam(required = false)
                    String county,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            ExportOptions export) {
        List<String> roles = new ArrayList<>();
        for (String typed : role == null ? List.<String>of() : role) {
            roles.add(InvalidParameterException.reading(
                    "role",
                    () -> TypedEnum.parse(Role.class, typed, "ROLE_UNKNOWN", "a role")
                            .code()));
        }
        String countyCode = county == null
                ? null
                : InvalidParameterException.reading(
                        "county", () -> CountyCode.of(county).value());
        List<StaffView> staff = readModel.list(roles, countyCode, includeRetired);
        Language language = export.language();
        return CsvExport.answer(
                staff.stream().map(member -> named(member, language)).toList(),
                staff,
                List.of(
                        Column.text("نام کاربری", "Sign-in name", StaffView::staffId),
                        Column.text("نام", "Name", StaffView::displayName),
                        Column.code("نقش", "Role", "ROLE", StaffView::role),
                        Column.code("شهرستان", "County", "COUNTY", StaffView::county),
                        Column.code("بانک", "Bank", "BANK", StaffView::bank),
                        Column.code("دستگاه", "Agency", "AGENCY", StaffView::agency),
                        Column.text("فعال", "Active", StaffView::active)),
                export,
                "staff",
                names);
    }

    private Named<StaffView> named(StaffView member, Language language) {
        return new Named<>(
                member,
                names.names(
                        language,
                        "role",
                        "ROLE",
                        member.role(),
                        "county",
                        "COUNTY",
                        member.county(),
                        "bank",
                        "BANK",
                        member.bank(),
                        "agency",
                        "AGENCY",
                        member.agency()));
    }
}
