package cn.ganxun.classdossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.ganxun.assessment.AssessmentResult;
import cn.ganxun.assessment.AssessmentService;
import cn.ganxun.attendance.ClassRegister;
import cn.ganxun.attendance.AttendanceService;
import cn.ganxun.attendance.ClassStaff;
import cn.ganxun.attendance.TeachingSession;
import cn.ganxun.certificates.CertificateService;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.ClassFilingView;
import cn.ganxun.classes.Course;
import cn.ganxun.classes.CourseCategory;
import cn.ganxun.classes.FilingFinding;
import cn.ganxun.classes.StatusChange;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.dispatch.NamedMandateService;
import cn.ganxun.dispatch.QuotaAllocation;
import cn.ganxun.dispatch.QuotaService;
import cn.ganxun.feedback.Delivery;
import cn.ganxun.feedback.FeedbackDeliveries;
import cn.ganxun.followup.FollowUp;
import cn.ganxun.followup.FollowUpEvaluation;
import cn.ganxun.followup.FollowUpService;
import cn.ganxun.followup.HalfYearReport;
import cn.ganxun.followup.HalfYearReportService;
import cn.ganxun.followup.LearningSummary;
import cn.ganxun.followup.Seminar;
import cn.ganxun.followup.UnitVisit;
import cn.ganxun.followup.UnitVisitService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * The class page's sections, each read through the service of the package that owns the data (classes, dispatch,
 * attendance, assessment, certificates, follow-up, feedback) after {@link ClassAccess} let the actor in. A unit HR or
 * unit leader gets only their unit's trainees in every trainee section; the others are left out and counted in
 * {@code hiddenTrainees}.
 */
@Service
class ClassDossierService {

    private final ClassQueries queries;
    private final ClassAccess access;
    private final ClassFilingService filings;
    private final ClassStaff staff;
    private final NamedMandateService mandates;
    private final QuotaService quotas;
    private final AttendanceService attendance;
    private final AssessmentService assessment;
    private final CertificateService certificates;
    private final FollowUpService followUps;
    private final UnitVisitService visits;
    private final HalfYearReportService halfYearReports;
    private final FeedbackDeliveries deliveries;

    ClassDossierService(ClassQueries queries, ClassAccess access, ClassFilingService filings, ClassStaff staff,
            NamedMandateService mandates, QuotaService quotas, AttendanceService attendance, AssessmentService assessment,
            CertificateService certificates, FollowUpService followUps, UnitVisitService visits,
            HalfYearReportService halfYearReports, FeedbackDeliveries deliveries) {
        this.queries = queries;
        this.access = access;
        this.filings = filings;
        this.staff = staff;
        this.mandates = mandates;
        this.quotas = quotas;
        this.attendance = attendance;
        this.assessment = assessment;
        this.certificates = certificates;
        this.followUps = followUps;
        this.visits = visits;
        this.halfYearReports = halfYearReports;
        this.deliveries = deliveries;
    }

    /** A class the actor may open, and the units whose trainees they see (empty = all trainees). */
    record Opened(ClassRow row, Optional<Set<Long>> traineeUnits) {

        String traineeView() {
            return traineeUnits.isEmpty() ? "ALL" : "OWN_UNIT";
        }
    }

    /** Role first (403), then existence (404), then whether this class is in the actor's scope (403). */
    Opened open(Actor actor, long classId) {
        ClassAccess.Scope scope = access.scope(actor);
        ClassRow row = queries.find(classId, EngineClock.today())
                .orElseThrow(() -> new NotFoundException("培训班不存在：" + classId));
        if (!scope.all() && !queries.visible(scope, classId)) {
            throw new AccessDeniedException("无权访问：该班次不属于本机构、本人任职、跟踪问效中或本单位学员参加的班次");
        }
        boolean wholeClass = (scope.institutionId() != null && scope.institutionId() == row.institutionId())
                || (scope.staffUserId() != null && queries.isStaff(classId, scope.staffUserId()))
                || (scope.followUps() && queries.hasFollowUp(classId));
        return new Opened(row, scope.traineeUnits(wholeClass));
    }

    // ---- filing ------------------------------------------------------------------------------------------------

    record HoursByCategory(String category, String label, BigDecimal hours, BigDecimal share) {
    }

