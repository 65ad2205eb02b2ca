package cn.ganxun.followup;

/** An attachment's bytes with the name and type to serve them under. */
public record AttachmentContent(long id, long visitId, String fileName, String contentType, byte[] content) {
}
