package nl.verzuimhub.server.dashboard.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** XHTML to PDF (openhtmltopdf on PDFBox), with the PDF's built-in fonts: nothing is loaded from outside. */
public final class PdfRenderer {
    private PdfRenderer() {
    }

    /** @param xhtml a well-formed XHTML document */
    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
