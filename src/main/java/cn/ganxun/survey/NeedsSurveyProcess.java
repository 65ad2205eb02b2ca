package cn.ganxun.survey;

/** Key, element ids, variables and forms of process {@code needs-survey} (需求调研, R36–R38). */
public final class NeedsSurveyProcess {

    public static final String KEY = "needs-survey";
    /** Starts a survey's instance (a message start event: the process also has the schedule check's timer start). */
    public static final String MESSAGE_LAUNCHED = "Message_NeedsSurveyLaunched";

    private NeedsSurveyProcess() {
    }

    public static final class Elements {
        public static final String START_SURVEY_LAUNCHED = "StartEvent_SurveyLaunched";
        public static final String EVENT_SURVEY_OPENS = "Event_SurveyOpens";
        public static final String TASK_OPEN_SURVEY = "Task_OpenSurvey";
        public static final String SUB_PROCESS_UNIT_FOLLOW_UP = "SubProcess_UnitFollowUp";
        public static final String TASK_WATCH_RESPONSES = "Task_WatchResponses";
        public static final String GATEWAY_CHASE_REQUESTED = "Gateway_ChaseRequested";
        public static final String TASK_CHASE_NON_RESPONDENTS = "Task_ChaseNonRespondents";
        public static final String END_UNIT_FOLLOWED_UP = "EndEvent_UnitFollowedUp";
        public static final String BOUNDARY_SURVEY_CLOSES = "BoundaryEvent_SurveyCloses";
        public static final String EVENT_SURVEY_CLOSES = "Event_SurveyCloses";
        public static final String TASK_CLOSE_SURVEY = "Task_CloseSurvey";
        public static final String TASK_BUILD_REPORT = "Task_BuildReport";
        public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
        public static final String END_REPORT_ARCHIVED = "EndEvent_ReportArchived";
        /** R38: the daily check that launches the surveys of due half-year schedules. */
        public static final String START_SCHEDULE_CHECK = "StartEvent_ScheduleCheck";
        public static final String TASK_LAUNCH_SCHEDULED_SURVEYS = "Task_LaunchScheduledSurveys";
        public static final String END_SCHEDULED_SURVEYS_LAUNCHED = "EndEvent_ScheduledSurveysLaunched";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String SURVEY_ID = "surveyId";
        /** Timer dates (java.util.Date): the first day's start and the start of the day after the last. */
        public static final String OPENS_AT = "opensAt";
        public static final String CLOSES_AT = "closesAt";
        /** The target units (JSON list of unit ids) and the per-unit multi-instance's element variable. */
        public static final String UNIT_IDS = "unitIds";
        public static final String UNIT_ID = "unitId";
        /** The unit HR's candidate group ({@code unit-hr-<code>}), set per unit. */
        public static final String UNIT_HR_GROUP = "unitHrGroup";
        /** The unit HR's decision: CHASE or DONE; the chase recorded for it. */
        public static final String FOLLOW_UP_DECISION = "followUpDecision";
        public static final String CHASE_ID = "chaseId";
        /** Task-local Markdown shown by the forms. */
        public static final String FORM_INFO = "surveyInfo";
        public static final String REVIEW_REMARKS = "reviewRemarks";
        /** R38: how many surveys the schedule check launched (on the check's own short instance). */
        public static final String LAUNCHED_SURVEYS = "launchedSurveys";

        private Vars() {
        }
    }

    public static final class Forms {
        public static final String WATCH_RESPONSES = "needs-survey-responses";
        public static final String REVIEW_REPORT = "needs-survey-report";

        private Forms() {
        }
    }

    /** The unit HR's decision on 跟进本单位答卷: remind the cadres who have not answered, or stop following up. */
    public enum FollowUpDecision {
        CHASE, DONE
    }
}
