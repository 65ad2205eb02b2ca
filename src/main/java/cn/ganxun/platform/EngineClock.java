package cn.ganxun.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the process engine sees it, so services, timers and tests that move the engine clock agree.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }

    public static LocalDate today() {
        return now().toLocalDate();
    }

    public static java.util.Date toDate(LocalDateTime time) {
        return java.util.Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
