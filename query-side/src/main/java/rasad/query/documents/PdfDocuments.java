package rasad.query.documents;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The documents Rasad hands out as PDF (an auditor's case dossier, the committee's meeting pack): Persian set right
 * to left and shaped, in Vazirmatn embedded in the document (DejaVu Sans for the few characters it lacks, DejaVu
 * Sans Mono for hashes and payloads), so that each prints and reads the same on any machine.
 */
@Component
public class PdfDocuments {

    /** Shown where no font has a glyph, instead of the renderer's '#', which a hash or a payload may well hold. */
    public static final String MISSING_GLYPH = "\uFFFD";

    private static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String VAZIRMATN = "/fonts/vazirmatn/";

    // Read once: a missing font fails at start-up rather than at the first download.
    private final byte[] persian = font(VAZIRMATN, "Vazirmatn-Regular.ttf");
    private final byte[] persianBold = font(VAZIRMATN, "Vazirmatn-Bold.ttf");
    private final byte[] sans = font(DEJAVU, "DejaVuSans.ttf");
    private final byte[] sansBold = font(DEJAVU, "DejaVuSans-Bold.ttf");
    private final byte[] mono = font(DEJAVU, "DejaVuSansMono.ttf");

    /** The page as PDF; {@code what} names the document in the error should it fail. */
    public byte[] render(String xhtml, String what) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .withHtmlContent(xhtml, null)
                    // The page refers to nothing outside itself; should a value ever smuggle a reference in, it
                    // is not fetched.
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useFont(() -> new ByteArrayInputStream(persian), "Vazirmatn", 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(persianBold), "Vazirmatn", 700, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(sans), "DejaVu Sans", 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(sansBold), "DejaVu Sans", 700, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(mono), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true)
                    .useReplacementText(MISSING_GLYPH)
                    .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new PersianShaping())
                    .useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(PERSIAN))
                    .useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(PERSIAN))
                    .defaultTextDirection(TextDirection.RTL)
                    .withProducer("Rasad")
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be rendered", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] font(String folder, String file) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(folder + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + folder + file
                        + " is not on the classpath: Vazirmatn comes with the build (query-side/pom.xml), DejaVu with"
                        + " jasperreports-fonts");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
