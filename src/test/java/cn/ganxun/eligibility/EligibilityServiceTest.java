package cn.ganxun.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.CreditFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R31 (no "excellent" after a failed assessment or failed credits) and R33 (two passing credit years running). */
@GanxunTest
@AlsoOnPostgres
@Transactional
class EligibilityServiceTest {

    @Autowired EligibilityService eligibility;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired CreditFixtures credits;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long unit;
    long cadre;
    Actor org = new Actor("elig-org", List.of(Groups.ORG_DEPT), null, null, null);

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("资格测试局");
        cadre = fixtures.cadre(unit, Rank.COUNTY_DEPUTY);
    }

    @Test
    void r31_a_cadre_with_passed_credits_and_no_failed_assessment_can_be_rated_excellent() {
        credits.credits(cadre, 2025, 60);
        long passed = fixtures.trainingClass("评优", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), true);
        fixtures.enroll(passed, cadre, "COMPLETED", 40.0);
        completion.result(passed, cadre, "GOOD", true);

        Eligibility answer = eligibility.excellent(cadre, 2025, org);

        assertThat(answer.eligible()).isTrue();
        assertThat(answer.reasons()).containsExactly("R31：2025年无培训考核不合格记录",
                "R31：2025年度可用学分 60（本年 60 + 上年结转 0，须 60），达到年度要求（R23）");
    }

    @Test
    void r31_a_failed_training_assessment_in_the_year_rules_out_excellent() {
        credits.credits(cadre, 2025, 80);
        long failed = fixtures.trainingClass("评优", LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 28), true);
        fixtures.enroll(failed, cadre, "COMPLETED", 40.0);
        completion.result(failed, cadre, "FAIL", true);
        long otherYear = fixtures.trainingClass("评优", LocalDate.of(2024, 12, 28), LocalDate.of(2025, 1, 3), true);
        fixtures.enroll(otherYear, cadre, "INCOMPLETE", 10.0);
        completion.unconfirmedResult(otherYear, cadre, "FAIL", false); // not confirmed: does not count

        Eligibility in2025 = eligibility.excellent(cadre, 2025, org);

        assertThat(in2025.eligible()).isFalse();
        assertThat(in2025.reasons().get(0)).isEqualTo("R31：2025年培训考核不合格：「" + completion.classTitle(failed) + "」（"
                + fixtures.classNumber(failed) + "，2025-12-28 结业），不能评为年度考核优秀");
        assertThat(in2025.reasons().get(1)).contains("达到年度要求");
        assertThat(eligibility.excellent(cadre, 2024, org).reasons().get(0)).isEqualTo("R31：2024年无培训考核不合格记录");
    }

    @Test
    void r31_the_enrollment_grade_fail_counts_too_and_failed_credits_rule_out_excellent() {
        credits.credits(cadre, 2025, 59);
        long failed = fixtures.trainingClass("评优", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5), true);
        fixtures.enroll(failed, cadre, "COMPLETED", 40.0);
        // the grade as the confirmation writes it into the enrollment, without an assessment_result row
        jdbc.sql("UPDATE enrollment SET grade = 'FAIL' WHERE class_id = ? AND cadre_id = ?").params(failed, cadre).update();

        Eligibility answer = eligibility.excellent(cadre, 2025, org);

        assertThat(answer.eligible()).isFalse();
        assertThat(answer.reasons()).hasSize(2);
        assertThat(answer.reasons().get(0)).startsWith("R31：2025年培训考核不合格");
        assertThat(answer.reasons().get(1))
                .isEqualTo("R31：2025年度可用学分 59（本年 59 + 上年结转 0，须 60），未达到年度要求（R23），不能评为年度考核优秀");
    }

    @Test
    void r33_an_inspection_candidate_passed_the_credit_assessment_in_the_two_completed_years_before_the_date() {
        credits.credits(cadre, 2025, 100); // 40 carried into 2026
        credits.credits(cadre, 2026, 20);

        Eligibility may2027 = eligibility.inspectionCandidate(cadre, LocalDate.of(2027, 5, 1), org);

        assertThat(may2027.eligible()).isTrue();
        assertThat(may2027.reasons()).containsExactly(
                "R33：2025年度可用学分 100（本年 100 + 上年结转 0，须 60），达标",
                "R33：2026年度可用学分 60（本年 20 + 上年结转 40，须 60），达标",
                "R33：连续两年（2025、2026年度）学分考核达标，可列为考察对象");
        Eligibility jan2028 = eligibility.inspectionCandidate(cadre, LocalDate.of(2028, 1, 1), org);
        assertThat(jan2028.eligible()).isFalse(); // 2027 had nothing
        assertThat(jan2028.reasons()).contains("R33：2027年度可用学分 0（本年 0 + 上年结转 0，须 60），未达标",
                "R33：须连续两年（2026、2027年度）学分考核达标，不能列为考察对象");
    }

    @Test
    void r33_one_passing_year_is_not_enough() {
        credits.credits(cadre, 2026, 300);

        Eligibility answer = eligibility.inspectionCandidate(cadre, LocalDate.of(2027, 12, 31), org);

        assertThat(answer.eligible()).isFalse();
        assertThat(answer.reasons().get(0)).endsWith("，未达标").startsWith("R33：2025年度");
    }

    @Test
    void askers_are_the_org_department_managers_and_the_cadres_unit_hr() {
        Actor manager = new Actor("elig-manager", List.of(Groups.MANAGER), null, null, null);
        Actor ownHr = new Actor("elig-hr", List.of(Groups.UNIT_HR), unit, null, null);
        Actor otherHr = new Actor("elig-other-hr", List.of(Groups.UNIT_HR), fixtures.unit("别的资格局"), null, null);
        Actor trainee = new Actor("elig-trainee", List.of(Groups.TRAINEE), unit, null, cadre);

        assertThat(eligibility.excellent(cadre, 2025, manager).eligible()).isFalse();
        assertThat(eligibility.inspectionCandidate(cadre, null, ownHr).reasons()).hasSize(3);
        assertThatThrownBy(() -> eligibility.excellent(cadre, 2025, otherHr)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("无权访问：该干部不属于本单位");
        assertThatThrownBy(() -> eligibility.excellent(cadre, 2025, trainee)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> eligibility.excellent(-1, 2025, org)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> eligibility.excellent(cadre, null, org)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请提供年度考核的年度 year");
    }
}
