package cn.ganxun.credits;

/**
 * A cadre's claim for reward credits (R22): kind and role (e.g. BOOK / CO_AUTHOR), the title of the work or award,
 * the credit year, and the evidence — where the unit can check it (publisher and ISBN, journal and issue, the award
 * certificate's number and issuer).
 */
public record NewRewardClaim(RewardKind kind, RewardRole role, String title, Integer year, String evidence) {
}
