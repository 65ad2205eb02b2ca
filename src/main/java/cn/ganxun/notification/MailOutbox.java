package cn.ganxun.notification;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends e-mail exactly once per (message key, recipient). Each delivery is recorded in {@code mail_outbox}
 * in its own transaction as soon as the SMTP server accepted it, so a retried job (after a later failure in
 * the same step) or a second node finds the row and does not send again. A failed delivery throws: the
 * calling job retries and, when its retries are spent, shows as an incident in Cockpit.
 */
@Service
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final int MAX_BODY = 8000;

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

    /**
     * Sends the message to every recipient that has not had it under this key yet.
     *
     * @return how many messages went out now (0 when all were sent before)
     */
    public int send(String messageKey, Collection<String> recipients, String subject, String body) {
        int sent = 0;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            if (recipient == null || recipient.isBlank()) {
                continue;
            }
            if (deliver(messageKey, recipient.trim(), subject, body)) {
                sent++;
            }
        }
        return sent;
    }

    /** Whether this key already reached this recipient. */
    public boolean wasSent(String messageKey, String recipient) {
        return status(messageKey, recipient).filter("SENT"::equals).isPresent();
    }

    private boolean deliver(String key, String recipient, String subject, String body) {
        if (wasSent(key, recipient)) {
            LOG.debug("mail {} to {} was sent before; not sending again", key, recipient);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient);
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
        newTransaction.executeWithoutResult(tx -> recordSent(key, recipient, subject, body));
        return true;
    }

    private void recordSent(String key, String recipient, String subject, String body) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        String storedBody = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        int updated = jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1 "
                        + "WHERE message_key = ? AND recipient = ?")
                .params(now, key, recipient)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO mail_outbox (message_key, recipient, subject, body, status, attempts, created_at, sent_at) "
                            + "VALUES (?, ?, ?, ?, 'SENT', 1, ?, ?)")
                    .params(key, recipient, subject, storedBody, now, now)
                    .update();
        }
    }

    private Optional<String> status(String key, String recipient) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE message_key = ? AND recipient = ?")
                .params(key, recipient)
                .query(String.class)
                .optional();
    }
}
