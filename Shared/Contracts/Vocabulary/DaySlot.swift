/// A part of a day of the week (dagdeel), `<weekday>-<morning|afternoon|evening>`, e.g.
/// `monday-morning`: how volunteers' availability and requests' time windows are written.
public enum DaySlot {
    public static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    public static let parts = ["morning", "afternoon", "evening"]

    /// Every slot of the week, Monday morning first.
    public static let all: [String] = weekdays.flatMap { day in parts.map { "\(day)-\($0)" } }

    /// Throws unless `slots` are at most the week's 21 slots, each written as above.
    public static func check(_ slots: [String], field: String) throws(ContractViolation) {
        guard slots.count <= all.count else { throw ContractViolation(field: field, problem: "at most \(all.count) slots") }
        for slot in slots where !all.contains(slot) {
            throw ContractViolation(field: field, problem: "'\(slot.prefix(30))' is not <weekday>-<morning|afternoon|evening>")
        }
    }
}
