package cn.ganxun.classes;

import static cn.ganxun.classes.ClassFilingProcess.Vars;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.classes.FilingFinding.Consequence;
import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionRepository;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;

/**
 * Class filing and approval (R12–R15): stores filings and revisions, applies filing-rules.dmn, records the
 * approver's decision with who, when and why. Called by the REST API and by the class-filing process.
 */
@Service
public class ClassFilingService {

    private final TrainingClassRepository classes;
    private final InstitutionRepository institutions;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final DecisionService decisionService;
    private final Duration reviewPeriod;
    private final Duration reminderBeforeDue;

    ClassFilingService(TrainingClassRepository classes, InstitutionRepository institutions, CurrentUser currentUser,
            RuntimeService runtimeService, DecisionService decisionService,
            @Value("${ganxun.filing.review-period}") String reviewPeriod,
            @Value("${ganxun.filing.reminder-before-due}") String reminderBeforeDue) {
        this.classes = classes;
        this.institutions = institutions;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.decisionService = decisionService;
        this.reviewPeriod = Duration.parse(reviewPeriod);
        this.reminderBeforeDue = Duration.parse(reminderBeforeDue);
    }

    /**
     * Files a class through the REST API: validates, then starts {@code class-filing} as the caller (engine
     * authorization applies), which stores the filing and applies the rules. The filing's fields go in as transient
     * variables: 保存申报信息 reads them in the same transaction and the filing lives in the class tables, so they are
     * never written to the engine's runtime or history tables.
     */
    @Transactional
    public TrainingClass submit(ClassFiling filing) {
        Actor actor = currentUser.get();
        Institution institution = institutionFor(actor, filing.institutionCode());
        ClassFilingValidator.validate(filing, EngineClock.today());
        Map<String, Object> fields = ClassFilingVariables.toVariables(filing);
        fields.put(Vars.INSTITUTION_CODE, institution.code());
        VariableMap variables = Variables.createVariables();
        fields.forEach((name, value) -> variables.putValueTyped(name, Variables.untypedValue(value, true)));
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(ClassFilingProcess.KEY)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        long classId = ((Number) instance.getVariables().get(Vars.CLASS_ID)).longValue();
        return find(classId);
    }

    /**
     * Stores what the filing form submitted: a new filing when {@code classId} is null, else a revision of a
     * returned one. Runs inside the process, so a validation error rolls the form submission back and Tasklist
     * shows the message.
     */
    @Transactional
    public TrainingClass saveFromForm(Long classId, Map<String, Object> formVariables, String userId) {
        ClassFiling filing = ClassFilingVariables.fromVariables(formVariables);
        LocalDateTime now = EngineClock.now();
        if (classId == null) {
            Institution institution = institutionFor(currentUser.of(userId), filing.institutionCode());
            ClassFilingValidator.validate(filing, now.toLocalDate());
            String number = classes.nextClassNumber(institution.code(), filing.startDate().getYear());
            long id = classes.insert(number, institution.id(), filing, userId, now);
            classes.addHistory(id, ClassStatus.FILED, "FILED", userId, null, null, now);
            return find(id);
        }
        TrainingClass current = find(classId);
        if (current.status() != ClassStatus.RETURNED) {
            throw InvalidInputException.of("status", "只有退回修改的申报可以修改，当前状态：" + current.status().label());
        }
        ClassFilingValidator.validate(filing, now.toLocalDate());
        classes.revise(classId, filing, now);
        classes.addHistory(classId, ClassStatus.FILED, "REVISED", userId, null, null, now);
        return find(classId);
    }

    public void attachProcessInstance(long classId, String processInstanceId) {
        classes.attachProcessInstance(classId, processInstanceId);
    }

