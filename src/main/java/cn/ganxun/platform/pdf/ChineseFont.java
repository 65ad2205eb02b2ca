package cn.ganxun.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC Regular, which the build unpacks from Maven Central onto the classpath (never an operating-system
 * font). Each PDF embeds only the subset of glyphs it uses, so its text is searchable and prints the same everywhere.
 */
public final class ChineseFont {

    public static final String RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private static volatile byte[] bytes;

    private ChineseFont() {
    }

    /** Loads the font into the document as an embedded subset. */
    public static PDFont load(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bytes()), true);
    }

    /** Breaks text into lines no wider than maxWidth, by character (Chinese has no spaces to break at). */
    public static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float currentWidth = 0;
        for (int codePoint : text.codePoints().toArray()) {
            if (codePoint == '\n') {
                lines.add(current.toString());
                current.setLength(0);
                currentWidth = 0;
                continue;
            }
            String glyph = new String(Character.toChars(codePoint));
            float glyphWidth = width(font, size, glyph);
            if (current.length() > 0 && currentWidth + glyphWidth > maxWidth) {
                lines.add(current.toString());
                current.setLength(0);
                currentWidth = 0;
            }
            current.append(glyph);
            currentWidth += glyphWidth;
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    public static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static byte[] bytes() throws IOException {
        byte[] loaded = bytes;
        if (loaded == null) {
            try (InputStream in = ChineseFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("字体缺失：classpath:" + RESOURCE + "（由构建从 ph-fonts-noto-sans-sc 解包）");
                }
                loaded = in.readAllBytes();
            }
            bytes = loaded;
        }
        return loaded;
    }
}
