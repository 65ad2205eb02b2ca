package cn.ganxun.assessment;

/** R25: a trainee's self-evaluation — knowledge update, inspiration, new ideas (before vs after the class). */
public record SelfEvaluation(String knowledge, String inspiration, String newIdeas) {
}
