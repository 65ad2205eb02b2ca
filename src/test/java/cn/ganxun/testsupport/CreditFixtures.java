package cn.ganxun.testsupport;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ledger entries written straight into {@code credit_entry} for standing and eligibility tests. */
@Component
public class CreditFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    CreditFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An online-course entry of the year (reference FXO + a sequence number). */
    public void credits(long cadreId, int year, double credits) {
        jdbc.sql("""
                INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, reason, posted_at)
                VALUES (?, ?, 'ONLINE', ?, ?, 'fixture', ?)""")
                .params(cadreId, year, "FXO" + SEQUENCE.incrementAndGet(), BigDecimal.valueOf(credits), LocalDateTime.now())
                .update();
    }
}
