package cn.ganxun.platform.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A flowing A4 portrait report in Chinese: title, headings, paragraphs, label/value lines and tables with wrapped
 * cells, breaking onto new pages as needed, with page numbers in the footer. Reports (half-year follow-up reports,
 * unit feedback reports, appraisal extracts) describe their content with this and get the PDF bytes back.
 *
 * <pre>
 * byte[] pdf = ReportPdf.build("结果反馈报告", report -> {
 *     report.title("…").keyValue("单位", "…").heading("一、…").table(List.of("姓名", "等次"), rows);
 * });
 * </pre>
 */
public final class ReportPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float BODY = 11;
    private static final float CELL = 9.5f;
    private static final Color INK = new Color(30, 30, 30);
    private static final Color RULE = new Color(150, 150, 150);
    private static final Color SHADE = new Color(235, 235, 235);

    private final PDDocument document;
    private final PDFont font;
    private final String footer;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    /** Content of a report, written against the builder. */
    @FunctionalInterface
    public interface Content {
        void write(ReportPdf report) throws IOException;
    }

    private ReportPdf(PDDocument document, String footer) throws IOException {
        this.document = document;
        this.font = ChineseFont.load(document);
        this.footer = footer;
        newPage();
    }

    /** Renders the content; the footer text appears on every page with the page number. */
    public static byte[] build(String footer, Content content) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(footer);
            ReportPdf report = new ReportPdf(document, footer);
            content.write(report);
            report.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败：" + footer, e);
        }
    }

    public ReportPdf title(String text) throws IOException {
        for (String line : ChineseFont.wrap(font, 18, text, contentWidth())) {
            ensure(28);
            text(line, (PAGE.getWidth() - ChineseFont.width(font, 18, line)) / 2, 18);
            y -= 28;
        }
        y -= 6;
        return this;
    }

    public ReportPdf heading(String text) throws IOException {
        y -= 6;
        ensure(40);
        for (String line : ChineseFont.wrap(font, 13, text, contentWidth())) {
            text(line, MARGIN, 13);
            y -= 20;
        }
        return this;
    }

    public ReportPdf paragraph(String text) throws IOException {
        for (String line : ChineseFont.wrap(font, BODY, text == null ? "" : text, contentWidth())) {
            ensure(17);
            text(line, MARGIN, BODY);
            y -= 17;
        }
        y -= 4;
        return this;
    }

    /** One "label：value" line (value wrapped under itself). */
    public ReportPdf keyValue(String label, String value) throws IOException {
        String prefix = label + "：";
        float indent = ChineseFont.width(font, BODY, prefix);
        List<String> lines = ChineseFont.wrap(font, BODY, value == null || value.isBlank() ? "—" : value,
                contentWidth() - indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(17);
            if (i == 0) {
                text(prefix, MARGIN, BODY);
            }
            text(lines.get(i), MARGIN + indent, BODY);
            y -= 17;
        }
        return this;
    }

    /**
     * A table with a shaded header row; column widths in proportion to {@code weights}; cells wrap; the header repeats
     * on every page the table spans. An empty table prints a single line saying so.
     */
    public ReportPdf table(List<String> headers, List<List<String>> rows, float... weights) throws IOException {
        if (weights.length != headers.size()) {
            throw new IllegalArgumentException("one weight per column");
        }
        float total = 0;
        for (float weight : weights) {
            total += weight;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = contentWidth() * weights[i] / total;
        }
        y -= 2;
        row(headers, widths, true);
        if (rows.isEmpty()) {
            paragraph("（无）");
        }
        for (List<String> cells : rows) {
            if (!fits(rowHeight(cells, widths))) {
                newPage();
                row(headers, widths, true);
            }
            row(cells, widths, false);
        }
        y -= 8;
        return this;
    }

    public ReportPdf space(float points) {
        y -= points;
        return this;
    }

    private void row(List<String> cells, float[] widths, boolean header) throws IOException {
        float height = rowHeight(cells, widths);
        ensure(height);
        float x = MARGIN;
        if (header) {
            out.setNonStrokingColor(SHADE);
            out.addRect(MARGIN, y - height, contentWidth(), height);
            out.fill();
            out.setNonStrokingColor(INK);
        }
        out.setStrokingColor(RULE);
        out.setLineWidth(0.5f);
        for (int i = 0; i < widths.length; i++) {
            out.addRect(x, y - height, widths[i], height);
            out.stroke();
            float lineY = y - CELL - 3;
            for (String line : ChineseFont.wrap(font, CELL, cell(cells, i), widths[i] - 6)) {
                text(line, x + 3, CELL, lineY);
                lineY -= CELL + 3;
            }
            x += widths[i];
        }
        y -= height;
    }

    private float rowHeight(List<String> cells, float[] widths) throws IOException {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            lines = Math.max(lines, ChineseFont.wrap(font, CELL, cell(cells, i), widths[i] - 6).size());
        }
        return lines * (CELL + 3) + 6;
    }

    private static String cell(List<String> cells, int i) {
        String value = i < cells.size() ? cells.get(i) : null;
        return value == null ? "" : value;
    }

    private void text(String text, float x, float size) throws IOException {
        text(text, x, size, y - size);
    }

    private void text(String text, float x, float size, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(INK);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private boolean fits(float height) {
        return y - height >= MARGIN + 20;
    }

    private void ensure(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void finish() throws IOException {
        out.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footerOut = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = footer + "　第 " + (i + 1) + " 页 / 共 " + pages.size() + " 页";
                footerOut.beginText();
                footerOut.setFont(font, 8);
                footerOut.setNonStrokingColor(RULE);
                footerOut.newLineAtOffset((PAGE.getWidth() - ChineseFont.width(font, 8, text)) / 2, MARGIN - 24);
                footerOut.showText(text);
                footerOut.endText();
            }
        }
    }

    private float contentWidth() {
        return PAGE.getWidth() - 2 * MARGIN;
    }
}
