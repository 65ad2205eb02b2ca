package cn.ganxun.classes;

import java.math.BigDecimal;

/** One curriculum line of a class. */
public record Course(String title, BigDecimal hours, CourseCategory category) {
}
