package cn.ganxun.attendance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Attendance through the REST API and the register page ({@code /attendance.html}): sessions, the whole-class
 * register of a session, corrections, the device upload (CSV or JSON, all-or-nothing) and the current register.
 * Writes: the class's own class teachers, the org department, administrators; reads also the class's institution.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "考勤", description = "教学场次、考勤登记与更正、考勤机导入（R16）")
class AttendanceController {

    private final AttendanceService attendance;
    private final ClassStaff staff;
    private final CurrentUser currentUser;

    AttendanceController(AttendanceService attendance, ClassStaff staff, CurrentUser currentUser) {
        this.attendance = attendance;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @PutMapping("/classes/{classId}/staff")
    @Operation(summary = "安排班主任、任课教师和联络员",
            description = "组织部或本班培训机构：{\"CLASS_TEACHER\": [\"teacher\"], \"LECTURER\": [...], \"LIAISON\": [...]}")
    Map<String, List<String>> assignStaff(@PathVariable long classId, @RequestBody Map<String, List<String>> usersByRole) {
        staff.assign(classId, usersByRole, currentUser.get());
        return staff.staff(classId);
    }

    @GetMapping("/classes/{classId}/sessions")
    @Operation(summary = "教学场次", description = "本班的教学场次，按日期和时段排序")
    List<TeachingSession> sessions(@PathVariable long classId) {
        return attendance.sessions(classId, currentUser.get());
    }

    @PostMapping("/classes/{classId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增教学场次", description = "日期须在培训期内；时段 MORNING/AFTERNOON/EVENING；每个时段一个场次")
    TeachingSession createSession(@PathVariable long classId, @RequestBody(required = false) NewSession session) {
        return attendance.createSession(classId, session, currentUser.get());
    }

    @GetMapping("/classes/{classId}/attendance")
    @Operation(summary = "考勤表", description = "本班名单上每名学员在每个场次的当前考勤（最新记录）与缺勤次数")
    ClassRegister register(@PathVariable long classId) {
        return attendance.currentRegister(classId, currentUser.get());
    }

    @PutMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "登记一个场次的考勤", description = "整班登记：marks 为 {干部id: PRESENT|LATE|ON_LEAVE|ABSENT}；"
            + "更改已登记的考勤须填写 reason（历史保留）")
    Map<String, Object> registerSession(@PathVariable long sessionId, @RequestBody(required = false) RegisterRequest request) {
        if (request == null || request.marks() == null) {
            throw InvalidInputException.of("marks", "请提供考勤 marks");
        }
        Map<Long, Mark> marks = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        request.marks().forEach((key, value) -> {
            Long cadreId = null;
            try {
                cadreId = Long.valueOf(key.trim());
            } catch (NumberFormatException e) {
                problems.add(new Problem("marks", "干部 id 无效：" + key));
            }
            var mark = Mark.parse(value);
            if (mark.isEmpty()) {
                problems.add(new Problem("marks", "干部 " + key + " 的" + Mark.invalid(value)));
            } else if (cadreId != null) {
                marks.put(cadreId, mark.get());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int written = attendance.register(sessionId, marks, request.reason(), currentUser.get());
        return Map.of("sessionId", sessionId, "recorded", written);
    }

    @PostMapping("/sessions/{sessionId}/attendance/corrections")
    @Operation(summary = "更正考勤", description = "新增一条带理由的记录，原记录保留在历史中")
    MarkRecord correct(@PathVariable long sessionId, @RequestBody(required = false) CorrectionRequest request) {
        if (request == null || request.cadreId() == null) {
            throw InvalidInputException.of("cadreId", "请提供干部 cadreId");
        }
        Mark mark = Mark.parse(request.mark())
                .orElseThrow(() -> InvalidInputException.of("mark", Mark.invalid(request.mark())));
        return attendance.correct(sessionId, request.cadreId(), mark, request.reason(), currentUser.get());
    }

    @GetMapping("/sessions/{sessionId}/attendance/{cadreId}/history")
    @Operation(summary = "考勤历史", description = "一名学员在一个场次的全部记录（含更正），先早后晚")
    List<MarkRecord> history(@PathVariable long sessionId, @PathVariable long cadreId) {
        return attendance.history(sessionId, cadreId, currentUser.get());
    }

    @PostMapping(path = "/classes/{classId}/attendance/import", consumes = "text/csv")
    @Operation(summary = "考勤机导入（CSV）", description = "表头 干部编号,日期,时段,考勤[,记录时间]；UTF-8；全部成功或全部不导入，逐行指明错误")
    Map<String, Object> importCsv(@PathVariable long classId, @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("csv", "CSV 为空");
        }
        AttendanceCsv.Upload upload = AttendanceCsv.parse(new String(body, StandardCharsets.UTF_8));
        return Map.of("classId", classId,
                "recorded", attendance.importDevice(classId, upload.rows(), upload.firstRowNumber(), currentUser.get()));
    }

    @PostMapping(path = "/classes/{classId}/attendance/import", consumes = "application/json")
    @Operation(summary = "考勤机导入（JSON）", description = "行数组：cadreNumber 或 cadreId、date、period、mark、recordedAt；全部成功或全部不导入")
    Map<String, Object> importJson(@PathVariable long classId, @RequestBody(required = false) List<DeviceRow> rows) {
        return Map.of("classId", classId, "recorded", attendance.importDevice(classId, rows, 1, currentUser.get()));
    }

    record RegisterRequest(Map<String, String> marks, String reason) {
    }

    record CorrectionRequest(Long cadreId, String mark, String reason) {
    }
}