    /**
     * Applies filing-rules.dmn (R13, R15) to the current revision, stores the findings and routes the filing:
     * RETURN when a rule sends it back, REVIEW when it needs approval (late filings need an override), RECORD
     * for a small class that is only recorded (备案).
     */
    @Transactional
    public FilingCheck checkRules(long classId) {
        TrainingClass trainingClass = find(classId);
        ClassFiling filing = toFiling(trainingClass);
        Institution institution = institutions.findById(trainingClass.institutionId()).orElseThrow();
        LocalDateTime now = EngineClock.now();
        long daysBeforeStart = ChronoUnit.DAYS.between(now.toLocalDate(), trainingClass.startDate());

        DmnDecisionResult result = decisionService.evaluateDecisionByKey(ClassFilingProcess.DECISION_FILING_RULES)
                .variables(Variables.createVariables()
                        .putValue("participants", trainingClass.plannedParticipants())
                        .putValue("daysBeforeStart", daysBeforeStart)
                        .putValue("partySchool", institution.isPartySchool())
                        .putValue("partyShare", filing.partyShare()))
                .evaluate();
        List<FilingFinding> findings = new ArrayList<>();
        for (Map<String, Object> row : result.getResultList()) {
            String finding = (String) row.get("finding");
            findings.add(new FilingFinding((String) row.get("ruleId"), finding,
                    Consequence.valueOf((String) row.get("consequence")),
                    row.get("message") + detail(finding, daysBeforeStart, filing.partyShare())));
        }
        classes.saveFindings(classId, trainingClass.revision(), findings, now);

        ClassFilingProcess.Outcome outcome = outcomeOf(findings);
        boolean late = findings.stream().anyMatch(f -> f.consequence() == Consequence.OVERRIDE);
        ClassStatus status = switch (outcome) {
            case RETURN -> ClassStatus.RETURNED;
            case REVIEW -> ClassStatus.UNDER_REVIEW;
            case RECORD -> ClassStatus.FILED;
        };
        classes.updateStatus(classId, status, now);
        classes.addHistory(classId, status, "RULES_CHECKED", "system", summary(findings), null, now);
        LocalDateTime due = now.plus(reviewPeriod);
        return new FilingCheck(outcome, late, daysBeforeStart, findings, due, due.minus(reminderBeforeDue));
    }

    /** A small class (R13: under 30) is recorded without approval. */
    @Transactional
    public void record(long classId) {
        LocalDateTime now = EngineClock.now();
        classes.updateStatus(classId, ClassStatus.RECORDED, now);
        classes.addHistory(classId, ClassStatus.RECORDED, "RECORDED", "system", "参训人数不足30人，已备案（R13）", null, now);
    }

    /**
     * Records the approver's decision. A decision that is not an approval needs a comment; approving a late
     * filing (R13) needs an explicit override reason, which is stored with the class.
     */
    @Transactional
    public void decide(long classId, ReviewDecision decision, String comment, String overrideReason, String approver) {
        TrainingClass trainingClass = find(classId);
        if (trainingClass.status() != ClassStatus.UNDER_REVIEW) {
            throw InvalidInputException.of("status", "该申报当前不在审批中（" + trainingClass.status().label() + "）");
        }
        if (decision == null) {
            throw InvalidInputException.of(Vars.REVIEW_DECISION, "请选择审批结论");
        }
        if (decision != ReviewDecision.APPROVE && isBlank(comment)) {
            throw InvalidInputException.of(Vars.REVIEW_COMMENT, decision.label() + "时须填写审批意见");
        }
        boolean late = classes.findings(classId, trainingClass.revision()).stream()
                .anyMatch(f -> f.consequence() == Consequence.OVERRIDE);
        String override = null;
        if (decision == ReviewDecision.APPROVE && late) {
            if (isBlank(overrideReason)) {
                throw InvalidInputException.rule("R13", Vars.OVERRIDE_REASON,
                        "30人及以上班次未在开班30天前申报，批准前须填写特批理由");
            }
            override = overrideReason.trim();
            classes.recordLateFilingOverride(classId, override);
        }
        ClassStatus status = switch (decision) {
            case APPROVE -> ClassStatus.APPROVED;
            case REJECT -> ClassStatus.REJECTED;
            case RETURN -> ClassStatus.RETURNED;
        };
        LocalDateTime now = EngineClock.now();
        classes.updateStatus(classId, status, now);
        classes.addHistory(classId, status, "REVIEW_" + decision.name(), approver, isBlank(comment) ? null : comment.trim(),
                override, now);
    }

    public TrainingClass find(long classId) {
        return classes.findById(classId).orElseThrow(() -> new NotFoundException("培训班不存在：" + classId));
    }

    /** A class with everything about its filing, for a user allowed to see it. */
    public ClassFilingView view(long classId) {
        requireVisible(currentUser.get(), find(classId));
        return dossier(classId);
    }

