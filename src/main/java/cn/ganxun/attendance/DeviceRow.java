package cn.ganxun.attendance;

/**
 * One row of a check-in device's upload: the trainee by cadre number (or cadre id), the session by date
 * (yyyy-MM-dd) and period, the mark, and when the device recorded it (optional, ISO date-time).
 */
public record DeviceRow(String cadreNumber, Long cadreId, String date, String period, String mark, String recordedAt) {
}
