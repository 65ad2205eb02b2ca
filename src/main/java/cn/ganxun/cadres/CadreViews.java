package cn.ganxun.cadres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What the registry API returns. */
final class CadreViews {

    private CadreViews() {
    }

    record UnitRef(long id, String code, String name) {
    }

    /** One line of the registry list (no identity number). */
    record CadreRow(long id, String cadreNumber, String name, Gender gender, LocalDate birthDate, Rank rank,
            Category category, UnitRef unit, String post, boolean partyMember, CadreStatus status) {
    }

    record CadrePage(List<CadreRow> items, int page, int size, long total) {
    }

    /** A cadre with the dynamic data of R1: post history and training history (R3a). */
    record CadreDetail(@JsonUnwrapped Cadre cadre, UnitRef unit, List<EventView> events, List<TrainingView> trainings) {
    }

    record EventView(long id, CadreEventKind kind, LocalDate effectiveOn, UnitRef fromUnit, UnitRef toUnit,
            Rank fromRank, Rank toRank, String post, String note, String recordedBy, LocalDateTime recordedAt) {
    }

    /**
     * One enrollment joined with its class. Status and grade are the enrollment's own codes; the follow-up score and
     * findings are the final post-evaluation (R29), null until the class's follow-up closed or when never visited.
     */
    record TrainingView(String classNumber, String title, String institution, LocalDate startDate, LocalDate endDate,
            String status, BigDecimal hours, BigDecimal credits, String grade, String certificateNumber,
            BigDecimal followUpScore, String followUpFindings) {
    }
}
