package cn.ganxun.classdossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.classes.ClassType;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;

/** The portal's class list and its "classes by stage" figure, both limited to what the actor may see. */
@Service
public class ClassListService {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;

    /** Sortable fields of the list and their ORDER BY expressions over the row select. */
    private static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("classNumber", "class_number");
        SORTS.put("title", "title");
        SORTS.put("institution", "institution_name");
        SORTS.put("startDate", "start_date");
        SORTS.put("endDate", "end_date");
        SORTS.put("plannedParticipants", "planned_participants");
        SORTS.put("enrolled", "enrolled");
        SORTS.put("stage", ClassStage.ORDER_SQL);
    }

    private final ClassQueries queries;
    private final ClassAccess access;
    private final UnitRepository units;
    private final HistoryService historyService;
    private final AsApplication asApplication;

    ClassListService(ClassQueries queries, ClassAccess access, UnitRepository units, HistoryService historyService,
            AsApplication asApplication) {
        this.queries = queries;
        this.access = access;
        this.units = units;
        this.historyService = historyService;
        this.asApplication = asApplication;
    }

    /** The raw filter values of a request (strings, checked here with Chinese messages). */
    public record Request(String year, String institutionId, String unitId, String q) {
    }

    public record StageCount(String stage, String label, long count) {
    }

    record Page(List<ClassListItem> items, int page, int size, long total) {
    }

    public List<StageCount> stages(Actor actor, Request request) {
        ClassAccess.Scope scope = access.scope(actor);
        ClassQueries.Filter filter = filter(scope, request);
        return queries.stageCounts(scope, filter, EngineClock.today()).entrySet().stream()
                .map(e -> new StageCount(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
    }

    Page list(Actor actor, Request request, String stage, String page, String size, String sort) {
        ClassAccess.Scope scope = access.scope(actor);
        ClassQueries.Filter filter = filter(scope, request);
        ClassStage stageFilter = blank(stage) ? null : ClassStage.parse(stage.trim());
        int pageNo = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String orderBy = orderBy(sort);
        List<ClassRow> rows = queries.page(scope, filter, stageFilter, orderBy, pageNo, pageSize, EngineClock.today());
        Map<String, String> lifecycles = lifecycleInstances(rows);
        List<ClassListItem> items = rows.stream().map(r -> new ClassListItem(r.id(), r.classNumber(), r.title(),
                r.institutionId(), r.institutionName(), r.classType(), ClassType.valueOf(r.classType()).label(),
                r.startDate(), r.endDate(), r.plannedParticipants(), r.enrolled(), r.stage().name(), r.stage().label(),
                lifecycles.getOrDefault(r.classNumber(), r.filingProcessInstanceId()))).toList();
        return new Page(items, pageNo, pageSize, queries.count(scope, filter, stageFilter, EngineClock.today()));
    }

    /** The training-class instance of each listed class (latest by start), in one history query. */
    private Map<String, String> lifecycleInstances(List<ClassRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String[] numbers = rows.stream().map(ClassRow::classNumber).toArray(String[]::new);
        Map<String, String> ids = new java.util.HashMap<>();
        asApplication.call(() -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TrainingClassProcess.KEY).processInstanceBusinessKeyIn(numbers)
                .orderByProcessInstanceStartTime().asc().list())
                .forEach((HistoricProcessInstance pi) -> ids.put(pi.getBusinessKey(), pi.getId()));
        return ids;
    }

    private ClassQueries.Filter filter(ClassAccess.Scope scope, Request request) {
        Integer year = blank(request.year()) ? null : number("year", request.year(), 0, 1949, 2100);
        Long institutionId = blank(request.institutionId()) ? null : id("institutionId", request.institutionId());
        if (institutionId != null) {
            access.requireInstitutionFilter(scope, institutionId);
        }
        Set<Long> unitIds = null;
        if (!blank(request.unitId())) {
            long unitId = id("unitId", request.unitId());
            access.requireUnitFilter(scope, unitId);
            if (units.findById(unitId).isEmpty()) {
                throw InvalidInputException.of("unitId", "单位不存在：" + unitId);
            }
            unitIds = units.withSubUnits(unitId);
        }
        String text = blank(request.q()) ? null : request.q().trim();
        if (text != null && text.length() > 100) {
            throw InvalidInputException.of("q", "搜索词不能超过100个字符");
        }
        return new ClassQueries.Filter(year, institutionId, unitIds, text);
    }

    private static String orderBy(String sort) {
        if (blank(sort)) {
            return "start_date DESC";
        }
        String value = sort.trim();
        boolean descending = value.startsWith("-");
        String expression = SORTS.get(descending ? value.substring(1) : value);
        if (expression == null) {
            throw InvalidInputException.of("sort", "排序字段只能是 " + String.join("、", SORTS.keySet())
                    + "（降序加前缀 -）：" + sort);
        }
        return expression + (descending ? " DESC" : " ASC");
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw InvalidInputException.of(field, field + " 须在 " + min + " 到 " + max + " 之间：" + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, field + " 须为整数：" + value);
        }
    }

    private static long id(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, field + " 须为编号（整数）：" + value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
