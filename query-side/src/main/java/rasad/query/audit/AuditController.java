package rasad.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;
import rasad.edge.problem.NotFoundException;
import rasad.query.asof.AsOf;
import rasad.query.asof.TimeAxis;
import rasad.query.facility.FacilityAsOf;
import rasad.query.facility.FacilityNames;
import rasad.query.facility.FacilityView;
import rasad.query.facility.LastVerification;
import rasad.query.privacy.PersonalData;
import rasad.query.referencedata.Language;

/**
 * A case's full history, the case as of any instant on either time axis, its verification and its dossier.
 * For auditors and managers, who read national ids in full: every answer is recorded in the personal-data
 * access log.
 */
@RestController
@RequestMapping("/api/audit/cases/{facilityId}")
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
@Tag(name = "Audit")
class AuditController {

    private static final int MAX_PAGE_SIZE = 500;

    private final CaseHistory history;
    private final CaseVerifier verifier;
    private final CaseVerifications verifications;
    private final PersonalData personalData;
    private final DossierPdf pdfs;
    private final Clock clock;
    private final FacilityNames names;

    AuditController(
            CaseHistory history,
            CaseVerifier verifier,
            CaseVerifications verifications,
            PersonalData personalData,
            DossierPdf pdfs,
            Clock clock,
            FacilityNames names) {
        this.names = names;
        this.history = history;
        this.pdfs = pdfs;
        this.verifier = verifier;
        this.verifications = verifications;
        this.personalData = personalData;
        this.clock = clock;
    }

    /**
     * {@code missingPositions}: events the index saw on this page that are no longer there (see verification).
     * Each item carries its own {@code integrity}; one that cannot be read is shown as UNREADABLE, with why.
     */
    record HistoryPage(
            String facilityId,
            List<CaseEvent> items,
            List<Long> missingPositions,
            int page,
            int size,
            long totalItems) {
        public long totalPages() {
            return (totalItems + size - 1) / size;
        }
    }

    @GetMapping("/history")
    @Operation(
            summary = "Every event of a case in the order of the store, with both times, who, for whom, why "
                    + "and its hash",
            description = "The facility's own events and those of its jobs, checks, follow-ups, "
                    + "visits, findings and alerts. Filters: the event's type (e.g. TrancheDisbursed) and its actor.")
    HistoryPage history(
            @PathVariable String facilityId,
            @Parameter(description = "only events of this type") @RequestParam(required = false) String type,
            @Parameter(description = "only events recorded by this user") @RequestParam(required = false) String actor,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "PAGE_NEGATIVE", "page numbers start at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException(
                    "size", "PAGE_SIZE_OUT_OF_RANGE", "a page holds 1 to " + MAX_PAGE_SIZE + " events");
        }
        List<IndexedEvent> matching = indexed(facilityId).stream()
                .filter(entry -> blank(type) || entry.type().equals(type.strip()))
                .filter(entry -> blank(actor) || actor.strip().equals(entry.actor()))
                .toList();
        List<IndexedEvent> onPage =
                matching.stream().skip((long) page * size).limit(size).toList();
        personalData.recordReading(List.of(facilityId), List.of("nationalId", "mobile"));
        List<CaseHistory.Read> read = history.read(onPage);
        return new HistoryPage(facilityId, history.events(read), history.missing(read), page, size, matching.size());
    }

    /**
     * {@code skippedUnreadable}: positions of the case's events that could not be read, so were not folded.
     * {@code lastVerification}: when the case was last verified and how it came out; null if never.
     */
    record CaseAsOf(
            String facilityId,
            Instant at,
            TimeAxis axis,
            int eventsFolded,
            long lastPosition,
            List<Long> skippedUnreadable,
            FacilityAsOf.CaseState state,
            LastVerification lastVerification) {}

    @GetMapping("/as-of")
    @Operation(
            summary = "The case as it stood at an instant",
            description = "axis=recorded: what Rasad knew then (events recorded by then); axis=business: what was "
                    + "true then as known now (events that happened by then, e.g. a visit captured offline). Folded "
                    + "by the same projection that keeps the live case. at: an instant (2025-06-01T10:00:00Z) or a "
                    + "day, ISO or Solar Hijri (1404/03/11), meaning the end of that day in Tehran.")
    CaseAsOf asOf(
            @PathVariable String facilityId,
            @Parameter(description = "instant or day") @RequestParam String at,
            @Parameter(description = "recorded (default) or business") @RequestParam(defaultValue = "recorded")
                    String axis,
            @Parameter(description = "language of names: fa or en (default: as Accept-Language prefers, else en)")
                    @RequestParam(required = false)
                    String lang) {
        Language language = Language.asked(lang);
        Instant instant = AsOf.instant("at", at);
        TimeAxis timeAxis = AsOf.axis("axis", axis);
        CaseHistory.FoldedCase folded = history.asOf(history.read(indexed(facilityId)), facilityId, instant, timeAxis)
                .orElseThrow(() -> new NotFoundException("facility " + facilityId + " was not granted as of " + instant
                        + " (" + timeAxis.name().toLowerCase(Locale.ROOT) + " time)"));
        personalData.recordReading(List.of(facilityId), List.of("nationalId"));
        return new CaseAsOf(
                facilityId,
                instant,
                timeAxis,
                folded.eventsFolded(),
                folded.lastPosition(),
                folded.skippedUnreadable(),
                folded.state().named(names.of(folded.state().facility(), language)),
                verifications.of(facilityId).orElse(null));
    }

    @GetMapping("/verification")
    @Operation(
            summary = "Re-check a case's history against its hashes",
            description = "Every stream the case's events belong to: each event's hash recomputed from what is "
                    + "stored, each event at the position its place in its commit gives it and within its commit, "
                    + "each link to the previous event, no sequence missing; then what is stored at every indexed "
                    + "position. Reports every finding (kind and position: ALTERED, MOVED, FORGED, MISSING, "
                    + "UNREADABLE, BROKEN_CHAIN), the first broken link, and the store's last sealed digest. Kept "
                    + "as the case's last verification.")
    CaseVerification verification(@PathVariable String facilityId) {
        return verifier.verify(facilityId, indexed(facilityId));
    }

    @GetMapping("/dossier")
    @Operation(summary = "The case's dossier: its state, every event with its hash, and the verification now")
    CaseDossier dossier(@PathVariable String facilityId, Authentication user) {
        return dossierOf(facilityId, user);
    }

    @GetMapping(value = "/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The case's dossier as PDF, Persian set right to left, with every hash and the verification")
    ResponseEntity<byte[]> dossierPdf(@PathVariable String facilityId, Authentication user) {
        byte[] pdf = pdfs.render(dossierOf(facilityId, user));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("dossier-" + facilityId + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf);
    }

    private CaseDossier dossierOf(String facilityId, Authentication user) {
        List<IndexedEvent> entries = indexed(facilityId);
        List<CaseHistory.Read> read = history.read(entries);
        Instant now = clock.instant();
        FacilityView state = history.asOf(read, facilityId, now, TimeAxis.RECORDED)
                .map(folded -> folded.state().facility())
                .orElse(null);
        personalData.recordReading(List.of(facilityId), List.of("nationalId", "mobile"));
        CaseVerification verification = verifier.verify(facilityId, entries);
        return new CaseDossier(
                facilityId,
                now,
                user.getName(),
                state,
                CaseDossier.marked(history.events(read), verification),
                history.missing(read),
                verification);
    }

    private List<IndexedEvent> indexed(String facilityId) {
        return history.indexed(facilityId)
                .orElseThrow(() -> new NotFoundException("no event about facility " + facilityId + " (yet)"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
