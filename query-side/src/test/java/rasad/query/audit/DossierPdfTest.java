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
import rasad.query.facility.FacilityView;

/**
 * Render a dossier, read the PDF back with PDFBox. Shaped Persian comes back as presentation forms laid out
 * right to left, so Persian is compared after NFKC normalisation and in the order the glyphs sit on the page.
 */
class DossierPdfTest {

    private static final Instant GENERATED = Instant.parse("2025-03-21T06:45:00Z");

    private final DossierPdf dossierPdf = new DossierPdf();

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
                    .allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans(-Bold|Mono)?"))
                    .anyMatch(name -> name.endsWith("+DejaVuSans"));
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