    record Filing(long id, String classNumber, String title, String institution, String classType, String classTypeLabel,
            String topic, LocalDate startDate, LocalDate endDate, boolean offJob, int plannedParticipants,
            String dispatchMode, String dispatchModeLabel, String status, String statusLabel, int revision,
            String filedBy, LocalDateTime filedAt, String lateFilingOverride, BigDecimal totalHours, String stage,
            String stageLabel, long enrolled, String traineeView, List<Course> courses,
            List<HoursByCategory> hoursByCategory, List<FilingFinding> findings, List<StatusChange> history,
            Map<String, List<String>> staff) {
    }

    Filing filing(Actor actor, long classId) {
        Opened opened = open(actor, classId);
        ClassFilingView view = filings.dossier(classId);
        TrainingClass c = view.trainingClass();
        Map<CourseCategory, BigDecimal> hours = new EnumMap<>(CourseCategory.class);
        view.courses().forEach(course -> hours.merge(course.category(), course.hours(), BigDecimal::add));
        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<HoursByCategory> byCategory = hours.entrySet().stream().map(e -> new HoursByCategory(e.getKey().name(),
                e.getKey().label(), e.getValue(), total.signum() == 0 ? BigDecimal.ZERO
                        : e.getValue().divide(total, 3, RoundingMode.HALF_UP))).toList();
        return new Filing(c.id(), c.classNumber(), c.title(), c.institutionName(), c.classType().name(),
                c.classType().label(), c.topic(), c.startDate(), c.endDate(), c.offJob(), c.plannedParticipants(),
                c.dispatchMode().name(), c.dispatchMode().label(), c.status().name(), c.status().label(), c.revision(),
                c.filedBy(), c.filedAt(), c.lateFilingOverride(), total, opened.row().stage().name(),
                opened.row().stage().label(), opened.row().enrolled(), opened.traineeView(), view.courses(), byCategory,
                view.findings(), view.history(), staff.staff(classId));
    }

    // ---- roster ------------------------------------------------------------------------------------------------

    record Mandate(long id, long cadreId, String cadreNumber, String cadreName, long unitId, String unitName,
            String status, String statusLabel, boolean substituted, long originalCadreId, String substitutionReason,
            LocalDateTime deadline) {
    }

    record Roster(String traineeView, List<Mandate> mandates, List<QuotaAllocation> allocations,
            List<RosterEntry> trainees, int hiddenTrainees) {
    }

    private static final Map<String, String> MANDATE_LABELS = Map.of("NOTIFIED", "待单位确认", "SUBSTITUTION_REQUESTED",
            "申请替换", "CONFIRMED", "已确认", "WITHDRAWN", "已撤回");

    Roster roster(Actor actor, long classId) {
        Opened opened = open(actor, classId);
        Optional<Set<Long>> units = opened.traineeUnits();
        List<RosterEntry> all = queries.trainees(classId);
        List<RosterEntry> shown = visible(all, units, RosterEntry::unitId);
        List<Mandate> named = mandates.forClass(classId).stream()
                .filter(m -> units.map(ids -> ids.contains(m.unitId())).orElse(true))
                .map(m -> new Mandate(m.id(), m.cadreId(), m.cadreNumber(), m.cadreName(), m.unitId(), m.unitName(),
                        m.status(), MANDATE_LABELS.getOrDefault(m.status(), m.status()), m.substituted(),
                        m.originalCadreId(), m.substitutionReason(), m.deadline()))
                .toList();
        List<QuotaAllocation> allocations = quotas.forClass(classId).stream()
                .filter(a -> units.map(ids -> ids.contains(a.unitId())).orElse(true)).toList();
        return new Roster(opened.traineeView(), named, allocations, shown, all.size() - shown.size());
    }

    // ---- attendance --------------------------------------------------------------------------------------------

    record Attendance(String traineeView, List<TeachingSession> sessions, List<ClassRegister.Trainee> trainees,
            int hiddenTrainees) {
    }

    Attendance attendance(Actor actor, long classId) {
        Opened opened = open(actor, classId);
        Set<Long> shownIds = shownCadreIds(opened, classId);
        ClassRegister register = attendance.wholeRegister(classId);
        List<ClassRegister.Trainee> shown = register.trainees().stream()
                .filter(t -> shownIds == null || shownIds.contains(t.cadreId())).toList();
        return new Attendance(opened.traineeView(), register.sessions(), shown,
                register.trainees().size() - shown.size());
    }

    // ---- assessment and certificates ---------------------------------------------------------------------------

    record Result(long cadreId, String cadreNumber, String name, BigDecimal attendancePoints, BigDecimal teacherTotal,
            BigDecimal lecturerAverage, BigDecimal liaisonAverage, BigDecimal peerAverage, BigDecimal result,
            String grade, String gradeLabel, int rank, boolean completed, boolean excellentCandidate, boolean confirmed) {
    }

