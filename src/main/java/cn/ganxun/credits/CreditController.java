package cn.ganxun.credits;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A cadre's credit ledger (R22). */
@RestController
@RequestMapping("/api/cadres")
@Tag(name = "学分", description = "干部学分台账（R22）")
class CreditController {

    private final CreditService credits;
    private final CurrentUser currentUser;

    CreditController(CreditService credits, CurrentUser currentUser) {
        this.credits = credits;
        this.currentUser = currentUser;
    }

    @GetMapping("/{cadreId}/credits")
    @Operation(summary = "学分台账", description = "组织部门、本人及所在单位组织人事部门；year 为空时返回全部年度")
    CreditLedger ledger(@PathVariable long cadreId, @RequestParam(required = false) Integer year) {
        credits.requireLedgerReader(currentUser.get(), cadreId);
        return credits.ledger(cadreId, year);
    }
}
