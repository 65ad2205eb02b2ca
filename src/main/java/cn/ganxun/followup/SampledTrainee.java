package cn.ganxun.followup;

/** A trainee drawn for a unit visit (R27), with the unit the draw saw them in. */
public record SampledTrainee(long cadreId, String cadreNumber, String name, long unitId, String unitName) {
}
