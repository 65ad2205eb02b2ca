package cn.ganxun.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Guards the second Surefire run: GANXUN_TEST_DATABASE=postgres must really put the tests on PostgreSQL. */
@GanxunTest
@AlsoOnPostgres
class DatabaseVendorTest {

    @Autowired
    DataSource dataSource;

    @Value("${ganxun.test.database}")
    String database;

    @Test
    void theTestsRunOnTheDatabaseTheBuildAskedFor() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualToIgnoringCase(database.equals("postgres") ? "PostgreSQL" : "H2");
        }
    }
}
