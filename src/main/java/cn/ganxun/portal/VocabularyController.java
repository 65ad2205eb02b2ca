package cn.ganxun.portal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.cadres.Category;
import cn.ganxun.cadres.Rank;
import cn.ganxun.coverage.Light;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The codes the portal's filters and tables show, with their Chinese labels, from the enums that define them. */
@RestController
@Tag(name = "门户")
class VocabularyController {

    record Term(String value, String label) {
    }

    record Vocabulary(List<Term> ranks, List<Term> categories, List<Term> lights) {
    }

    @GetMapping("/api/portal/vocabulary")
    @Operation(summary = "筛选项与状态的中文名称：职级、干部类别、红黄绿灯")
    Vocabulary vocabulary() {
        return new Vocabulary(terms(Rank.values(), Rank::label), terms(Category.values(), Category::label),
                terms(Light.values(), Light::label));
    }

    private static <E extends Enum<E>> List<Term> terms(E[] constants, Function<E, String> label) {
        return Arrays.stream(constants).map(c -> new Term(c.name(), label.apply(c))).toList();
    }
}
