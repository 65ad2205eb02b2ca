package cn.ganxun.cadres;

/** An employer / dispatching unit (单位). Towns and streets hang under their district. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, String leaderName,
        String leaderEmail, String hrEmail) {
}
