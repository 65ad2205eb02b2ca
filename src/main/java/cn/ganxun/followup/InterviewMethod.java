package cn.ganxun.followup;

/** How the follow-up team talked to people during a unit visit (R27). */
public enum InterviewMethod {
    INDIVIDUAL_TALK("个别谈话"),
    SEMINAR("座谈会"),
    QUESTIONNAIRE("问卷调查");

    private final String label;

    InterviewMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