    /** A certificate without its verification code (that stays with the holder). */
    record CertificateRow(String certificateNumber, long cadreId, String cadreName, String status, String statusLabel,
            LocalDateTime issuedAt, LocalDateTime revokedAt, String revokeReason) {
    }

    record Assessment(String traineeView, List<Result> results, List<CertificateRow> certificates, int hiddenTrainees) {
    }

    Assessment assessment(Actor actor, long classId) {
        Opened opened = open(actor, classId);
        Set<Long> shownIds = shownCadreIds(opened, classId);
        List<AssessmentResult> all = assessment.results(classId);
        List<Result> results = all.stream().filter(r -> shownIds == null || shownIds.contains(r.cadreId()))
                .map(r -> new Result(r.cadreId(), r.cadreNumber(), r.name(), r.attendancePoints(), r.teacherTotal(),
                        r.lecturerAverage(), r.liaisonAverage(), r.peerAverage(), r.result(), r.grade().name(),
                        r.grade().label(), r.rank(), r.completed(), r.excellentCandidate(), r.confirmedBy() != null))
                .toList();
        List<CertificateRow> certs = certificates.forClass(classId).stream()
                .filter(c -> shownIds == null || shownIds.contains(c.cadreId()))
                .map(c -> new CertificateRow(c.certificateNumber(), c.cadreId(), c.cadreName(), c.status(),
                        "VALID".equals(c.status()) ? "有效" : "已撤销", c.issuedAt(), c.revokedAt(), c.revokeReason()))
                .toList();
        return new Assessment(opened.traineeView(), results, certs, all.size() - results.size());
    }

    // ---- follow-up and unit feedback ---------------------------------------------------------------------------

    record FollowUpSection(String traineeView, FollowUp followUp, List<Seminar> seminars, List<LearningSummary> summaries,
            List<UnitVisit> visits, List<HalfYearReport> reports, List<FollowUpEvaluation> evaluations,
            List<Delivery> deliveries, boolean deliveriesShown, int hiddenTrainees) {
    }

    FollowUpSection followUp(Actor actor, long classId) {
        Opened opened = open(actor, classId);
        Set<Long> shownIds = shownCadreIds(opened, classId);
        // R30: the delivery trail follows FeedbackDeliveries' own rule (org department, its head, managers; unit HR
        // for their unit tree); other roles see the follow-up without it.
        boolean deliveriesShown = actor.inAnyGroup(Groups.ORG_DEPT, Groups.ORG_DEPT_HEAD, Groups.MANAGER)
                || (actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null);
        List<Delivery> trail = deliveriesShown ? deliveries.list(actor, classId, null) : List.of();
        FollowUp followUp = followUps.ofClass(classId);
        if (followUp == null) {
            return new FollowUpSection(opened.traineeView(), null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    trail, deliveriesShown, 0);
        }
        List<LearningSummary> summaries = followUps.summaries(followUp.id());
        List<LearningSummary> shownSummaries = summaries.stream()
                .filter(s -> shownIds == null || shownIds.contains(s.cadreId())).toList();
        List<UnitVisit> shownVisits = visits.visits(followUp.id()).stream()
                .filter(v -> shownIds == null || shownIds.contains(v.cadreId())).toList();
        List<FollowUpEvaluation> evaluations = followUps.evaluations(followUp.id()).stream()
                .filter(e -> shownIds == null || shownIds.contains(e.cadreId())).toList();
        return new FollowUpSection(opened.traineeView(), followUp, followUps.seminars(followUp.id()), shownSummaries,
                shownVisits, halfYearReports.reports(followUp.id()), evaluations, trail, deliveriesShown,
                summaries.size() - shownSummaries.size());
    }

    /** The cadre ids the actor sees in this class (its trainees of their units), or null for every trainee. */
    private Set<Long> shownCadreIds(Opened opened, long classId) {
        if (opened.traineeUnits().isEmpty()) {
            return null;
        }
        Set<Long> units = opened.traineeUnits().get();
        return queries.trainees(classId).stream().filter(t -> units.contains(t.unitId())).map(RosterEntry::cadreId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static <T> List<T> visible(List<T> rows, Optional<Set<Long>> units, ToLongFunction<T> unitOf) {
        return units.map(ids -> rows.stream().filter(r -> ids.contains(unitOf.applyAsLong(r))).toList()).orElse(rows);
    }
}
