public import Storage

/// The indication schema. Assessments, arrangements and decisions arrive with the
/// indication issue; the kit's outbox and inbox are created before these.
public enum IndicationMigrations {
    public static let all: [Migration] = []
}
