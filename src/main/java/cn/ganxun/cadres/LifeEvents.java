package cn.ganxun.cadres;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;

/**
 * R1 life events. Each one changes the cadre and adds a row to the cadre's history in one transaction:
 * a promotion sets the new rank (and post), a transfer the new unit (the training history stays with the cadre),
 * a retirement ends every training plan. Hires are recorded when the import creates a cadre.
 */
@Service
public class LifeEvents {

    /** An appointment may be recorded a little ahead of its effective date, not further. */
    static final int MAX_DAYS_AHEAD = 30;

    private final CadreRepository cadres;
    private final UnitRepository units;
    private final CadreAccess access;
    private final ApplicationEventPublisher publisher;

    LifeEvents(CadreRepository cadres, UnitRepository units, CadreAccess access, ApplicationEventPublisher publisher) {
        this.cadres = cadres;
        this.units = units;
        this.access = access;
        this.publisher = publisher;
    }

    @Transactional
    void record(long cadreId, LifeEventRequest request, Actor actor) {
        access.requireRegistrar(actor);
        Cadre cadre = cadres.findById(cadreId).orElseThrow(() -> new NotFoundException("干部不存在：" + cadreId));
        CadreEventKind kind = Labelled.parse(CadreEventKind.class, request.kind())
                .filter(k -> k != CadreEventKind.HIRE)
                .orElseThrow(() -> InvalidInputException.of("kind", "事件类型 kind 取值无效：" + request.kind()
                        + "（可登记晋升、调动、退休；入职在导入新干部时自动登记）"));
        if (!cadre.isActive()) {
            throw InvalidInputException.rule("R1", "kind", "干部" + cadre.profile().name() + "已退休，不能再登记变动");
        }
        requirePlausibleDate(cadre, request.effectiveOn());
        if (request.toRank() != null && kind != CadreEventKind.PROMOTION) {
            throw InvalidInputException.of("toRank", "只有晋升才填写新职级 toRank");
        }
        if (request.toUnitId() != null && kind != CadreEventKind.TRANSFER) {
            throw InvalidInputException.of("toUnitId", "只有调动才填写调入单位 toUnitId");
        }
        switch (kind) {
            case PROMOTION -> promote(cadre, request, actor);
            case TRANSFER -> transfer(cadre, request, actor);
            case RETIREMENT -> retire(cadre, request, actor);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Records a promotion for the appointment linkage (R1, R32): the same checks and effects as a PROMOTION through
     * {@link #record} — org department only, active cadre, higher rank, plausible date — with the new rank and post.
     */
    @Transactional
    public void recordPromotion(long cadreId, String toRank, String post, LocalDate effectiveOn, String note, Actor actor) {
        record(cadreId, new LifeEventRequest(CadreEventKind.PROMOTION.name(), effectiveOn, toRank, null, post, note), actor);
    }

    /** Stores the HIRE event of cadres the import has just created (R1: a new hire enters the training system). */
    void recordHires(List<Cadre> hired, String recordedBy, String note) {
        store(hired.stream().map(c -> new NewCadreEvent(c.id(), CadreEventKind.HIRE, c.profile().hiredOn(), null,
                c.profile().unitId(), null, c.profile().rank(), c.profile().post(), note, recordedBy)).toList());
    }

    private void promote(Cadre cadre, LifeEventRequest request, Actor actor) {
        Rank from = cadre.profile().rank();
        Rank to = Labelled.parse(Rank.class, request.toRank()).orElseThrow(() -> InvalidInputException.of("toRank",
                request.toRank() == null ? "晋升须填写新职级 toRank"
                        : "新职级 toRank 取值无效：" + request.toRank() + "（可选：" + Labelled.choices(Rank.class) + "）"));
        if (!to.isHigherThan(from)) {
            throw InvalidInputException.of("toRank", "晋升后职级 toRank（" + to.label() + "）须高于现职级（" + from.label() + "）");
        }
        String post = postOr(request, cadre);
        cadres.update(new Cadre(cadre.id(), cadre.profile().withRankAndPost(to, post), cadre.status()));
        store(List.of(new NewCadreEvent(cadre.id(), CadreEventKind.PROMOTION, request.effectiveOn(), null, null, from,
                to, post, request.note(), actor.userId())));
    }

    private void transfer(Cadre cadre, LifeEventRequest request, Actor actor) {
        if (request.toUnitId() == null) {
            throw InvalidInputException.of("toUnitId", "调动须填写调入单位 toUnitId");
        }
        Unit to = units.findById(request.toUnitId())
                .orElseThrow(() -> InvalidInputException.of("toUnitId", "调入单位 toUnitId 不存在：" + request.toUnitId()));
        long from = cadre.profile().unitId();
        if (to.id() == from) {
            throw InvalidInputException.of("toUnitId", "调入单位 toUnitId 须不同于现单位");
        }
        String post = postOr(request, cadre);
        cadres.update(new Cadre(cadre.id(), cadre.profile().withUnitAndPost(to.id(), post), cadre.status()));
        store(List.of(new NewCadreEvent(cadre.id(), CadreEventKind.TRANSFER, request.effectiveOn(), from, to.id(),
                null, null, post, request.note(), actor.userId())));
    }

    private void retire(Cadre cadre, LifeEventRequest request, Actor actor) {
        cadres.update(new Cadre(cadre.id(), cadre.profile(), CadreStatus.RETIRED));
        cadres.withdrawFromOpenClasses(cadre.id(), request.effectiveOn());
        store(List.of(new NewCadreEvent(cadre.id(), CadreEventKind.RETIREMENT, request.effectiveOn(),
                cadre.profile().unitId(), null, null, null, null, request.note(), actor.userId())));
    }

    private void requirePlausibleDate(Cadre cadre, LocalDate effectiveOn) {
        if (effectiveOn.isAfter(LocalDate.now().plusDays(MAX_DAYS_AHEAD))) {
            throw InvalidInputException.of("effectiveOn", "生效日期 effectiveOn 不能晚于今天" + MAX_DAYS_AHEAD + "天以上");
        }
        LocalDate earliest = cadres.lastEventDate(cadre.id()).orElse(cadre.profile().hiredOn());
        if (earliest != null && effectiveOn.isBefore(earliest)) {
            throw InvalidInputException.of("effectiveOn", "生效日期 effectiveOn 不能早于该干部上一次入职或变动的日期（"
                    + earliest.format(DateTimeFormatter.ISO_LOCAL_DATE) + "）");
        }
    }

    private static String postOr(LifeEventRequest request, Cadre cadre) {
        return request.post() == null || request.post().isBlank() ? cadre.profile().post() : request.post().strip();
    }

    private void store(List<NewCadreEvent> events) {
        cadres.insertEvents(events);
        events.forEach(e -> publisher.publishEvent(new CadreEventRecorded(e.cadreId(), e.kind(), e.effectiveOn())));
    }
}
