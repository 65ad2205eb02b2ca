package cn.ganxun.classes;

import java.time.format.DateTimeFormatter;

/** The Chinese summary of a filing that the approver reads in the review form and the e-mails quote. */
final class FilingSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FilingSummary() {
    }

    static String markdown(ClassFilingView view) {
        TrainingClass c = view.trainingClass();
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(c.title()).append("（").append(c.classNumber()).append("）\n\n");
        md.append("- 培训机构：").append(c.institutionName()).append('\n');
        md.append("- 班次类型：").append(c.classType().label()).append("；调训方式：").append(c.dispatchMode().label()).append('\n');
        md.append("- 培训时间：").append(c.startDate()).append(" 至 ").append(c.endDate())
                .append(c.offJob() ? "（脱产）" : "（不脱产）").append('\n');
        md.append("- 计划参训人数：").append(c.plannedParticipants()).append(" 人；总学时：")
                .append(c.totalHours().stripTrailingZeros().toPlainString()).append('\n');
        md.append("- 第 ").append(c.revision()).append(" 次申报，当前状态：").append(c.status().label()).append("\n\n");
        md.append("| 课程 | 类别 | 学时 |\n| --- | --- | ---: |\n");
        for (Course course : view.courses()) {
            md.append("| ").append(course.title().replace("|", "／")).append(" | ").append(course.category().label())
                    .append(" | ").append(course.hours().stripTrailingZeros().toPlainString()).append(" |\n");
        }
        md.append("\n**规则核验结果**\n\n");
        for (FilingFinding finding : view.findings()) {
            md.append("- ").append(marker(finding)).append(' ').append(finding.ruleId()).append("：")
                    .append(finding.message()).append('\n');
        }
        if (!view.history().isEmpty()) {
            md.append("\n**办理记录**\n\n");
            for (StatusChange change : view.history()) {
                md.append("- ").append(change.at().format(TIME)).append(' ').append(change.actor()).append(' ')
                        .append(change.status().label());
                if (change.remark() != null) {
                    md.append("：").append(change.remark());
                }
                if (change.overrideReason() != null) {
                    md.append("（特批理由：").append(change.overrideReason()).append("）");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String marker(FilingFinding finding) {
        return switch (finding.consequence()) {
            case RECORD, REVIEW -> "✔";
            case OVERRIDE -> "⚠";
            case RETURN -> "✘";
        };
    }
}
