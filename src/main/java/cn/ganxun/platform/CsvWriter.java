package cn.ganxun.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV for spreadsheets (RFC 4180, the counterpart of {@link CsvReader}): UTF-8 with a byte order mark, so that
 * Excel opens Chinese text correctly; CRLF line ends; a field in double quotes when it holds a comma, a quote or a line
 * break. A field that starts with {@code = + - @} is prefixed with an apostrophe so a spreadsheet never runs it as a
 * formula.
 */
public final class CsvWriter {

    /** The content type of an export. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** Starts a CSV document on the stream: the byte order mark, then the header record. */
    public static CsvWriter start(OutputStream stream, List<String> header) {
        CsvWriter writer = new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        writer.write("\uFEFF");
        writer.record(header);
        return writer;
    }

    /** One record; null fields are written empty. */
    public void record(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
