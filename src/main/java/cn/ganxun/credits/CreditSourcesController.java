package cn.ganxun.credits;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Credit sources beyond classes (R22) and the units' credit figures (R23). */
@RestController
@RequestMapping("/api/credits")
@Tag(name = "学分来源与考核", description = "网络课程、学历教育、奖励学分（R22）；单位学分考核与先进评选限制（R23）")
class CreditSourcesController {

    private final OnlineCourses onlineCourses;
    private final DegreeStudies degreeStudies;
    private final RewardClaims rewardClaims;
    private final CreditStandings standings;
    private final CreditAccess access;
    private final CurrentUser currentUser;

    CreditSourcesController(OnlineCourses onlineCourses, DegreeStudies degreeStudies, RewardClaims rewardClaims,
            CreditStandings standings, CreditAccess access, CurrentUser currentUser) {
        this.onlineCourses = onlineCourses;
        this.degreeStudies = degreeStudies;
        this.rewardClaims = rewardClaims;
        this.standings = standings;
        this.access = access;
        this.currentUser = currentUser;
    }

    @PostMapping("/online-courses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记网络课程学分", description = "每条：cadreNumber、courseCode、courseTitle、credits（5–20）、passedOn"
            + "（不晚于今天）。全部通过才登记，否则 400 并列出每条问题。组织部干教科，或干部所在单位组织人事部门")
    List<CreditEntry> recordOnlineCourses(@RequestBody(required = false) List<OnlineCoursePass> courses) {
        return onlineCourses.record(courses, currentUser.get());
    }

    @PostMapping(path = "/online-courses/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入网络课程学分（CSV）", description = "UTF-8 编码，第1行为表头：" + OnlineCourses.HEADER
            + "。全部行通过才导入，否则 400 并按行号列出每个问题（未知干部、学分不在5–20之间、课程重复、日期晚于今天）")
    List<CreditEntry> importOnlineCourses(@Parameter(description = "CSV 文件") @RequestParam(name = "file", required = false)
            MultipartFile file) throws IOException {
        return onlineCourses.importCsv(file == null ? null : file.getBytes(), currentUser.get());
    }

    record NewDegreeStudy(Long cadreId, DegreeLevel level, String programme, Integer startYear) {
    }

    @PostMapping("/degree-studies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记学历教育", description = "level：PHD、MASTER、BACHELOR；从入学年度到今年每年 5 学分（每名干部每年一次）")
    DegreeStudy registerDegreeStudy(@RequestBody(required = false) NewDegreeStudy study) {
        Actor actor = currentUser.get();
        access.requireRecorder(actor);
        if (study == null || study.cadreId() == null) {
            throw InvalidInputException.of("cadreId", "请提供干部 cadreId、学历层次 level、院校专业 programme 和入学年度 startYear");
        }
        return degreeStudies.register(study.cadreId(), study.level(), study.programme(), study.startYear(), actor);
    }

    record Award(LocalDate awardedOn) {
    }

    @PostMapping("/degree-studies/{id}/award")
    @Operation(summary = "登记授予学位", description = "补记至授予年度的在读学分，并一次性加分：博士 7、硕士 6、学士 5")
    DegreeStudy award(@PathVariable long id, @RequestBody(required = false) Award award) {
        return degreeStudies.award(id, award == null ? null : award.awardedOn(), currentUser.get());
    }

    @PostMapping("/degree-studies/study-years")
    @Operation(summary = "登记年度在读学分", description = "为该年度在读的每项学历教育登记 5 学分（幂等）。仅组织部干教科")
    Map<String, Integer> postStudyYears(@RequestParam(required = false) Integer year) {
        return Map.of("posted", degreeStudies.postStudyYears(year, currentUser.get()));
    }

    @PostMapping("/reward-claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请奖励学分", description = "干部本人（绑定干部的学员账号）：kind（BOOK、ARTICLE、AWARD）、role（SOLE、CO_AUTHOR、"
            + "CONTRIBUTOR、FIRST、SECOND、THIRD、MERIT）、title、year、evidence（证明材料，必填）。由所在单位组织人事部门在任务列表审核")
    RewardClaim claim(@RequestBody(required = false) NewRewardClaim claim) {
        return rewardClaims.claim(claim, currentUser.get());
    }

    @GetMapping("/units")
    @Operation(summary = "单位学分考核情况（R23）", description = "每个单位的在职干部数、年度学分未达标人数和比例；三分之一及以上未达标的单位"
            + "不能评为先进（cannotBeAdvanced）。组织部门、领导看全部单位，单位组织人事部门看本单位及下级单位")
    List<UnitCreditStanding> units(@RequestParam(required = false) Integer year) {
        Set<Long> visible = access.visibleUnits(currentUser.get());
        if (year == null) {
            throw InvalidInputException.of("year", "请提供年度 year，如 2027");
        }
        return standings.units(year, visible);
    }
}
