package cn.ganxun.assessment;

/** A trainee on the class's roster (enrollment ENROLLED). */
public record Trainee(long cadreId, String cadreNumber, String name) {
}
