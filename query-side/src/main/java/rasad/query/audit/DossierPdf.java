package rasad.query.audit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import rasad.query.documents.PdfDocuments;
import rasad.query.referencedata.ReferenceNames;

/** A case dossier as PDF, for an auditor's file: its page laid out and set by Rasad's {@link PdfDocuments}. */
@Component
public class DossierPdf {

    static final String MISSING_GLYPH = PdfDocuments.MISSING_GLYPH;

    private final PdfDocuments pdfs;
    private final DossierHtml.Names names;

    @Autowired
    DossierPdf(PdfDocuments pdfs, ReferenceNames names) {
        this(pdfs, names::of);
    }

    DossierPdf(PdfDocuments pdfs, DossierHtml.Names names) {
        this.pdfs = pdfs;
        this.names = names;
    }

    public byte[] render(CaseDossier dossier) {
        return pdfs.render(DossierHtml.of(dossier, names), "the dossier of " + dossier.facilityId());
    }
}
