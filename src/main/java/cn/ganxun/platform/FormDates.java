package cn.ganxun.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a day typed into a Camunda Form's date field (submitted as {@code yyyy-MM-dd}, possibly with a time after it). */
public final class FormDates {

    private FormDates() {
    }

    /**
     * @return the day, or null when nothing was entered
     * @throws InvalidInputException naming {@code field} and {@code label} when it is not a date
     */
    public static LocalDate day(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, label + "格式应为 yyyy-MM-dd：" + value);
        }
    }
}
