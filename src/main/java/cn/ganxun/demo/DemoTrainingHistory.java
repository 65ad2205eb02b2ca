package cn.ganxun.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.cadres.UnitKind;
import cn.ganxun.demo.DemoCadres.DemoCadre;

/**
 * Five years of closed classes (about 20 a year across the three institutions), their curricula and the
 * completed enrollments. Cadres differ in how often they were sent, so the coverage lights (R5, R6) come out
 * mixed: some cadres had no party-theory or party-spirit education at all, some are short of hours, some are
 * done. Party-school curricula give party theory and party spirit at least 70% of the hours (R15); no cadre sits
 * in two classes at once and none attends more than one class of a month or longer (R10).
 */
final class DemoTrainingHistory {

    private static final int HOURS_PER_DAY = 6;
    private static final int HOURS_PER_SESSION = 3;
    private static final int ONE_MONTH_WEEKDAYS = 22;

    private enum Audience {
        COUNTY_LEVEL, YOUNG, TOWNSHIP_LEVEL, TOWN_LEADERS, NEW_STAFF, ANYONE
    }

    private record Template(String institution, String title, String classType, String topic, int weekdays,
            int partyPercent, int participants, String dispatchMode, Audience audience) {
    }

    private static final Template YOUNG_CADRES = new Template("DX01", "中青年干部培训班", "YOUNG_CADRE",
            "提高政治能力，增强斗争本领", 44, 75, 36, "NAMED", Audience.YOUNG);
    private static final Template COUNTY_ADVANCED = new Template("DX01", "县处级领导干部进修班", "ADVANCED_STUDY",
            "深入学习党的创新理论", ONE_MONTH_WEEKDAYS, 80, 30, "NAMED", Audience.COUNTY_LEVEL);
    private static final Template THEORY_SEMINAR = new Template("DX01", "党的创新理论专题研讨班", "SEMINAR",
            "学思想、强党性、重实践、建新功", 5, 80, 45, "NAMED", Audience.COUNTY_LEVEL);
    private static final List<Template> EVERY_YEAR = List.of(
            YOUNG_CADRES,
            new Template("DX01", "科级干部任职培训班", "APPOINTMENT", "新任科级干部履职能力", 10, 70, 40, "NAMED",
                    Audience.TOWNSHIP_LEVEL),
            new Template("DX01", "科级干部任职培训班", "APPOINTMENT", "新任科级干部履职能力", 10, 70, 40, "NAMED",
                    Audience.TOWNSHIP_LEVEL),
            THEORY_SEMINAR,
            new Template("DX01", "乡镇（街道）党政正职培训班", "TRAINING", "抓党建促基层治理", 10, 70, 30, "MIXED",
                    Audience.TOWN_LEADERS),
            new Template("DX01", "党支部书记培训班", "TRAINING", "提升党支部组织力", 3, 100, 50, "QUOTA", Audience.ANYONE),
            new Template("DX01", "党支部书记培训班", "TRAINING", "提升党支部组织力", 3, 100, 50, "QUOTA", Audience.ANYONE),
            new Template("DX01", "年轻干部理想信念专题培训班", "SPECIAL_TOPIC", "坚定理想信念，筑牢思想根基", 5, 80, 45,
                    "QUOTA", Audience.YOUNG),
            new Template("DX01", "党性教育专题培训班", "SPECIAL_TOPIC", "锤炼党性，砥砺初心", 5, 90, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("DX01", "机关党务干部培训班", "TRAINING", "提高机关党建工作质量", 5, 80, 45, "QUOTA",
                    Audience.ANYONE),
            new Template("XZ01", "依法行政能力提升专题培训班", "SPECIAL_TOPIC", "法治政府建设", 5, 40, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("XZ01", "数字政府建设专题培训班", "SPECIAL_TOPIC", "数字化改革与政务服务", 5, 0, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("XZ01", "公务员初任培训班", "INITIAL", "新录用公务员入职教育", 10, 40, 40, "NAMED",
                    Audience.NEW_STAFF),
            new Template("XZ01", "应急管理与风险防控专题研讨班", "SEMINAR", "统筹发展和安全", 3, 20, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("XZ01", "营商环境优化专题培训班", "SPECIAL_TOPIC", "优化营商环境", 5, 30, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("GB01", "乡村振兴专题培训班", "SPECIAL_TOPIC", "全面推进乡村振兴", 5, 50, 45, "QUOTA",
                    Audience.ANYONE),
            new Template("GB01", "红色教育党性锻炼培训班", "TRAINING", "传承红色基因", 5, 80, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("GB01", "红色教育党性锻炼培训班", "TRAINING", "传承红色基因", 5, 80, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("GB01", "基层治理能力提升培训班", "TRAINING", "共建共治共享", 5, 40, 50, "QUOTA",
                    Audience.ANYONE),
            new Template("GB01", "高质量发展专题研讨班", "SEMINAR", "推动高质量发展", 3, 30, 50, "QUOTA",
                    Audience.COUNTY_LEVEL));

    private static final Map<String, List<String>> COURSE_TITLES = Map.of(
            "PARTY_THEORY", List.of("习近平新时代中国特色社会主义思想概论", "党的创新理论最新成果辅导", "马克思主义基本原理与方法论",
                    "中国特色社会主义理论体系", "新发展理念的理论与实践", "党史学习与历史经验", "习近平经济思想专题",
                    "习近平法治思想专题", "习近平生态文明思想专题", "全过程人民民主专题"),
            "PARTY_SPIRIT", List.of("党章学习与党性修养", "新时代党的建设总要求", "廉洁自律与警示教育", "中央八项规定精神解读",
                    "革命传统教育现场教学", "严肃党内政治生活", "理想信念教育", "党员干部作风建设"),
            "PROFESSIONAL", List.of("宏观经济形势分析", "依法行政与法治政府建设", "数字政府建设实践", "应急管理与风险防控",
                    "乡村振兴战略实务", "基层社会治理创新", "领导科学与决策能力", "公共政策分析", "舆情应对与媒体沟通",
                    "营商环境优化", "财政预算管理", "城市规划与建设管理"));

    /** A planned class before storage. */
    private record PlannedClass(Template template, String classNumber, String title, LocalDate start, LocalDate end) {

        int hours() {
            return template.weekdays() * HOURS_PER_DAY;
        }

        boolean teachesParty() {
            return template.partyPercent() > 0;
        }

        /** R10: off-the-job training of a month or longer. */
        boolean isLong() {
            return template.weekdays() >= ONE_MONTH_WEEKDAYS;
        }
    }

    /** The classes one cadre already sits in. */
    private static final class Seats {

        private final List<PlannedClass> taken = new ArrayList<>();

        boolean allow(PlannedClass candidate) {
            return !(candidate.isLong() && taken.stream().anyMatch(PlannedClass::isLong))
                    && taken.stream().noneMatch(c -> !c.start().isAfter(candidate.end())
                            && !c.end().isBefore(candidate.start()));
        }

        void take(PlannedClass planned) {
            taken.add(planned);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Random random;
    private final LocalDate today;

    DemoTrainingHistory(JdbcClient jdbc, JdbcTemplate batch, Random random, LocalDate today) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.random = random;
        this.today = today;
    }

    /**
     * Stores the classes, curricula and enrollments.
     *
     * @return the number of enrollments
     */
    int insert(Map<Long, DemoCadre> cadres, Map<Long, UnitKind> unitKinds, Map<String, Long> institutionIds) {
        List<PlannedClass> classes = plan();
        insertClasses(classes, institutionIds);
        Map<String, Long> classIds = jdbc.sql("SELECT id, class_number FROM training_class")
                .query((rs, n) -> Map.entry(rs.getString("class_number"), rs.getLong("id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        insertCourses(classes, classIds);
        // R5: how keen each cadre's unit is to send them; 0 means never to party-theory or party-spirit teaching
        Map<Long, Integer> appetite = new HashMap<>();
        Map<Long, Seats> seats = new HashMap<>();
        cadres.keySet().forEach(id -> {
            int draw = random.nextInt(100);
            appetite.put(id, draw < 14 ? 0 : draw < 60 ? 1 : 5);
            seats.put(id, new Seats());
        });
        List<Object[]> enrollments = new ArrayList<>();
        for (PlannedClass planned : classes) {
            List<Long> eligible = cadres.keySet().stream()
                    .filter(id -> cadres.get(id).activeDuring(planned.start(), planned.end())
                            && seats.get(id).allow(planned)
                            && fits(planned.template().audience(), cadres.get(id), unitKinds, planned.start()))
                    .toList();
            List<Long> chosen = sample(eligible, id -> planned.teachesParty() ? appetite.get(id) : 1,
                    planned.template().participants() - 5 + random.nextInt(11));
            for (int seat = 0; seat < chosen.size(); seat++) {
                long cadreId = chosen.get(seat);
                seats.get(cadreId).take(planned);
                enrollments.add(enrollment(planned, classIds.get(planned.classNumber()), cadreId, seat));
            }
        }
        batch.batchUpdate("""
                INSERT INTO enrollment (class_id, cadre_id, status, hours, credits, grade, certificate_number, created_at)
                VALUES (?, ?, 'COMPLETED', ?, ?, ?, ?, ?)""", enrollments);
        return enrollments.size();
    }

    /**
     * Twenty classes in each of the last five years. The month-long county-level advanced class runs twice in the
     * five years: with R10 (once per five years) the county-level cadres are used up by then.
     */
    private List<PlannedClass> plan() {
        record Scheduled(Template template, LocalDate start) {
        }
        List<Scheduled> scheduled = new ArrayList<>();
        LocalDate windowStart = today.minusYears(5).plusDays(7);
        for (int year = 0; year < 5; year++) {
            LocalDate from = windowStart.plusDays(365L * year);
            for (Template template : EVERY_YEAR) {
                Template chosen = template == THEORY_SEMINAR && year % 2 == 1 ? COUNTY_ADVANCED : template;
                LocalDate latestStart = min(from.plusDays(358), today.minusDays(21)).minusDays(calendarDays(chosen));
                int spread = (int) ChronoUnit.DAYS.between(from, latestStart);
                scheduled.add(new Scheduled(chosen, monday(from.plusDays(random.nextInt(spread)))));
            }
        }
        scheduled.sort(Comparator.comparing(Scheduled::start));
        Map<Integer, Integer> perYear = new HashMap<>();
        Map<String, Integer> perTitle = new HashMap<>();
        List<PlannedClass> classes = new ArrayList<>();
        for (Scheduled s : scheduled) {
            int year = s.start().getYear();
            int number = perYear.merge(year, 1, Integer::sum);
            int edition = perTitle.merge(year + s.template().title(), 1, Integer::sum);
            classes.add(new PlannedClass(s.template(), String.format("H%d-%04d", year, number),
                    s.template().title() + "（" + year + "年第" + edition + "期）", s.start(),
                    s.start().plusDays(calendarDays(s.template()))));
        }
        return classes;
    }

    private void insertClasses(List<PlannedClass> classes, Map<String, Long> institutionIds) {
        batch.batchUpdate("""
                INSERT INTO training_class (class_number, title, institution_id, class_type, topic, start_date, end_date,
                        off_job, planned_participants, dispatch_mode, status, revision, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, 'CLOSED', 1, ?, ?)""",
                classes.stream().map(c -> new Object[] {c.classNumber(), c.title(),
                        institutionIds.get(c.template().institution()), c.template().classType(), c.template().topic(),
                        c.start(), c.end(), c.template().participants(), c.template().dispatchMode(),
                        c.start().minusDays(45).atTime(9, 0), c.end().atTime(17, 0)}).toList());
    }

    /**
     * A curriculum of half-day sessions: opening and closing, then party theory and party spirit at the template's
     * share (rounded up, so a 70% party school class never falls below 70%, R15), the rest professional.
     */
    private void insertCourses(List<PlannedClass> classes, Map<String, Long> classIds) {
        List<Object[]> courses = new ArrayList<>();
        for (PlannedClass planned : classes) {
            int sessions = planned.hours() / HOURS_PER_SESSION;
            int party = (int) Math.ceil(sessions * planned.template().partyPercent() / 100.0);
            int other = Math.min(2, sessions - party);
            int theory = (int) Math.ceil(party * 0.6);
            List<Object[]> lines = new ArrayList<>();
            long classId = classIds.get(planned.classNumber());
            if (other > 0) {
                lines.add(course(classId, "开班式及入学教育", 1, "OTHER"));
            }
            addLines(lines, classId, "PARTY_THEORY", theory);
            addLines(lines, classId, "PARTY_SPIRIT", party - theory);
            addLines(lines, classId, "PROFESSIONAL", sessions - party - other);
            if (other > 1) {
                lines.add(course(classId, "结业考核与学习总结", 1, "OTHER"));
            }
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i)[1] = i + 1;
            }
            courses.addAll(lines);
        }
        batch.batchUpdate("INSERT INTO course (class_id, line_no, title, hours, category) VALUES (?, ?, ?, ?, ?)",
                courses);
    }

    /** Spreads the sessions of one category over distinct course titles, starting at a random title. */
    private void addLines(List<Object[]> lines, long classId, String category, int sessions) {
        List<String> titles = COURSE_TITLES.get(category);
        int courses = Math.min(sessions, titles.size());
        int first = random.nextInt(titles.size());
        for (int i = 0; i < courses; i++) {
            int share = sessions / courses + (i < sessions % courses ? 1 : 0);
            lines.add(course(classId, titles.get((first + i) % titles.size()), share, category));
        }
    }

    private static Object[] course(long classId, String title, int sessions, String category) {
        return new Object[] {classId, 0, title, BigDecimal.valueOf(sessions * HOURS_PER_SESSION), category};
    }

    private static boolean fits(Audience audience, DemoCadre cadre, Map<Long, UnitKind> unitKinds, LocalDate on) {
        Rank rank = cadre.rankOn(on);
        boolean townshipLevel = rank == Rank.TOWNSHIP_PRINCIPAL || rank == Rank.TOWNSHIP_DEPUTY;
        return switch (audience) {
            case COUNTY_LEVEL -> rank.countyLevelOrAbove();
            case YOUNG -> !rank.countyLevelOrAbove() && cadre.profile().birthDate().plusYears(40).isAfter(on);
            case TOWNSHIP_LEVEL -> townshipLevel;
            case TOWN_LEADERS -> rank == Rank.TOWNSHIP_PRINCIPAL && unitKinds.get(cadre.unitOn(on)) == UnitKind.TOWN;
            case NEW_STAFF -> rank == Rank.STAFF && cadre.profile().hiredOn().plusYears(2).isAfter(on);
            case ANYONE -> true;
        };
    }

    /** Weighted sampling without replacement (Efraimidis–Spirakis): the largest u^(1/w) win. */
    private List<Long> sample(List<Long> candidates, ToIntFunction<Long> weight, int count) {
        Map<Long, Double> keys = new HashMap<>();
        for (long id : candidates) {
            double draw = random.nextDouble();
            int w = weight.applyAsInt(id);
            if (w > 0) {
                keys.put(id, Math.pow(draw, 1.0 / w));
            }
        }
        return keys.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Mostly full attendance and PASS or GOOD; credits per R22: 5 a day, scaled by attendance, none when failed. */
    private Object[] enrollment(PlannedClass planned, long classId, long cadreId, int seat) {
        boolean missedSome = random.nextInt(100) < 10;
        double attended = missedSome ? 0.8 + random.nextInt(16) / 100.0 : 1.0;
        int draw = random.nextInt(100);
        String grade = missedSome ? (draw < 30 ? "FAIL" : "PASS")
                : draw < 10 ? "EXCELLENT" : draw < 42 ? "GOOD" : draw < 96 ? "PASS" : "FAIL";
        boolean failed = grade.equals("FAIL");
        return new Object[] {classId, cadreId, halves(planned.hours() * attended),
                failed ? BigDecimal.ZERO : halves(5.0 * planned.template().weekdays() * attended), grade,
                failed ? null : planned.classNumber() + String.format("-%03d", seat + 1),
                planned.start().minusDays(10).atTime(9, 0)};
    }

    private static BigDecimal halves(double value) {
        return BigDecimal.valueOf(Math.round(value * 2) / 2.0).setScale(1);
    }

    private static long calendarDays(Template template) {
        int weekdays = template.weekdays() - 1;
        return weekdays / 5 * 7L + weekdays % 5;
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
