package cn.ganxun.dispatch;

/** A cadre being checked, with the unit they belong to now. */
record Candidate(long id, String cadreNumber, String name, boolean active, long unitId, String unitName) {

    /** E.g. 张三（C000123）. */
    String label() {
        return name + "（" + cadreNumber + "）";
    }
}
