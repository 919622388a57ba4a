public import WorkingDays

extension LocalDate {
    /// Parses a date a staff member typed (see `init(typed:)`).
    /// - Throws: `FrontDeskError.invalidDate(field:label:)` for anything else or an impossible date.
    public static func parse(_ text: String, field: String, label: String) throws(FrontDeskError) -> LocalDate {
        guard let date = LocalDate(typed: text) else { throw .invalidDate(field: field, label: label) }
        return date
    }
}
