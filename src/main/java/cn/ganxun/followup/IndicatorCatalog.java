package cn.ganxun.followup;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** R29: the post-evaluation indicators of a trainee level, as {@code follow-up-indicators.dmn} lists them. */
@Component
public class IndicatorCatalog {

    /** Decision key of {@code processes/follow-up-indicators.dmn}. */
    public static final String DECISION = "follow-up-indicators";

    private final LevelDecisions decisions;

    IndicatorCatalog(LevelDecisions decisions) {
        this.decisions = decisions;
    }

    /** The level's indicators in the table's rule order. */
    public List<Indicator> forLevel(TraineeLevel level) {
        return decisions.evaluate(DECISION, level).stream()
                .map(IndicatorCatalog::indicator)
                .toList();
    }

    private static Indicator indicator(Map<String, Object> row) {
        return new Indicator((String) row.get("code"), (String) row.get("name"), (String) row.get("kind"),
                score(row.get("minScore")), score(row.get("maxScore")));
    }

    private static BigDecimal score(Object value) {
        return new BigDecimal(String.valueOf(value)).setScale(1);
    }
}
