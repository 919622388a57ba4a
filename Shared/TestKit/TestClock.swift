public import Foundation
import Synchronization
import WorkingDays

/// A clock the test moves by hand; services under test read `now` instead of `Date()`.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    /// A wall-clock time in Europe/Amsterdam.
    public static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 10) -> Date {
        WorkingDayCalendar().calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }
}
