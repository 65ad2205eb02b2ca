package cn.ganxun.coverage;

/** Key, element ids, variables and forms of process {@code coverage-watch} (应训预警, R4–R8). */
public final class CoverageWatchProcess {

    public static final String KEY = "coverage-watch";

    private CoverageWatchProcess() {
    }

    public static final class Elements {
        public static final String START_WATCH_CYCLE_DUE = "StartEvent_WatchCycleDue";
        public static final String START_WATCH_REQUESTED = "StartEvent_WatchRequested";
        public static final String TASK_COMPUTE_LIGHTS = "Task_ComputeLights";
        public static final String TASK_WARN_UNIT = "Task_WarnUnit";
        public static final String END_UNITS_WARNED = "EndEvent_UnitsWarned";
        public static final String GATEWAY_ANY_RED = "Gateway_AnyRed";
        public static final String TASK_PROPOSE_MANDATES = "Task_ProposeMandates";
        public static final String TASK_FEED_PROPOSALS = "Task_FeedProposals";
        public static final String END_MANDATES_PROPOSED = "EndEvent_MandatesProposed";
        public static final String END_NO_RED_CADRES = "EndEvent_NoRedCadres";

        private Elements() {
        }
    }

    public static final class Messages {
        /** Starts a run outside the cycle; variables {@link Vars#AS_OF}, {@link Vars#SCOPE_UNIT_ID}, {@link Vars#INITIATOR}. */
        public static final String WATCH_REQUESTED = "Message_CoverageWatchRequested";

        private Messages() {
        }
    }

    public static final class Vars {
        /** Who asked for a run outside the cycle (absent on timer runs: the run is the system's). */
        public static final String INITIATOR = "initiator";
        /** Optional start inputs: the day the rolling five years end (yyyy-MM-dd; default today) and the unit tree. */
        public static final String AS_OF = "asOf";
        public static final String SCOPE_UNIT_ID = "scopeUnitId";
        public static final String RUN_ID = "runId";
        public static final String RED_COUNT = "redCount";
        /** The units with red or yellow cadres (JSON list of ids) and the warning multi-instance's element variable. */
        public static final String WARNED_UNIT_IDS = "warnedUnitIds";
        public static final String UNIT_ID = "unitId";
        /** Task-local Markdown of the proposal form: the red list (top N per unit) and the open classes. */
        public static final String FORM_INFO = "coverageInfo";
        /** The proposal form's text: one "干部编号，班次编号" per line. */
        public static final String PROPOSALS = "proposals";
        public static final String PROPOSAL_COUNT = "proposalCount";

        private Vars() {
        }
    }

    public static final class Forms {
        public static final String PROPOSALS = "coverage-proposals";

        private Forms() {
        }
    }
}
