package cn.ganxun.archive;

import java.math.BigDecimal;

/** One row of the configurable ability mapping (R34): indicator (source + code) → dimension, with a weight. */
public record AbilityMapping(String source, String code, AbilityDimension dimension, BigDecimal weight) {
}
