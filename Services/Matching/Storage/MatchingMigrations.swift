public import Storage

/// The matching schema; volunteers, carers and matches arrive with the matching issue.
public enum MatchingMigrations {
    public static let all: [Migration] = []
}
