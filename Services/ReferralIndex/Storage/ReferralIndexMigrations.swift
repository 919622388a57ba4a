public import Storage

/// The referral index schema; signals and matches arrive with the referral-index issue.
public enum ReferralIndexMigrations {
    public static let all: [Migration] = []
}
