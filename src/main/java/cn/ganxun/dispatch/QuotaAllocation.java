package cn.ganxun.dispatch;

import java.time.LocalDateTime;

/** Seats of one class given to one unit (R9), and how many of them are nominated. */
public record QuotaAllocation(long id, long classId, long unitId, String unitCode, String unitName, int seats,
        int seatsUsed, LocalDateTime deadline, String status) {

    public int seatsOpen() {
        return seats - seatsUsed;
    }
}
