package cn.ganxun.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.NotFoundException;

/**
 * R29: the post-evaluation of one trainee in one follow-up. Per source (self, colleagues, unit leader, public) the
 * average of all that source's indicator scores over every interview of the trainee's unit visit, rounded to one
 * decimal (HALF_UP). The combined score is the weighted mean of these rounded averages with the weights of
 * {@code post-evaluation-weights.dmn} for the trainee's level (from the cadre's current rank); sources without any
 * score are left out and the remaining weights rescaled to sum to 1. One decimal, HALF_UP.
 */
@Component
public class PostEvaluation {

    /** Decision key of {@code processes/post-evaluation-weights.dmn}. */
    public static final String DECISION = "post-evaluation-weights";

    private static final Map<ScoreSource, String> WEIGHT_OUTPUTS = Map.of(ScoreSource.SELF, "selfWeight",
            ScoreSource.COLLEAGUES, "colleaguesWeight", ScoreSource.UNIT_LEADER, "unitLeaderWeight",
            ScoreSource.PUBLIC, "publicWeight");

    private final JdbcClient jdbc;
    private final LevelDecisions decisions;

    PostEvaluation(JdbcClient jdbc, LevelDecisions decisions) {
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    /** R29: the weight of each source for a level, as post-evaluation-weights.dmn gives it. */
    public Map<ScoreSource, BigDecimal> weights(TraineeLevel level) {
        Map<String, Object> row = decisions.evaluate(DECISION, level).get(0);
        Map<ScoreSource, BigDecimal> weights = new EnumMap<>(ScoreSource.class);
        WEIGHT_OUTPUTS.forEach((source, output) -> weights.put(source, new BigDecimal(String.valueOf(row.get(output)))));
        return weights;
    }

    public SourceScores scoresFor(long followUpId, long cadreId) {
        Map<ScoreSource, BigDecimal> averages = new EnumMap<>(ScoreSource.class);
        String[] rank = new String[1];
        jdbc.sql("""
                SELECT c.rank_level, s.source, AVG(s.score) AS average
                  FROM cadre c
                  LEFT JOIN unit_visit v ON v.cadre_id = c.id AND v.follow_up_id = ?
                  LEFT JOIN interview i ON i.visit_id = v.id
                  LEFT JOIN indicator_score s ON s.interview_id = i.id
                 WHERE c.id = ?
                 GROUP BY c.rank_level, s.source""")
                .params(followUpId, cadreId)
                .query(rs -> {
                    rank[0] = rs.getString("rank_level");
                    if (rs.getString("source") != null) {
                        averages.put(ScoreSource.valueOf(rs.getString("source")),
                                rs.getBigDecimal("average").setScale(1, RoundingMode.HALF_UP));
                    }
                });
        if (rank[0] == null) {
            throw new NotFoundException("干部不存在：" + cadreId);
        }
        TraineeLevel level = TraineeLevel.of(Rank.valueOf(rank[0]));
        List<String> findings = jdbc.sql("""
                SELECT i.held_on, i.method, i.findings FROM interview i JOIN unit_visit v ON v.id = i.visit_id
                 WHERE v.follow_up_id = ? AND v.cadre_id = ? ORDER BY i.held_on, i.id""")
                .params(followUpId, cadreId)
                .query((rs, n) -> rs.getObject("held_on", LocalDate.class) + " "
                        + InterviewMethod.valueOf(rs.getString("method")).label() + "：" + rs.getString("findings"))
                .list();
        return new SourceScores(level, averages.get(ScoreSource.SELF), averages.get(ScoreSource.COLLEAGUES),
                averages.get(ScoreSource.UNIT_LEADER), averages.get(ScoreSource.PUBLIC), combined(level, averages),
                findings.isEmpty() ? null : String.join("\n", findings));
    }

    private BigDecimal combined(TraineeLevel level, Map<ScoreSource, BigDecimal> averages) {
        if (averages.isEmpty()) {
            return null;
        }
        Map<ScoreSource, BigDecimal> weights = weights(level);
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        for (Map.Entry<ScoreSource, BigDecimal> average : averages.entrySet()) {
            BigDecimal weight = weights.get(average.getKey());
            weighted = weighted.add(weight.multiply(average.getValue()));
            weightSum = weightSum.add(weight);
        }
        return weightSum.signum() == 0 ? null : weighted.divide(weightSum, 1, RoundingMode.HALF_UP);
    }
}
