package cn.ganxun.platform;

import java.util.List;

/**
 * Input a person must correct. Each problem names the field (or the rule, for a rule violation) and says in
 * Chinese what is wrong. Mapped to HTTP 400; inside the engine it rolls back the step and Tasklist shows the
 * message.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Problem(field, message)));
    }

    /** A broken business rule: the message names the rule id (R1…R40). */
    public static InvalidInputException rule(String ruleId, String field, String message) {
        return new InvalidInputException(List.of(new Problem(field, ruleId + "：" + message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return String.join("；", problems.stream().map(Problem::message).toList());
    }

    public record Problem(String field, String message) {
    }
}
