package cn.ganxun.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.ganxun.cadres.Rank;

/** R5 and R6 applied to one cadre's figures. */
final class CoverageLights {

    /** R4: basic training covers every cadre within a rolling window of this many years. */
    static final int WINDOW_YEARS = 5;
    /** R6: hours over the window for county/division level (县处级) and above. */
    static final int REQUIRED_HOURS_COUNTY_LEVEL = 550;
    /** R6: hours over the window for every other cadre. */
    static final int REQUIRED_HOURS_OTHERS = 500;

    private CoverageLights() {
    }

    static int requiredHours(Rank rank) {
        return rank.countyLevelOrAbove() ? REQUIRED_HOURS_COUNTY_LEVEL : REQUIRED_HOURS_OTHERS;
    }

    /** RED without party hours (R5), else YELLOW below the required hours (R6), else GREEN. */
    static CoverageLight classify(long cadreId, Rank rank, BigDecimal partyHours, BigDecimal totalHours) {
        BigDecimal party = partyHours.setScale(1, RoundingMode.HALF_UP);
        BigDecimal total = totalHours.setScale(1, RoundingMode.HALF_UP);
        int required = requiredHours(rank);
        BigDecimal requiredHours = BigDecimal.valueOf(required);
        String figures = "近" + WINDOW_YEARS + "年累计" + plain(total) + "学时，应达" + required + "学时";
        if (party.signum() == 0) {
            return new CoverageLight(cadreId, Light.RED, party, total, required,
                    "近" + WINDOW_YEARS + "年未参加党的创新理论教育和党性教育；" + figures + "，列为点名调训对象（R5）");
        }
        if (total.compareTo(requiredHours) < 0) {
            return new CoverageLight(cadreId, Light.YELLOW, party, total, required,
                    figures + "，尚差" + plain(requiredHours.subtract(total)) + "学时（R6）");
        }
        return new CoverageLight(cadreId, Light.GREEN, party, total, required,
                "近" + WINDOW_YEARS + "年累计" + plain(total) + "学时，已达应训" + required + "学时（R6）");
    }

    private static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
