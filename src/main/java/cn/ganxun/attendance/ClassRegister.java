package cn.ganxun.attendance;

import java.util.List;
import java.util.Map;

/**
 * The current register of a class: its sessions and, per trainee on the roster, the current mark of each session
 * (by session id; sessions without a mark are absent from the map) and the number of sessions marked absent.
 */
public record ClassRegister(long classId, List<TeachingSession> sessions, List<Trainee> trainees) {

    public record Trainee(long cadreId, String cadreNumber, String name, String unitName, Map<Long, Mark> marks,
            int absences) {
    }
}
