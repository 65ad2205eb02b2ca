package cn.ganxun.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.ganxun.linkage.Promotion;

/**
 * A cadre's training archive (培训档案, 一人一档, R3a, R34): every training from registration to completion with hours,
 * credits, grade, result, certificate and the follow-up's findings; the growth curve over the years; the ability map
 * onto 德、能、勤、绩、廉; the reserve-pool status (R35); the promotions and their appointment training (R32).
 */
public record TrainingArchive(CadreSummary cadre, List<ArchiveTraining> trainings, List<YearFigures> growth,
        AbilityMap abilityMap, ReservePool reservePool, List<Promotion> promotions) {

    public record CadreSummary(long id, String cadreNumber, String name, String rank, String rankLabel, String post,
            String unitName, String status) {
    }

    /** One enrollment; result, rank and candidate flag only once the class's results are confirmed. */
    public record ArchiveTraining(long classId, String classNumber, String title, String institution, String classType,
            LocalDate startDate, LocalDate endDate, boolean offJob, boolean appointmentTraining, String status,
            BigDecimal hours, BigDecimal credits, String grade, BigDecimal result, Integer classRank,
            boolean excellentCandidate, String certificateNumber, BigDecimal followUpScore, String followUpFindings,
            boolean forAnnualAppraisal, boolean forAppointmentForm) {

        boolean finished() {
            return "COMPLETED".equals(status) || "INCOMPLETE".equals(status);
        }
    }

    /** The growth curve: per year of the classes' end (finished enrollments only), gaps filled with zeros. */
    public record YearFigures(int year, int classes, BigDecimal hours, BigDecimal credits, BigDecimal averageResult) {
    }

    /** R34: one score (0–100) per dimension, null when no mapped indicator was ever scored; {@code method} says how. */
    public record AbilityMap(List<DimensionScore> dimensions, String method) {
    }

    public record DimensionScore(AbilityDimension dimension, String label, BigDecimal score, int indicators,
            int observations) {
    }

    /** R35: an excellent-trainee candidate in any class is proposed for the reserve pool. */
    public record ReservePool(boolean candidate, List<ReserveClass> classes) {
    }

    public record ReserveClass(String classNumber, String title, LocalDate endDate, Integer classRank, String grade) {
    }
}
