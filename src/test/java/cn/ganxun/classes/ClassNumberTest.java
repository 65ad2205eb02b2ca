package cn.ganxun.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * Class numbers (R13 filings, e.g. DX01-2027-003) under concurrent filings: each filing's transaction stays open
 * through the process start, so the number is taken in a short transaction of its own.
 */
@GanxunTest
@AlsoOnPostgres
class ClassNumberTest {

    @Autowired TrainingClassRepository classes;
    @Autowired PlatformTransactionManager transactionManager;

    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aFilingStillInProgressDoesNotMakeTheNextFilingOfTheInstitutionWait() throws Exception {
        assertThat(classes.nextClassNumber("CN01", 2031)).isEqualTo("CN01-2031-001");
        CountDownLatch firstHoldsItsNumber = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
            String number = classes.nextClassNumber("CN01", 2031);
            firstHoldsItsNumber.countDown();
            await(secondDone); // the rest of the first filing (process start, rules, review task) still runs
            return number;
        }));
        assertThat(firstHoldsItsNumber.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> second = threads.submit(() -> new TransactionTemplate(transactionManager)
                .execute(status -> classes.nextClassNumber("CN01", 2031)));

        String secondNumber = second.get(5, TimeUnit.SECONDS); // before the first filing commits
        secondDone.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("CN01-2031-002");
        assertThat(secondNumber).isEqualTo("CN01-2031-003");
    }

    @Test
    void concurrentFirstFilingsOfAYearGetDistinctConsecutiveNumbers() throws Exception {
        int filings = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (int i = 0; i < filings; i++) {
            numbers.add(threads.submit(() -> {
                await(start);
                return new TransactionTemplate(transactionManager).execute(status -> {
                    String number = classes.nextClassNumber("CN02", 2032);
                    sleep(200); // the filing's own work, inside its transaction
                    return number;
                });
            }));
        }
        start.countDown();

        List<String> taken = new ArrayList<>();
        for (Future<String> number : numbers) {
            taken.add(number.get(30, TimeUnit.SECONDS));
        }
        assertThat(taken).containsExactlyInAnyOrder("CN02-2032-001", "CN02-2032-002", "CN02-2032-003",
                "CN02-2032-004", "CN02-2032-005", "CN02-2032-006");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
