package cn.ganxun.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.ganxun.platform.FormDates;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * Reads the interview a follow-up team member typed into the unit-visit task form: a date ({@code yyyy-MM-dd}), a
 * method and interviewees by their codes, findings, and scores as lines "指标代码，来源，分值" where the source is a
 * {@link ScoreSource} code or its Chinese name (自评, 同事, 单位领导, 群众, with or without 评价). The content rules
 * (dates, indicators, ranges) are {@link UnitVisitService#logInterview}'s.
 */
public final class InterviewForm {

    private InterviewForm() {
    }

    /** @return the interview, or null when every field is empty (nothing typed) */
    public static NewInterview parse(String heldOn, String method, List<String> interviewees, String findings,
            String scores) {
        if (blank(heldOn) && blank(method) && (interviewees == null || interviewees.isEmpty()) && blank(findings)
                && blank(scores)) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        LocalDate date = null;
        try {
            date = FormDates.day(heldOn, "interviewHeldOn", "访谈日期");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        InterviewMethod interviewMethod = null;
        if (!blank(method)) {
            try {
                interviewMethod = InterviewMethod.valueOf(method.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("interviewMethod", "访谈方式无效：" + method));
            }
        }
        Set<Interviewee> who = EnumSet.noneOf(Interviewee.class);
        for (String code : interviewees == null ? List.<String>of() : interviewees) {
            try {
                who.add(Interviewee.valueOf(code.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("interviewees", "访谈对象无效：" + code));
            }
        }
        List<NewIndicatorScore> parsed = new ArrayList<>();
        String[] lines = blank(scores) ? new String[0] : scores.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[，,、\\s]+");
            if (parts.length != 3) {
                problems.add(new Problem("interviewScores", "第 " + (i + 1) + " 行应为“指标代码，来源，分值”：" + line));
                continue;
            }
            ScoreSource source = source(parts[1]);
            if (source == null) {
                problems.add(new Problem("interviewScores", "第 " + (i + 1) + " 行的来源「" + parts[1]
                        + "」无效，可选：自评、同事、单位领导、群众"));
                continue;
            }
            try {
                parsed.add(new NewIndicatorScore(parts[0], source, new BigDecimal(parts[2])));
            } catch (NumberFormatException e) {
                problems.add(new Problem("interviewScores", "第 " + (i + 1) + " 行的分值不是数字：" + parts[2]));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewInterview(date, interviewMethod, who.isEmpty() ? null : who, findings, parsed);
    }

    private static ScoreSource source(String text) {
        for (ScoreSource source : ScoreSource.values()) {
            String label = source.label();
            if (source.name().equalsIgnoreCase(text) || label.equals(text) || label.replace("评价", "").equals(text)) {
                return source;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
