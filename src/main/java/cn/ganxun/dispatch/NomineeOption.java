package cn.ganxun.dispatch;

import cn.ganxun.coverage.CoverageLight;

/** One line of the nomination picker: a cadre of the unit with their coverage light and hours (R5, R6). */
public record NomineeOption(long cadreId, String cadreNumber, String name, CoverageLight light) {

    /** E.g. 张三（C000123）· 红灯 · 近5年累计0学时，应达500学时（R6）. */
    public String label() {
        return name + "（" + cadreNumber + "）· " + light.light().label() + " · " + light.reason();
    }
}
