package cn.ganxun.classes;

import java.time.LocalDateTime;

/** One entry of a class's decision trail: who did what, when and why. */
public record StatusChange(ClassStatus status, String action, String actor, String remark, String overrideReason,
        LocalDateTime at) {
}
