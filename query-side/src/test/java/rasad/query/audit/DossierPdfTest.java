package rasad.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import rasad.eventstore.integrity.BrokenLink;
import rasad.query.documents.PdfDocuments;
import rasad.query.facility.FacilityView;
import rasad.query.referencedata.ReferenceNames;

/**
 * Render a dossier, read the PDF back with PDFBox. Shaped Persian comes back as presentation forms laid out
 * right to left, so Persian is compared after NFKC normalisation and in the order the glyphs sit on the page.
 */
class DossierPdfTest {

    private static final Instant GENERATED = Instant.parse("2025-03-21T06:45:00Z");

    private static final Map<String, ReferenceNames.Name> NAMES = Map.of(
            "BANK/bank-melli", new ReferenceNames.Name("بانک ملی ایران", "Bank Melli Iran"),
            "COUNTY/tabriz", new ReferenceNames.Name("تبریز", "Tabriz"),
            "PROGRAMME/HOME_BUSINESS", new ReferenceNames.Name("مشاغل خانگی", "Home businesses"));

    private final DossierPdf dossierPdf =
            new DossierPdf(new PdfDocuments(), (kind, code) -> NAMES.get(kind + "/" + code));

    @Test
    void a_persian_dossier_is_a_pdf_with_every_event_position_and_hash() throws IOException {
        // given
        CaseDossier dossier = dossier(events(3), intact(3));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            String unwrapped = text.replaceAll("\\s+", "");
            for (CaseEvent event : dossier.events()) {
                assertThat(unwrapped).contains(event.hash());
                assertThat(text).contains(String.valueOf(event.position()));
            }
            assertThat(text)
                    .contains(
                            "f-1403-0042",
                            "Case dossier of facility",
                            "TrancheDisbursed",
                            "0499370899",
                            "1,250,000,000",
                            "2025-03-21T06:45:00Z",
                            "1404/01/01 10:15:00");
            assertThat(text).doesNotContain(DossierPdf.MISSING_GLYPH);
        }
    }

    @Test
    void persian_is_shaped_set_right_to_left_and_in_the_embedded_dejavu_font() throws IOException {
        // given
        CaseDossier dossier = dossier(events(3), intact(3));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Glyphs glyphs = Glyphs.of(document);
            assertThat(glyphs.unicode()).doesNotContain(DossierPdf.MISSING_GLYPH);
            // احمدی shaped: ح initial, م medial, د final; unshaped text would show the letters' base forms
            assertThat(glyphs.unicode()).contains("\uFEA3", "\uFEE4", "\uFEAA");
            // read right to left, the glyphs on the page spell the words; left to right they would not
            assertThat(glyphs.rightToLeft())
                    .contains(
                            words("زهرا احمدی"),
                            words("تأیید کمیته استان"),
                            words("پرونده تسهیلات"),
                            words("نام ذی‌نفع"));
            assertThat(glyphs.leftToRight()).doesNotContain(words("زهرا احمدی"));
            assertThat(fonts(document))
                    .isNotEmpty()
                    .allSatisfy(font ->
                            assertThat(font.isEmbedded()).as(font.getName()).isTrue())
                    .extracting(PDFont::getName)
                    .allMatch(name -> name.matches("[A-Z]{6}\\+(Vazirmatn(-Regular|-Bold)?|DejaVuSans(-Bold|Mono)?)"))
                    .anyMatch(name -> name.contains("+Vazirmatn"));
        }
    }

    @Test
    void the_persian_letters_of_peh_tcheh_jeh_keheh_gaf_and_farsi_yeh_join_and_a_zwnj_breaks_the_join()
            throws IOException {
        // given
        CaseEvent event = event(2, "بانک پیگیری چکیده مژده می\u200Cشود گزارش");
        CaseDossier dossier = dossier(List.of(event), intact(1));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then: each word drawn in its joined forms, read right to left as it sits on the page
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String drawn = Glyphs.of(document).rightToLeftAsDrawn();
            assertThat(drawn)
                    .contains(
                            "\uFE91\uFE8E\uFEE7\uFB8F", // بانک: final keheh
                            "\uFB58\uFBFF\uFB95\uFBFF\uFEAE\uFBFC", // پیگیری: peh, medial gaf and yeh, isolated yeh
                            "\uFB7C\uFB91\uFBFF\uFEAA\uFEE9", // چکیده: initial tcheh, medial keheh
                            "\uFEE3\uFB8B", // مژده: final jeh
                            "\uFEE3\uFBFD", // می‌: the ZWNJ leaves the yeh final
                            "\uFB94\uFEB0"); // گزارش: initial gaf
            // no Persian letter is left in its base form, which the font draws isolated
            assertThat(drawn).doesNotContain("\u06A9", "\u06CC", "\u067E", "\u0686", "\u0698", "\u06AF");
        }
    }

    @Test
    void names_from_reference_data_persian_event_names_whole_identifiers_and_times_to_the_second() throws IOException {
        // given: an event recorded at a nanosecond, on behalf of an organisation whose code has a hyphen
        Instant recorded = Instant.parse("2025-03-21T07:45:12.123456789Z");
        CaseEvent event = withTimes(event(2, "پرداخت"), recorded);
        CaseDossier dossier = dossier(List.of(event(1, "اعطا"), event), intact(2));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("rasad-operations", "2025-03-21T07:45:12Z", "1404/01/01 11:15:12", "bank-melli")
                    .doesNotContain("12.123456789", "-rasad", "operations-");
            assertThat(Glyphs.of(document).rightToLeft())
                    .contains(
                            words("بانک ملی ایران"),
                            words("مشاغل خانگی"),
                            words("تبریز"),
                            words("پرداخت قسط"),
                            words("اعطای تسهیلات"),
                            words("پرداخت کامل"));
        }
    }

    @Test
    void a_character_no_font_has_shows_as_the_replacement_mark() throws IOException {
        // given: a glyph DejaVu Sans does not have
        CaseEvent event = event(1, "漢");
        CaseDossier dossier = dossier(List.of(event), intact(1));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then: the mark the other tests look for is what a missing glyph turns into
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(DossierPdf.MISSING_GLYPH)
                    .doesNotContain("漢");
        }
    }

    @Test
    void an_unreadable_event_is_marked_with_why_and_the_positions_no_longer_holding_their_event_are_listed()
            throws IOException {
        // given
        CaseEvent unreadable = new CaseEvent(
                700_002,
                "evt-2",
                "TrancheDisbursed",
                null,
                "Facility",
                "f-1403-0042",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "{}",
                sha256("event 2"),
                sha256("event 1"),
                ItemIntegrity.UNREADABLE,
                "sequence is not a number: String 1");
        BrokenLink link = new BrokenLink(
                BrokenLink.Kind.UNREADABLE,
                700_002,
                "evt-2",
                "f-1403-0042",
                "an event document",
                "sequence is not a number: String 1");
        CaseVerification broken =
                new CaseVerification(false, 3, 1, link, sha256("digest"), 4, GENERATED, List.of(link));
        CaseDossier dossier = new CaseDossier(
                "f-1403-0042",
                GENERATED,
                "auditor-1",
                null,
                List.of(event(1, "ok"), unreadable),
                List.of(700_003L),
                broken);

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("UNREADABLE: sequence is not a number: String 1", "700003", "positions no longer");
        }
    }

    @Test
    void markup_in_a_reason_or_a_payload_is_shown_as_text() throws IOException {
        // given
        CaseEvent event = event(1, "<b>rejected</b> & \"sent back\"");
        CaseDossier dossier = dossier(List.of(event), intact(1));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("\"note\":\"<b>rejected</b> & \\\"sent back\\\"\"}");
            // the reason's cell is right to left, so its leading '<' is drawn mirrored: compare the rest
            assertThat(text).contains("rejected</b> & \"sent back\"");
        }
    }

    @Test
    void a_broken_history_shows_where_it_broke_and_what_was_expected() throws IOException {
        // given
        List<CaseEvent> events = events(3);
        String found = sha256("tampered");
        BrokenLink link = new BrokenLink(
                BrokenLink.Kind.ALTERED,
                events.get(1).position(),
                events.get(1).eventId(),
                "Facility f-1403-0042/1",
                events.get(1).hash(),
                found);
        CaseVerification broken =
                new CaseVerification(false, 3, 1, link, sha256("digest"), 4, GENERATED, List.of(link));

        // when
        byte[] pdf = dossierPdf.render(dossier(events, broken));

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("BROKEN", "ALTERED", "Facility f-1403-0042/1");
            assertThat(text.replaceAll("\\s+", "")).contains(found, sha256("digest"));
        }
    }

    @Test
    void three_hundred_events_run_over_many_pages_each_with_the_table_header() throws IOException {
        // given
        CaseDossier dossier = dossier(events(300), intact(300));

        // when
        byte[] pdf = dossierPdf.render(dossier);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(10);
            String unwrapped = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(dossier.events())
                    .allSatisfy(event -> assertThat(unwrapped).contains(event.hash()));
            for (int page = 2; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document))
                        .as("page %d", page)
                        .contains("hash (SHA-256)", "Rasad · f-1403-0042 · page");
            }
        }
    }

    // --- a case to render

    private static CaseDossier dossier(List<CaseEvent> events, CaseVerification verification) {
        FacilityView state = new FacilityView(
                "f-1403-0042",
                new FacilityView.Beneficiary("0499370899", "زهرا احمدی"),
                "HOME_BUSINESS",
                "bank-melli",
                "relief-committee",
                "tabriz",
                1_250_000_000L,
                5,
                LocalDate.of(2025, 3, 21),
                "DISBURSED",
                "bank-officer",
                GENERATED,
                500_000_000L,
                List.of(),
                null,
                List.of(),
                new FacilityView.Profile("F", false, true),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of());
        return new CaseDossier("f-1403-0042", GENERATED, "auditor-1", state, events, List.of(), verification);
    }

    private static CaseVerification intact(int events) {
        return new CaseVerification(true, events, 1, null, sha256("digest"), 4, GENERATED, List.of());
    }

    private static List<CaseEvent> events(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> event(n, "تأیید کمیته استان"))
                .toList();
    }

    private static CaseEvent event(int n, String reason) {
        Instant at = GENERATED.plusSeconds(3_600L * n);
        return new CaseEvent(
                700_000 + n,
                "evt-" + n,
                n == 1 ? "FacilityGranted" : "TrancheDisbursed",
                null,
                "Facility",
                "f-1403-0042",
                (long) n,
                at,
                at.plusSeconds(5),
                "inspector-7",
                "INSPECTOR",
                "manager-2",
                reason,
                "req-" + n,
                null,
                "{\"facilityId\":\"f-1403-0042\",\"amountRials\":" + (n * 1000) + ",\"note\":\""
                        + reason.replace("\"", "\\\"") + "\"}",
                sha256("event " + n),
                n == 1 ? null : sha256("event " + (n - 1)),
                ItemIntegrity.OK,
                null);
    }

    private static CaseEvent withTimes(CaseEvent e, Instant recorded) {
        return new CaseEvent(
                e.position(),
                e.eventId(),
                e.type(),
                e.revision(),
                e.aggregateType(),
                e.aggregateId(),
                e.sequence(),
                recorded,
                recorded,
                e.actor(),
                e.actorRole(),
                "rasad-operations",
                e.reason(),
                e.requestId(),
                e.importedFrom(),
                e.payload(),
                e.hash(),
                e.previousHash(),
                e.integrity(),
                e.unreadable());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- reading it back

    /** Persian as compared here: compatibility forms folded to letters, and no spaces, which PDFs may not keep. */
    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\u200C]", "");
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        Map<String, PDFont> fonts = new LinkedHashMap<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.put(font.getName(), font);
            }
        }
        return new ArrayList<>(fonts.values());
    }

    /** Every glyph drawn, as PDFBox maps it back to Unicode, with the page and place where it sits. */
    private record Glyphs(List<Glyph> drawn) {

        record Glyph(int page, TextPosition position) {}

        static Glyphs of(PDDocument document) throws IOException {
            List<Glyph> drawn = new ArrayList<>();
            PDFTextStripper collector = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    drawn.add(new Glyph(getCurrentPageNo(), text));
                }
            };
            collector.getText(document);
            return new Glyphs(drawn);
        }

        String unicode() {
            return drawn.stream().map(glyph -> glyph.position().getUnicode()).collect(Collectors.joining());
        }

        /** Each line of glyphs (same page, same baseline) read from right to left. */
        String rightToLeft() {
            return lines(
                    Comparator.comparingDouble((Glyph glyph) -> glyph.position().getXDirAdj())
                            .reversed());
        }

        /** The same, with the glyphs as drawn: presentation forms, not folded back to letters. */
        String rightToLeftAsDrawn() {
            Map<String, List<Glyph>> lines = drawn.stream()
                    .collect(Collectors.groupingBy(
                            glyph -> glyph.page() + "/"
                                    + Math.round(glyph.position().getYDirAdj()),
                            LinkedHashMap::new,
                            Collectors.toList()));
            return lines.values().stream()
                    .map(line -> line.stream()
                            .sorted(Comparator.comparingDouble(
                                            (Glyph glyph) -> glyph.position().getXDirAdj())
                                    .reversed())
                            .map(glyph -> glyph.position().getUnicode())
                            .filter(glyph -> !glyph.isBlank() && !glyph.equals("\u200C"))
                            .collect(Collectors.joining()))
                    .collect(Collectors.joining("\n"));
        }

        String leftToRight() {
            return lines(
                    Comparator.comparingDouble((Glyph glyph) -> glyph.position().getXDirAdj()));
        }

        private String lines(Comparator<Glyph> reading) {
            Map<String, List<Glyph>> lines = drawn.stream()
                    .collect(Collectors.groupingBy(
                            glyph -> glyph.page() + "/"
                                    + Math.round(glyph.position().getYDirAdj()),
                            LinkedHashMap::new,
                            Collectors.toList()));
            return lines.values().stream()
                    .map(line -> line.stream()
                            .sorted(reading)
                            .map(glyph -> glyph.position().getUnicode())
                            .collect(Collectors.joining()))
                    .map(DossierPdfTest::words)
                    .collect(Collectors.joining("\n"));
        }
    }
}