    /** The same view for a caller that checked the reader's right itself (the portal's class page). */
    public ClassFilingView dossier(long classId) {
        TrainingClass trainingClass = find(classId);
        return new ClassFilingView(trainingClass, classes.courses(classId),
                classes.findings(classId, trainingClass.revision()), classes.history(classId));
    }

    public List<TrainingClass> search(ClassStatus status, String text, int page, int size) {
        Actor actor = currentUser.get();
        Long institutionId = null;
        if (!actor.seesAllUnits()) {
            if (!actor.inGroup(Groups.INSTITUTION) || actor.institutionId() == null) {
                throw new AccessDeniedException("无权访问：只有组织部、审批人和培训机构可以查看班次");
            }
            institutionId = actor.institutionId();
        }
        return classes.search(institutionId, status, text, page * size, size);
    }

    /** The current filing data as form variables, to prefill the revision and review forms. */
    public Map<String, Object> formVariables(long classId) {
        TrainingClass c = find(classId);
        return ClassFilingVariables.toVariables(toFiling(c));
    }

    /** Markdown summary for the approver: class data, the rule findings and the decision trail. */
    public String reviewSummary(long classId) {
        TrainingClass trainingClass = find(classId);
        return FilingSummary.markdown(new ClassFilingView(trainingClass, classes.courses(classId),
                classes.findings(classId, trainingClass.revision()), classes.history(classId)));
    }

    private ClassFiling toFiling(TrainingClass c) {
        return new ClassFiling(c.institutionCode(), c.title(), c.classType(), c.topic(), c.startDate(), c.endDate(),
                c.offJob(), c.plannedParticipants(), c.dispatchMode(), c.totalHours(), classes.courses(c.id()));
    }

    private Institution institutionFor(Actor actor, String requestedCode) {
        if (actor.institutionId() != null && actor.inGroup(Groups.INSTITUTION)) {
            Institution own = institutions.findById(actor.institutionId()).orElseThrow();
            if (!isBlank(requestedCode) && !own.code().equalsIgnoreCase(requestedCode.trim())) {
                throw InvalidInputException.of(Vars.INSTITUTION_CODE, "只能以本机构（" + own.name() + "）名义申报");
            }
            return own;
        }
        if (!actor.inAnyGroup(Groups.ORG_DEPT, Groups.INSTITUTION)) {
            throw new AccessDeniedException("无权访问：只有培训机构可以申报办班");
        }
        if (isBlank(requestedCode)) {
            throw InvalidInputException.of(Vars.INSTITUTION_CODE, "请填写培训机构代码");
        }
        return institutions.findByCode(requestedCode.trim())
                .orElseThrow(() -> InvalidInputException.of(Vars.INSTITUTION_CODE, "未知的培训机构：" + requestedCode));
    }

    private static void requireVisible(Actor actor, TrainingClass trainingClass) {
        if (actor.seesAllUnits()) {
            return;
        }
        if (actor.inGroup(Groups.INSTITUTION) && actor.institutionId() != null
                && actor.institutionId() == trainingClass.institutionId()) {
            return;
        }
        throw new AccessDeniedException("无权访问：该班次不属于您的机构");
    }

    private static ClassFilingProcess.Outcome outcomeOf(List<FilingFinding> findings) {
        if (findings.stream().anyMatch(f -> f.consequence() == Consequence.RETURN)) {
            return ClassFilingProcess.Outcome.RETURN;
        }
        if (findings.stream().anyMatch(f -> f.consequence() == Consequence.REVIEW || f.consequence() == Consequence.OVERRIDE)) {
            return ClassFilingProcess.Outcome.REVIEW;
        }
        return ClassFilingProcess.Outcome.RECORD;
    }

    private static String detail(String finding, long daysBeforeStart, double partyShare) {
        return switch (finding) {
            case "LATE_FILING" -> "（本次申报距开班仅 " + daysBeforeStart + " 天）";
            case "PARTY_SHARE_TOO_LOW" -> "（本班为 " + Math.round(partyShare * 1000) / 10.0 + "%）";
            default -> "";
        };
    }

    private static String summary(List<FilingFinding> findings) {
        return String.join("；", findings.stream().map(f -> f.ruleId() + " " + f.message()).toList());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
