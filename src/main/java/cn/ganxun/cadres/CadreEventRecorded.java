package cn.ganxun.cadres;

import java.time.LocalDate;

/**
 * Published (inside the recording transaction) for every life event recorded through the registry, so other
 * capabilities can react: a promotion needs appointment training (R32), a retirement leaves every training
 * plan (R1). The demo city's seeded history publishes nothing.
 */
public record CadreEventRecorded(long cadreId, CadreEventKind kind, LocalDate effectiveOn) {
}
