package cn.ganxun.credits;

/** Key, element ids, variables and forms of process {@code credit-claim} (奖励学分申请, R22). */
public final class CreditClaimProcess {

    public static final String KEY = "credit-claim";
    public static final String DECISION_REWARD_CREDITS = "reward-credits";

    private CreditClaimProcess() {
    }

    public static final class Elements {
        public static final String START_REWARD_CLAIMED = "StartEvent_RewardClaimed";
        public static final String TASK_DETERMINE_REWARD_CREDITS = "Task_DetermineRewardCredits";
        public static final String TASK_SAVE_REWARD_CLAIM = "Task_SaveRewardClaim";
        public static final String TASK_REVIEW_REWARD_CLAIM = "Task_ReviewRewardClaim";
        public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
        public static final String TASK_REMIND_REVIEWERS = "Task_RemindReviewers";
        public static final String END_REVIEWERS_REMINDED = "EndEvent_ReviewersReminded";
        public static final String GATEWAY_CLAIM_APPROVED = "Gateway_ClaimApproved";
        public static final String TASK_POST_REWARD_CREDITS = "Task_PostRewardCredits";
        public static final String END_REWARD_CREDITS_POSTED = "EndEvent_RewardCreditsPosted";
        public static final String END_CLAIM_REFUSED = "EndEvent_ClaimRefused";

        private Elements() {
        }
    }

    public static final class Vars {
        /** Start: the claim as submitted (the DMN reads kind and role; the save step stores them). */
        public static final String CADRE_ID = "cadreId";
        public static final String REWARD_KIND = "rewardKind";
        public static final String REWARD_ROLE = "rewardRole";
        public static final String REWARD_TITLE = "rewardTitle";
        public static final String CREDIT_YEAR = "creditYear";
        public static final String EVIDENCE = "evidence";
        /** Result of {@code reward-credits.dmn}: the credits, or null when the table has no row for the combination. */
        public static final String REWARD_CREDITS = "rewardCredits";
        /** Set by the save step. */
        public static final String CLAIM_ID = "claimId";
        public static final String UNIT_HR_GROUP = "unitHrGroup";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        /** Task-local Markdown shown by the review form. */
        public static final String CLAIM_INFO = "claimInfo";
        /** The review form's fields: APPROVE or REFUSE, and the reason (required when refusing). */
        public static final String CLAIM_DECISION = "claimDecision";
        public static final String CLAIM_DECISION_REASON = "claimDecisionReason";
        /** Gateway flag. */
        public static final String CLAIM_APPROVED = "claimApproved";

        private Vars() {
        }
    }

    public static final class Forms {
        public static final String REVIEW = "credit-claim-review";

        private Forms() {
        }
    }

    /** The unit HR's decision on a claim. */
    public enum Decision { APPROVE, REFUSE }
}
