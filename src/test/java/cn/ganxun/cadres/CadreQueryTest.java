package cn.ganxun.cadres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.ganxun.platform.InvalidInputException;

class CadreQueryTest {

    @Test
    void acceptsCodesOrChineseLabelsAndASortDirection() {
        CadreQuery query = CadreQuery.of(" 王 ", "7", "TRUE", "县处级正职", "young_cadre", "RETIRED", "2", "50", "rank,desc");

        assertThat(query.text()).isEqualTo("王");
        assertThat(query.unitId()).isEqualTo(7L);
        assertThat(query.subUnits()).isTrue();
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(50);
        assertThat(query.rank()).isEqualTo(Rank.COUNTY_PRINCIPAL);
        assertThat(query.category()).isEqualTo(Category.YOUNG_CADRE);
        assertThat(query.status()).isEqualTo(CadreStatus.RETIRED);
        assertThat(query.sort()).isEqualTo(CadreQuery.Sort.RANK);
        assertThat(query.descending()).isTrue();
    }

    @Test
    void rankSortsBySeniorityNotAlphabetically() {
        assertThat(CadreQuery.Sort.RANK.sql()).startsWith("CASE c.rank_level WHEN 'BUREAU' THEN 0");
    }

    @Test
    void everyBadParameterIsNamedInChinese() {
        assertThatThrownBy(() -> CadreQuery.of(null, "x1", "yes", "处长", "干部", "离职", "-1", "201", "id_number"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field)
                            .containsExactly("unitId", "subUnits", "rank", "category", "status", "page", "size", "sort");
                    assertThat(e.getMessage()).contains("单位 unitId 须为整数：x1", "职级 rank 取值无效：处长（可选：厅局级、县处级正职", "每页条数 size 须在 1 到 200 之间",
                            "排序 sort 无效");
                });
    }

    @Test
    void pageAndSizeMustBeWholeNumbers() {
        assertThatThrownBy(() -> CadreQuery.of(null, null, "false", null, null, null, "1.5", "99999999999", "name"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::message)
                        .containsExactly("页码 page 须为整数：1.5", "每页条数 size 须为整数：99999999999"));
    }

    @Test
    void rejectsAnUnknownSortDirection() {
        assertThatThrownBy(() -> CadreQuery.of(null, null, "false", null, null, null, "0", "20", "name,up"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("方向为 asc 或 desc");
    }
}
