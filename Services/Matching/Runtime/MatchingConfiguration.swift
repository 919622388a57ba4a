import Configuration
import Foundation
public import ServiceRuntime
public import WorkingDays

/// Matching's own settings, read once at start-up next to the common `ServiceSettings`.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `MATCHING_FAIL_AFTER_WORKING_DAYS` | `10` | working days a request may wait for a match before `matching.failed` (a crisis: at most 1) |
/// | `MATCHING_ANSWER_WORKING_DAYS` | `3` | working days a volunteer has to answer a proposal before it lapses and the next is asked |
/// | `MATCHING_BURDEN_THRESHOLD` | `7` | burden score (0-9) from which a carer is overburdened: flagged for outreach, respite first |
/// | `MATCHING_CERTIFICATE_VALIDITY_YEARS` | `3` | how old a VOG may be where one is required |
/// | `MATCHING_PUBLIC_URL` | `http://127.0.0.1:<port>` | the address volunteers reach the one-time answer page on |
/// | `MATCHING_SWEEP_INTERVAL` | `300` | seconds between runs of the sweep (lapse, fail, search again) |
/// | `BCRYPT_COST`, `AUTH_CACHE_SECONDS`, `TRUSTED_PROXIES` | `10`, `60`, (none) | as at the front desk |
/// | `CALENDAR_CLOSED_DAYS`, `CALENDAR_LIBERATION_DAY`, `CALENDAR_GOOD_FRIDAY_CLOSED` | as at the desk | the working-day calendar of the terms |
public struct MatchingConfiguration: Sendable {
    public var settings: MatchingSettings
    public var sweepInterval: Duration
    public var bcryptCost: UInt8
    public var authCacheSeconds: Int
    public var trustedProxies: Set<String>

    /// A setting that cannot be used; the service refuses to start.
    public enum Problem: Error, CustomStringConvertible {
        case range(String, ClosedRange<Int>)
        case calendar(CalendarSettingsProblem)
        case districts(String)

        public var description: String {
            switch self {
            case .range(let name, let range): "\(name): give a whole number from \(range.lowerBound) to \(range.upperBound)"
            case .calendar(let problem): problem.description
            case .districts(let detail): "Reference/districts.json cannot be read: \(detail)"
            }
        }
    }

    public init(settings service: ServiceSettings) throws(Problem) {
        let reader = service.reader
        func number(_ key: ConfigKey, _ name: String, default value: Int, _ range: ClosedRange<Int>) throws(Problem) -> Int {
            let number = reader.int(forKey: key, default: value)
            guard range.contains(number) else { throw .range(name, range) }
            return number
        }
        let calendar: WorkingDayCalendar
        do {
            calendar = try WorkingDayCalendar.fromSettings(
                closedDays: reader.string(forKey: "calendar.closed.days", default: ""),
                liberationDay: reader.string(forKey: "calendar.liberation.day", default: "every-year"),
                goodFridayClosed: reader.string(forKey: "calendar.good.friday.closed", default: "false")
            )
        } catch {
            throw .calendar(error)
        }
        let districts: DistrictMap
        do {
            districts = try DistrictMap.bundled()
        } catch {
            throw .districts("\(error)")
        }
        settings = MatchingSettings(
            districts: districts,
            calendar: calendar,
            failAfterWorkingDays: try number("matching.fail.after.working.days", "MATCHING_FAIL_AFTER_WORKING_DAYS", default: 10, 1...60),
            answerWorkingDays: try number("matching.answer.working.days", "MATCHING_ANSWER_WORKING_DAYS", default: 3, 1...20),
            burdenThreshold: try number("matching.burden.threshold", "MATCHING_BURDEN_THRESHOLD", default: 7, 1...9),
            scorer: MatchScorer(
                certificateValidityYears: try number("matching.certificate.validity.years", "MATCHING_CERTIFICATE_VALIDITY_YEARS", default: 3, 1...10)
            ),
            publicBaseURL: reader.string(forKey: "matching.public.url", default: "http://127.0.0.1:\(service.httpPort)")
        )
        let login = LoginSettings(settings: service)
        bcryptCost = login.bcryptCost
        authCacheSeconds = login.authCacheSeconds
        trustedProxies = login.trustedProxies
        sweepInterval = .seconds(try number("matching.sweep.interval", "MATCHING_SWEEP_INTERVAL", default: 300, 1...86_400))
    }
}
