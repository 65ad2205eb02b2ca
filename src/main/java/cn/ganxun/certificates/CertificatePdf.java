package cn.ganxun.certificates;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

import cn.ganxun.platform.pdf.ChineseFont;

/**
 * Renders a certificate as a one-page A4 landscape PDF in Chinese. The font is Noto Sans SC Regular, which the
 * build unpacks from Maven Central onto the classpath (never an operating-system font); each PDF embeds only the
 * subset of glyphs it uses (a few kilobytes), so the text is searchable and prints the same everywhere.
 */
@Component
class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 90;
    private static final Color INK = new Color(40, 40, 40);
    private static final Color RED = new Color(170, 20, 20);

    byte[] render(Certificate certificate, BigDecimal hours, LocalDate issueDate) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = ChineseFont.load(document);
            PDPage page = new PDPage(A4_LANDSCAPE);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("结业证书 " + certificate.certificateNumber());
            info.setAuthor(certificate.institutionName());
            float width = A4_LANDSCAPE.getWidth();
            float height = A4_LANDSCAPE.getHeight();
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                frame(out, width, height);
                out.setNonStrokingColor(RED);
                centered(out, font, 40, "结业证书", width, height - 120);
                out.setNonStrokingColor(INK);
                float y = height - 190;
                line(out, font, 18, certificate.cadreName() + " 同志：", MARGIN + 20, y);
                y -= 36;
                String dates = "于 " + DATE.format(certificate.startDate()) + " 至 " + DATE.format(certificate.endDate())
                        + " 参加" + certificate.institutionName() + "举办的";
                y = paragraph(out, font, 16, dates, MARGIN + 56, y, width - 2 * MARGIN - 56, 28);
                for (String part : ChineseFont.wrap(font, 20, certificate.classTitle(), width - 2 * MARGIN)) {
                    centered(out, font, 20, part, width, y);
                    y -= 32;
                }
                String body = "（班次编号 " + certificate.classNumber() + "）学习，共计 " + hours.stripTrailingZeros().toPlainString()
                        + " 学时，完成规定学习任务，经考核合格，准予结业。特发此证。";
                paragraph(out, font, 16, body, MARGIN + 56, y, width - 2 * MARGIN - 56, 28);

                float bottom = 110;
                line(out, font, 12, "证书编号：" + certificate.certificateNumber(), MARGIN + 20, bottom + 40);
                line(out, font, 12, "验证码：" + certificate.verificationCode(), MARGIN + 20, bottom + 20);
                line(out, font, 12, "真伪查验：/verify.html（输入证书编号）", MARGIN + 20, bottom);
                rightAligned(out, font, 16, certificate.institutionName(), width - MARGIN - 20, bottom + 40);
                rightAligned(out, font, 14, "发证日期：" + DATE.format(issueDate), width - MARGIN - 20, bottom + 14);
                if (!certificate.valid()) {
                    out.setNonStrokingColor(RED);
                    centered(out, font, 28, "本证书已撤销", width, bottom + 70);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("证书 PDF 生成失败：" + certificate.certificateNumber(), e);
        }
    }


    private static void frame(PDPageContentStream out, float width, float height) throws IOException {
        out.setStrokingColor(RED);
        out.setLineWidth(3);
        out.addRect(30, 30, width - 60, height - 60);
        out.stroke();
        out.setLineWidth(1);
        out.addRect(40, 40, width - 80, height - 80);
        out.stroke();
    }

    private static void line(PDPageContentStream out, PDFont font, float size, String text, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static void centered(PDPageContentStream out, PDFont font, float size, String text, float width, float y)
            throws IOException {
        line(out, font, size, text, (width - ChineseFont.width(font, size, text)) / 2, y);
    }

    private static void rightAligned(PDPageContentStream out, PDFont font, float size, String text, float right, float y)
            throws IOException {
        line(out, font, size, text, right - ChineseFont.width(font, size, text), y);
    }

    /** Writes wrapped text; the first line starts at x, the others at the left margin. Returns the next y. */
    private static float paragraph(PDPageContentStream out, PDFont font, float size, String text, float x, float y,
            float firstWidth, float leading) throws IOException {
        List<String> lines = ChineseFont.wrap(font, size, text, firstWidth);
        if (lines.isEmpty()) {
            return y;
        }
        line(out, font, size, lines.get(0), x, y);
        y -= leading;
        String rest = String.join("", lines.subList(1, lines.size()));
        for (String part : ChineseFont.wrap(font, size, rest, A4_LANDSCAPE.getWidth() - 2 * MARGIN - 20)) {
            line(out, font, size, part, MARGIN + 20, y);
            y -= leading;
        }
        return y;
    }


}
