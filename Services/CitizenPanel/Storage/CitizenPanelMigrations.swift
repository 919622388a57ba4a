public import Storage

/// The citizen panel schema; members, surveys and responses arrive with the panel issue.
public enum CitizenPanelMigrations {
    public static let all: [Migration] = []
}
