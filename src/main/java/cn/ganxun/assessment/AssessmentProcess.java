package cn.ganxun.assessment;

/** Key, element ids, variables, forms and decisions of process {@code assessment} (考核评价). */
public final class AssessmentProcess {

    public static final String KEY = "assessment";
    public static final String DECISION_RATER_WEIGHTS = "rater-weights";
    public static final String DECISION_GRADE_THRESHOLDS = "grade-thresholds";

    private AssessmentProcess() {
    }

    public static final class Elements {
        public static final String START_CLASS_ENDED = "StartEvent_ClassEnded";
        public static final String TASK_PREPARE_ASSESSMENT = "Task_PrepareAssessment";
        public static final String TASK_SCORE_BY_TEACHER = "Task_ScoreByClassTeacher";
        public static final String TASK_SCORE_BY_LECTURER = "Task_ScoreByLecturer";
        public static final String TASK_SCORE_BY_LIAISON = "Task_ScoreByLiaison";
        public static final String TASK_RATE_CLASSMATES = "Task_RateClassmatesAndEvaluateSelf";
        public static final String GATEWAY_JOIN_SCORING = "Gateway_JoinScoring";
        public static final String TASK_COMPUTE_RESULTS = "Task_ComputeResults";
        public static final String TASK_REVIEW_RESULTS = "Task_ReviewResults";
        public static final String TASK_CONFIRM_RESULTS = "Task_ConfirmResults";
        public static final String END_RESULTS_CONFIRMED = "EndEvent_ResultsConfirmed";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CLASS_ID = "classId";
        /** Multi-instance element variables. */
        public static final String LECTURER = "lecturer";
        public static final String LIAISON = "liaison";
        public static final String TRAINEE_ID = "traineeId";
        /** Task-local Markdown shown by the forms. */
        public static final String SCORE_SHEET_INFO = "scoreSheetInfo";
        public static final String RESULTS_TABLE = "resultsTable";
        /** Task-local inputs: one line per trainee, "干部编号，分，分，…" in the column order the form shows. */
        public static final String TEACHER_SCORES = "teacherScores";
        public static final String LECTURER_SCORES = "lecturerScores";
        public static final String LIAISON_SCORES = "liaisonScores";
        /** One line per classmate: "干部编号，分". */
        public static final String PEER_RATINGS = "peerRatings";
        public static final String SELF_KNOWLEDGE = "selfKnowledge";
        public static final String SELF_INSPIRATION = "selfInspiration";
        public static final String SELF_NEW_IDEAS = "selfNewIdeas";
        /** The organiser's review: decision (process scope, read by the gateway) and correction lines. */
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String CORRECTIONS = "corrections";
        /** Who completed the review last: the confirmation is recorded in their name. */
        public static final String REVIEWED_BY = "reviewedBy";

        private Vars() {
        }
    }

    public static final class Forms {
        public static final String TEACHER_SCORES = "assessment-teacher-scores";
        public static final String LECTURER_SCORES = "assessment-lecturer-scores";
        public static final String LIAISON_SCORES = "assessment-liaison-scores";
        public static final String PEER_RATING = "assessment-peer-rating";
        public static final String REVIEW = "assessment-review";

        private Forms() {
        }
    }

    /** The organiser's decision in the review task. */
    public enum ReviewDecision {
        CONFIRM, CORRECT
    }
}
