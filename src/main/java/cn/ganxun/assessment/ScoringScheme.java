package cn.ganxun.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The "4+1" scheme (R18): four regular blocks split into ten aspects whose maximum points sum to 100, plus bonus
 * items (their sum has no upper bound; each item has its own maximum). The default is copied into
 * {@code scoring_item} when a class's assessment starts, unless the class was configured before.
 */
public final class ScoringScheme {

    public static final String STUDY_DISCIPLINE = "STUDY_DISCIPLINE";
    public static final String CLASS_MANAGEMENT = "CLASS_MANAGEMENT";
    public static final String CLASSROOM = "CLASSROOM";
    public static final String CAPACITY = "CAPACITY";
    public static final String BONUS = "BONUS";
    public static final List<String> REGULAR_BLOCKS = List.of(STUDY_DISCIPLINE, CLASS_MANAGEMENT, CLASSROOM, CAPACITY);
    public static final Map<String, String> BLOCK_NAMES = Map.of(STUDY_DISCIPLINE, "学风学纪", CLASS_MANAGEMENT, "班级管理",
            CLASSROOM, "课堂表现", CAPACITY, "能力拓展", BONUS, "加分项");

    /** The aspect computed from attendance (R16 marks), see {@link ScoreService#attendancePoints}. */
    public static final String ATTENDANCE = "ATTENDANCE";

    public static final BigDecimal REGULAR_TOTAL = BigDecimal.valueOf(100);

    private static final List<ScoringItem> DEFAULT = List.of(
            item(STUDY_DISCIPLINE, ATTENDANCE, "出勤", 15),
            item(STUDY_DISCIPLINE, "DISCIPLINE", "纪律", 10),
            item(STUDY_DISCIPLINE, "STUDY_ATTITUDE", "学习态度", 10),
            item(CLASS_MANAGEMENT, "CLASS_DUTY", "班务参与", 10),
            item(CLASS_MANAGEMENT, "COLLECTIVE_ACTIVITY", "集体活动", 5),
            item(CLASSROOM, "INTERACTION", "课堂互动", 10),
            item(CLASSROOM, "SEMINAR", "研讨发言", 10),
            item(CLASSROOM, "NOTES", "学习笔记", 5),
            item(CAPACITY, "REFLECTION", "学习心得", 15),
            item(CAPACITY, "RESEARCH", "调研实践", 10),
            item(BONUS, "BONUS_AWARD", "表彰奖励", 5),
            item(BONUS, "BONUS_PUBLICATION", "发表文章", 5));

    private ScoringScheme() {
    }

    /** Ten aspects summing to 100 and two bonus items. */
    public static List<ScoringItem> defaultItems() {
        return DEFAULT;
    }

    /**
     * Checks a class's scheme: every block known, codes unique and well-formed, maximum points positive, at least
     * one aspect per regular block, the regular aspects summing to exactly 100; bonus items allowed, no upper bound on
     * their sum.
     *
     * @throws InvalidInputException naming every problem
     */
    public static void validate(List<ScoringItem> items) {
        List<Problem> problems = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.rule("R18", "items", "评分方案不能为空");
        }
        Set<String> codes = new HashSet<>();
        Set<String> blocksSeen = new HashSet<>();
        BigDecimal regular = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            ScoringItem item = items.get(i);
            String where = "第 " + (i + 1) + " 项";
            if (item == null) {
                problems.add(new Problem("items", where + "为空"));
                continue;
            }
            if (item.block() == null || !(REGULAR_BLOCKS.contains(item.block()) || BONUS.equals(item.block()))) {
                problems.add(new Problem("items", where + "模块无效：" + item.block()
                        + "（应为 STUDY_DISCIPLINE、CLASS_MANAGEMENT、CLASSROOM、CAPACITY 或 BONUS）"));
            } else {
                blocksSeen.add(item.block());
            }
            if (item.code() == null || !item.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
                problems.add(new Problem("items", where + "代码无效：" + item.code() + "（大写字母、数字、下划线）"));
            } else if (!codes.add(item.code())) {
                problems.add(new Problem("items", where + "代码重复：" + item.code()));
            }
            if (item.name() == null || item.name().isBlank() || item.name().length() > 100) {
                problems.add(new Problem("items", where + "名称不能为空且不超过100字"));
            }
            if (item.maxPoints() == null || item.maxPoints().signum() <= 0 || item.maxPoints().scale() > 1
                    || item.maxPoints().compareTo(BigDecimal.valueOf(1000)) >= 0) {
                problems.add(new Problem("items", where + "分值须为大于0的数（至多一位小数）：" + item.maxPoints()));
            } else if (!BONUS.equals(item.block())) {
                regular = regular.add(item.maxPoints());
            }
            if (ATTENDANCE.equals(item.code()) && !STUDY_DISCIPLINE.equals(item.block())) {
                problems.add(new Problem("items", "出勤（ATTENDANCE）须属于学风学纪模块"));
            }
        }
        for (String block : REGULAR_BLOCKS) {
            if (!blocksSeen.contains(block)) {
                problems.add(new Problem("items", "R18：缺少常规模块" + BLOCK_NAMES.get(block) + "（" + block + "）"));
            }
        }
        if (regular.compareTo(REGULAR_TOTAL) != 0) {
            problems.add(new Problem("items", "R18：四个常规模块各评分项合计须为100分，实际为 " + regular.stripTrailingZeros().toPlainString()
                    + " 分"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ScoringItem item(String block, String code, String name, int maxPoints) {
        return new ScoringItem(block, code, name, BigDecimal.valueOf(maxPoints).setScale(1));
    }
}
