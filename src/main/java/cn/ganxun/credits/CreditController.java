package cn.ganxun.credits;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A cadre's credit ledger (R22), yearly standing (R23) and reward claims. */
@RestController
@RequestMapping("/api/cadres")
@Tag(name = "学分", description = "干部学分台账（R22）")
class CreditController {

    private final CreditService credits;
    private final CreditStandings standings;
    private final RewardClaims claims;
    private final CreditAccess access;
    private final CurrentUser currentUser;

    CreditController(CreditService credits, CreditStandings standings, RewardClaims claims, CreditAccess access,
            CurrentUser currentUser) {
        this.credits = credits;
        this.standings = standings;
        this.claims = claims;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping("/{cadreId}/credits")
    @Operation(summary = "学分台账", description = "组织部门、本人及所在单位组织人事部门；year 为空时返回全部年度")
    CreditLedger ledger(@PathVariable long cadreId, @RequestParam(required = false) Integer year) {
        access.requireLedgerReader(currentUser.get(), cadreId);
        return credits.ledger(cadreId, year);
    }

    @GetMapping("/{cadreId}/credits/standing")
    @Operation(summary = "年度学分考核（R23）", description = "本年学分、上年结转、可用学分（≥60 为年度达标）、结转下年的盈余、"
            + "近五年学分（≥300 为五年达标）。组织部门、本人及所在单位组织人事部门")
    CreditStanding standing(@PathVariable long cadreId, @RequestParam(required = false) Integer year) {
        access.requireLedgerReader(currentUser.get(), cadreId);
        if (year == null) {
            throw InvalidInputException.of("year", "请提供年度 year，如 2027");
        }
        return standings.standing(cadreId, year);
    }

    @GetMapping("/{cadreId}/reward-claims")
    @Operation(summary = "奖励学分申请", description = "干部的奖励学分申请及审核结果（待审核、已认定、不予认定及理由），新的在前")
    List<RewardClaim> rewardClaims(@PathVariable long cadreId) {
        return claims.claimsOf(cadreId, currentUser.get());
    }
}
