package cn.ganxun.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends e-mail exactly once per (message key, recipient). Each delivery is recorded in {@code mail_outbox}
 * in its own transaction as soon as the SMTP server accepted it, so a retried job (after a later failure in
 * the same step), a restart between the send and the job's commit, or a second node finds the row and does not
 * send again; every message carries a Message-ID derived from (key, recipient), so even a resend after a node died
 * in the moment between the server's acceptance and that record is the same message to the receiver. A failed attempt
 * is recorded too, in its own transaction (status FAILED, attempts, last error, time), so delivery lists show it;
 * every recipient is tried, then the failure is thrown: the calling job retries and, when its retries are spent,
 * shows as an incident in Cockpit.
 * <p>
 * Messages are MIME, UTF-8: a Chinese subject is RFC 2047 encoded, and so is the name of an attached file.
 */
@Service
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final int MAX_BODY = 8000;
    private static final int MAX_ERROR = 2000;
    private static final String ENCODING = "UTF-8";

    private final JdbcClient jdbc;
    private final JavaMailSender mailSender;
    private final TransactionTemplate newTransaction;
    private final String from;

    MailOutbox(JdbcClient jdbc, JavaMailSender mailSender, PlatformTransactionManager transactionManager,
            @Value("${ganxun.mail.from}") String from) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.from = from;
    }

    /** A file sent with a message: its (possibly Chinese) name, MIME type and bytes. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * Sends the message to every recipient that has not had it under this key yet.
     *
     * @return how many messages went out now (0 when all were sent before)
     */
    public int send(String messageKey, Collection<String> recipients, String subject, String body) {
        return send(messageKey, recipients, subject, body, null);
    }

    /**
     * Sends the message with one attachment (or none when {@code attachment} is null) to every recipient that has not
     * had it under this key yet. Every recipient is tried; if any attempt failed, a {@link MailSendException} naming
     * the failed recipients is thrown after the others went out.
     *
     * @return how many messages went out now (0 when all were sent before)
     */
    public int send(String messageKey, Collection<String> recipients, String subject, String body, Attachment attachment) {
        int sent = 0;
        List<String> failed = new ArrayList<>();
        MailException firstFailure = null;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient == null || recipient.isBlank()) {
                continue;
            }
            try {
                if (deliver(messageKey, recipient.trim(), subject, body, attachment)) {
                    sent++;
                }
            } catch (MailException e) {
                failed.add(recipient.trim());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw new MailSendException("邮件发送失败（" + messageKey + "）：" + String.join("、", failed) + "："
                    + firstFailure.getMessage(), firstFailure);
        }
        return sent;
    }

    /** Whether this key already reached this recipient. */
    public boolean wasSent(String messageKey, String recipient) {
        return status(messageKey, recipient).filter("SENT"::equals).isPresent();
    }

    private boolean deliver(String key, String recipient, String subject, String body, Attachment attachment) {
        if (wasSent(key, recipient)) {
            LOG.debug("mail {} to {} was sent before; not sending again", key, recipient);
            return false;
        }
        String attachmentName = attachment == null ? null : attachment.fileName();
        try {
            mailSender.send(message(key, recipient, subject, body, attachment));
        } catch (MailException e) {
            LOG.warn("mail {} to {} failed: {}", key, recipient, e.getMessage());
            newTransaction.executeWithoutResult(tx -> record(key, recipient, subject, body, attachmentName, "FAILED",
                    errorText(e)));
            throw e;
        }
        newTransaction.executeWithoutResult(tx -> record(key, recipient, subject, body, attachmentName, "SENT", null));
        return true;
    }

    /**
     * The message for one recipient, its Message-ID derived from (key, recipient): should a node die between the SMTP
     * server's acceptance and the SENT row's commit, the retry sends the same message again under the same
     * Message-ID, which receiving mail systems and clients recognise as one message (issue 8, cluster kill scenario).
     */
    private MimeMessage message(String key, String recipient, String subject, String body, Attachment attachment) {
        String messageId = messageId(key, recipient);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, ENCODING);
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body, false);
            if (attachment != null) {
                helper.setEncodeFilenames(true);
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new MailSendException("邮件内容无法生成：" + e.getMessage(), e);
        }
        return message;
    }

    /** One row per (key, recipient): SENT with its time, or FAILED with the error; every attempt counts. */
    private void record(String key, String recipient, String subject, String body, String attachmentName,
            String status, String error) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        Timestamp sentAt = "SENT".equals(status) ? now : null;
        int updated = jdbc.sql("""
                        UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = ?,
                               last_attempt_at = ?
                         WHERE message_key = ? AND recipient = ?""")
                .params(status, sentAt, error, now, key, recipient)
                .update();
        if (updated == 0) {
            String storedBody = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
            jdbc.sql("""
                            INSERT INTO mail_outbox (message_key, recipient, subject, body, status, attempts, last_error,
                                                     created_at, sent_at, last_attempt_at, attachment_name)
                            VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""")
                    .params(key, recipient, subject, storedBody, status, error, now, sentAt, now, attachmentName)
                    .update();
        }
    }

    /** {@code <uuid@domain>}: a name-based UUID of the key and the recipient, the domain of the sender address. */
    String messageId(String key, String recipient) {
        UUID id = UUID.nameUUIDFromBytes((key + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
        return "<" + id + "@" + from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim() + ">";
    }

    private static String errorText(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && text.length() < MAX_ERROR; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("；").append(cause.getMessage());
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }

    private Optional<String> status(String key, String recipient) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE message_key = ? AND recipient = ?")
                .params(key, recipient)
                .query(String.class)
                .optional();
    }
}
