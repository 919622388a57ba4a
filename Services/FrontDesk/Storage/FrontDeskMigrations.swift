public import Storage

/// The front desk's schema: persons live here and only here.
public enum FrontDeskMigrations {
    public static let all: [Migration] = []
}
