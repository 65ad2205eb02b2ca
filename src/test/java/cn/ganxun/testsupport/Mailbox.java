package cn.ganxun.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the test context's GreenMail server received, read back per recipient. */
@Component
public class Mailbox {

    private final GreenMail greenMail;

    Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** A local port nothing listens on: point the mail sender at it and every send fails as in an SMTP outage. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void clear() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    public List<MimeMessage> to(String address) throws MessagingException {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
                result.add(message);
            }
        }
        return result;
    }

    public List<String> subjectsTo(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : to(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    public static String bodyOf(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }
}
