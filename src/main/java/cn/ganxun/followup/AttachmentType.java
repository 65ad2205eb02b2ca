package cn.ganxun.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file types a visit accepts, recognised by extension and checked by the file's leading (magic) bytes. */
enum AttachmentType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}, List.of()),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            List.of("image/jpg", "image/pjpeg")),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, List.of());

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;
    private final List<String> aliases;

    AttachmentType(String mediaType, List<String> extensions, byte[] magic, List<String> aliases) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
        this.aliases = aliases;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<AttachmentType> byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }

    boolean matches(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** A declared content type is fine when absent, generic, or this type's (parameters such as charset ignored). */
    boolean accepts(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("application/octet-stream") || base.equals(mediaType) || aliases.contains(base);
    }
}
