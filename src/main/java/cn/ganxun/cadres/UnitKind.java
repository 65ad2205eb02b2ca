package cn.ganxun.cadres;

/** Where a unit sits in the city: a city department, a district, or a town / street under a district. */
public enum UnitKind {
    CITY_DEPARTMENT,
    DISTRICT,
    TOWN
}
