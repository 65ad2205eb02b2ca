package cn.ganxun.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.credits.CreditClaimProcess.Decision;
import cn.ganxun.credits.CreditClaimProcess.Vars;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * Reward credits (R22: books, articles, awards), claimed by the cadre and decided by the HR of the cadre's unit in
 * process {@code credit-claim}. A claim needs kind, role, title, credit year (not in the future) and evidence; the
 * credits come from {@code reward-credits.dmn}. Approval posts one ledger entry (REWARD, reference = claim id) — a
 * retried posting never posts twice; a refusal needs a reason, which the cadre sees with the claim.
 */
@Service
public class RewardClaims {

    static final int TITLE_MAX = 300;
    static final int EVIDENCE_MAX = 500;
    static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final CreditAccess access;
    private final MailOutbox outbox;
    private final Directory directory;
    private final Period reviewPeriod;

    RewardClaims(JdbcClient jdbc, RuntimeService runtimeService, CreditAccess access, MailOutbox outbox,
            Directory directory, @Value("${ganxun.credits.claim-review-period:P10D}") Period reviewPeriod) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.access = access;
        this.outbox = outbox;
        this.directory = directory;
        this.reviewPeriod = reviewPeriod;
    }

    /** What the save step hands back to the process: the claim, its reviewers' group and their due date. */
    public record SavedClaim(long claimId, String unitHrGroup, Date reviewDueAt) {
    }

    /**
     * The cadre (their bound trainee account) claims reward credits: checks the claim and starts {@code credit-claim}
     * (business key = cadre number).
     *
     * @return the claim
     */
    @Transactional
    public RewardClaim claim(NewRewardClaim claim, Actor actor) {
        if (actor.cadreId() == null) {
            throw new AccessDeniedException("无权访问：奖励学分由干部本人申请（须使用绑定干部的学员账号）");
        }
        validate(actor.cadreId(), claim);
        String cadreNumber = jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(actor.cadreId())
                .query(String.class).single();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.CADRE_ID, actor.cadreId());
        variables.put(Vars.REWARD_KIND, claim.kind().name());
        variables.put(Vars.REWARD_ROLE, claim.role().name());
        variables.put(Vars.REWARD_TITLE, claim.title().strip());
        variables.put(Vars.CREDIT_YEAR, claim.year());
        variables.put(Vars.EVIDENCE, claim.evidence().strip());
        long claimId = ((Number) runtimeService.createProcessInstanceByKey(CreditClaimProcess.KEY)
                .businessKey(cadreNumber).setVariables(variables).executeWithVariablesInReturn()
                .getVariables().get(Vars.CLAIM_ID)).longValue();
        return find(claimId);
    }

    /**
     * Stores a claim inside the process, after {@code reward-credits.dmn} gave its credits (null: no row for the
     * combination). Checks it again, so a start by other means is held to the same rules — including who claims: a
     * user starting {@code credit-claim} directly (engine REST) must be bound to the cadre.
     */
    @Transactional
    public SavedClaim save(long cadreId, NewRewardClaim claim, Double credits, String claimedBy) {
        if (!Actor.SYSTEM.equals(claimedBy) && jdbc.sql("SELECT COUNT(*) FROM account_binding WHERE user_id = ? AND cadre_id = ?")
                .params(claimedBy, cadreId).query(Integer.class).single() == 0) {
            throw new AccessDeniedException("无权访问：奖励学分由干部本人申请（须使用绑定干部的学员账号）");
        }
        validate(cadreId, claim);
        if (credits == null) {
            throw InvalidInputException.rule("R22", "role", claim.kind().label() + "不按「" + claim.role().label()
                    + "」计奖励学分：著作分独著、合著、参编，文章分独立发表、合作发表，获奖分一等奖、二等奖、三等奖、优秀奖");
        }
        String unitCode = jdbc.sql("SELECT u.code FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE c.id = ?")
                .param(cadreId).query(String.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reward_claim (cadre_id, reward_kind, reward_role, title, credit_year, credits, evidence, status,
                                          claimed_by, claimed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(cadreId, claim.kind().name(), claim.role().name(), claim.title().strip(), claim.year(),
                        BigDecimal.valueOf(credits).setScale(1, RoundingMode.HALF_UP), claim.evidence().strip(),
                        claimedBy, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        LocalDateTime due = EngineClock.today().plus(reviewPeriod).atTime(18, 0);
        return new SavedClaim(key.getKey().longValue(), Groups.unitHr(unitCode), EngineClock.toDate(due));
    }

    /** Every problem of a claim at once; evidence is required by R22's "claimed and approved" rewards. */
    void validate(long cadreId, NewRewardClaim claim) {
        if (claim == null) {
            throw InvalidInputException.of("claim", "请提供奖励学分申请：kind、role、title、year、evidence");
        }
        List<Problem> problems = new ArrayList<>();
        if (claim.kind() == null) {
            problems.add(new Problem("kind", "请选择奖励类别 kind：BOOK（著作）、ARTICLE（文章）、AWARD（获奖）"));
        }
        if (claim.role() == null) {
            problems.add(new Problem("role", "请选择署名或等级 role：SOLE、CO_AUTHOR、CONTRIBUTOR（著作、文章）或 FIRST、SECOND、"
                    + "THIRD、MERIT（获奖）"));
        }
        if (claim.title() == null || claim.title().isBlank()) {
            problems.add(new Problem("title", "请填写著作、文章或奖项名称 title"));
        } else if (claim.title().strip().length() > TITLE_MAX) {
            problems.add(new Problem("title", "名称不能超过" + TITLE_MAX + "个字符"));
        }
        int thisYear = EngineClock.today().getYear();
        if (claim.year() == null || claim.year() < CreditStandings.MIN_YEAR || claim.year() > thisYear) {
            problems.add(new Problem("year", "学分年度 year 须在 " + CreditStandings.MIN_YEAR + " 至 " + thisYear + " 之间"));
        }
        if (claim.evidence() == null || claim.evidence().isBlank()) {
            problems.add(new Problem("evidence", "R22：奖励学分须经审核认定，申请须提供证明材料 evidence（如出版社和书号、"
                    + "刊物名称和期号、获奖证书编号和颁发单位），没有证明材料的申请不予受理"));
        } else if (claim.evidence().strip().length() > EVIDENCE_MAX) {
            problems.add(new Problem("evidence", "证明材料说明不能超过" + EVIDENCE_MAX + "个字符"));
        }
        if (problems.isEmpty() && jdbc.sql("""
                SELECT COUNT(*) FROM reward_claim
                 WHERE cadre_id = ? AND reward_kind = ? AND LOWER(title) = ? AND status <> 'REFUSED'""")
                .params(cadreId, claim.kind().name(), claim.title().strip().toLowerCase(Locale.ROOT))
                .query(Integer.class).single() > 0) {
            problems.add(new Problem("title", "已申请过该" + claim.kind().label() + "的奖励学分：" + claim.title().strip()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The claim for the reviewer's form, as Markdown. */
    public String summary(long claimId) {
        RewardClaim claim = find(claimId);
        String cadre = jdbc.sql("""
                SELECT c.cadre_number, c.name, u.name AS unit_name FROM cadre c JOIN unit u ON u.id = c.unit_id WHERE c.id = ?""")
                .param(claim.cadreId())
                .query((rs, n) -> "**" + rs.getString("name") + "**（" + rs.getString("cadre_number") + "，"
                        + rs.getString("unit_name") + "）")
                .single();
        return cadre + "申请奖励学分：\n\n"
                + "- 类别：" + claim.kind().label() + "（" + claim.role().label() + "）\n"
                + "- 名称：" + claim.title() + "\n"
                + "- 学分年度：" + claim.year() + "\n"
                + "- 按奖励学分标准（R22）：" + claim.credits().stripTrailingZeros().toPlainString() + " 学分\n"
                + "- 证明材料：" + claim.evidence() + "\n\n"
                + "请核实证明材料后决定是否认定；不认定须填写理由。";
    }

    /**
     * The unit HR's decision: approve, or refuse with a reason. Only the HR of the cadre's unit (or a unit above it)
     * decide, and only a pending claim.
     *
     * @return whether the claim was approved
     */
    @Transactional
    public boolean decide(long claimId, String cadreNumber, Decision decision, String reason, Actor actor) {
        RewardClaim claim = find(claimId);
        if (!cadreNumber.equals(jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(claim.cadreId())
                .query(String.class).single())) {
            throw InvalidInputException.of("claimId", "该申请不属于本流程的干部：" + claimId);
        }
        if (!actor.isAdmin() && !access.isUnitHrOf(actor, access.unitOf(claim.cadreId()))) {
            throw new AccessDeniedException("无权访问：奖励学分申请由干部所在单位组织人事部门审核");
        }
        if (!RewardClaim.PENDING.equals(claim.status())) {
            throw InvalidInputException.of("claimDecision", "该申请已处理（" + claim.status() + "），不能再次审核");
        }
        String text = reason == null ? null : reason.strip();
        if (decision == Decision.REFUSE && (text == null || text.isEmpty())) {
            throw InvalidInputException.of(Vars.CLAIM_DECISION_REASON, "不予认定须填写理由");
        }
        if (text != null && text.length() > REASON_MAX) {
            throw InvalidInputException.of(Vars.CLAIM_DECISION_REASON, "理由不能超过" + REASON_MAX + "个字符");
        }
        jdbc.sql("""
                UPDATE reward_claim SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                 WHERE id = ? AND status = 'PENDING'""")
                .params(decision == Decision.APPROVE ? RewardClaim.APPROVED : RewardClaim.REFUSED, actor.userId(),
                        Timestamp.valueOf(EngineClock.now()), text == null || text.isEmpty() ? null : text, claimId)
                .update();
        return decision == Decision.APPROVE;
    }

    /** Posts an approved claim's credits to the ledger, once. */
    @Transactional
    public CreditEntry postCredits(long claimId) {
        RewardClaim claim = find(claimId);
        if (!RewardClaim.APPROVED.equals(claim.status())) {
            throw new IllegalStateException("reward claim " + claimId + " is " + claim.status() + ", not APPROVED");
        }
        String ref = String.valueOf(claimId);
        if (jdbc.sql("SELECT COUNT(*) FROM credit_entry WHERE cadre_id = ? AND source = 'REWARD' AND source_ref = ?")
                .params(claim.cadreId(), ref).query(Integer.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, reason, posted_at,
                                              recorded_by)
                    VALUES (?, ?, 'REWARD', ?, ?, ?, ?, ?)""")
                    .params(claim.cadreId(), claim.year(), ref, claim.credits(),
                            "奖励学分：" + claim.kind().label() + "（" + claim.role().label() + "）「" + claim.title() + "」，"
                                    + claim.credits().stripTrailingZeros().toPlainString() + " 学分，经 " + claim.decidedBy()
                                    + " 审核认定",
                            Timestamp.valueOf(EngineClock.now()), claim.decidedBy())
                    .update();
        }
        return jdbc.sql(CreditService.ENTRY_COLUMNS + " WHERE cadre_id = ? AND source = 'REWARD' AND source_ref = ?")
                .params(claim.cadreId(), ref).query(CreditService::map).single();
    }

    /** Reminds the unit's HR of an overdue review, once per claim and recipient. */
    public int remindReviewers(long claimId, String unitHrGroup) {
        RewardClaim claim = find(claimId);
        if (!RewardClaim.PENDING.equals(claim.status())) {
            return 0;
        }
        return outbox.send("credit-claim-overdue:" + claimId, directory.emailsOfGroup(unitHrGroup),
                "【奖励学分申请待审核】" + claim.title(),
                "您单位有一项奖励学分申请已超过审核期限，请尽快在任务列表中审核：\n\n" + summary(claimId));
    }

    /** A cadre's claims, newest first: for the ledger's readers. */
    public List<RewardClaim> claimsOf(long cadreId, Actor actor) {
        access.requireLedgerReader(actor, cadreId);
        return jdbc.sql(COLUMNS + " WHERE cadre_id = ? ORDER BY id DESC").param(cadreId).query(RewardClaims::map).list();
    }

    public RewardClaim find(long claimId) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(claimId).query(RewardClaims::map).optional()
                .orElseThrow(() -> new NotFoundException("奖励学分申请不存在：" + claimId));
    }

    private static final String COLUMNS = """
            SELECT id, cadre_id, reward_kind, reward_role, title, credit_year, credits, evidence, status, claimed_by,
                   claimed_at, decided_by, decided_at, decision_reason FROM reward_claim""";

    private static RewardClaim map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new RewardClaim(rs.getLong("id"), rs.getLong("cadre_id"), RewardKind.valueOf(rs.getString("reward_kind")),
                RewardRole.valueOf(rs.getString("reward_role")), rs.getString("title"), rs.getInt("credit_year"),
                rs.getBigDecimal("credits"), rs.getString("evidence"), rs.getString("status"), rs.getString("claimed_by"),
                rs.getTimestamp("claimed_at").toLocalDateTime(), rs.getString("decided_by"),
                decided == null ? null : decided.toLocalDateTime(), rs.getString("decision_reason"));
    }
}
