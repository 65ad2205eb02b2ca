package cn.ganxun.cadres;

import java.time.LocalDate;

/** A life event to store in the cadre's history (R1 dynamic data). */
public record NewCadreEvent(long cadreId, CadreEventKind kind, LocalDate effectiveOn, Long fromUnitId,
        Long toUnitId, Rank fromRank, Rank toRank, String post, String note, String recordedBy) {
}
