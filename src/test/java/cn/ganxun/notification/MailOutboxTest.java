package cn.ganxun.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox's delivery identity (issue 8): one message per (key, recipient), sent once; should a node die after the
 * SMTP server accepted a message but before its SENT row committed (simulated by removing the row), the retry sends
 * it again with the same Message-ID, so the receiver sees the same message, not a second one.
 */
@GanxunTest
@AlsoOnPostgres
class MailOutboxTest {

    @Autowired MailOutbox outbox;
    @Autowired Mailbox mailbox;
    @Autowired JdbcClient jdbc;

    @Test
    void aResendAfterALostSentRecordCarriesTheSameMessageId() throws Exception {
        String key = "outbox-test:" + System.nanoTime();
        String trainee = "outbox-trainee@ganxun.test";
        String lead = "outbox-lead@ganxun.test";

        assertThat(outbox.send(key, List.of(trainee, lead), "催交学习心得", "请于本周内提交。")).isEqualTo(2);
        assertThat(outbox.send(key, List.of(trainee), "催交学习心得", "请于本周内提交。")).as("sent before").isZero();
        jdbc.sql("DELETE FROM mail_outbox WHERE message_key = ? AND recipient = ?").params(key, trainee).update();
        assertThat(outbox.send(key, List.of(trainee), "催交学习心得", "请于本周内提交。")).isEqualTo(1);

        List<MimeMessage> toTrainee = mailbox.to(trainee);
        assertThat(toTrainee).hasSize(2);
        assertThat(toTrainee).extracting(MimeMessage::getMessageID).containsOnly(outbox.messageId(key, trainee));
        assertThat(mailbox.to(lead)).extracting(MimeMessage::getMessageID).containsExactly(outbox.messageId(key, lead));
        assertThat(outbox.messageId(key, lead)).isNotEqualTo(outbox.messageId(key, trainee))
                .isNotEqualTo(outbox.messageId(key + "-2", lead)).matches("<[0-9a-f-]{36}@[^>]+>");
        assertThat(toTrainee.get(0).getSubject()).isEqualTo("催交学习心得");
    }
}
