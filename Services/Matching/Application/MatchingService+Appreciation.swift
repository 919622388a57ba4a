import Contracts
public import Foundation
import Storage
import WorkingDays

extension MatchingService {
    /// The yearly carer appreciation round (mantelzorgwaardering) of the account's municipality:
    /// lists every registered carer once per year; running it again lists only carers added
    /// since, and `matching.carer-appreciation.listed` goes out only when someone was added.
    public func runAppreciation(year: Int, by account: Coordinator) async throws -> AppreciationRound {
        try account.requireCoordinator(to: "run the carer appreciation round")
        guard (2000...2100).contains(year), let nextYear = LocalDate(year: year + 1, month: 1, day: 1) else {
            throw MatchingError.invalidParameter("year")
        }
        let now = clock()
        let endOfYear =
            settings.calendar.calendar.date(
                from: DateComponents(year: nextYear.year, month: nextYear.month, day: nextYear.day)
            ) ?? now
        return try await transaction { tx in
            let (added, total) = try AppreciationRepository.list(
                year: year,
                municipality: account.municipality,
                endOfYear: endOfYear,
                at: now,
                in: tx
            )
            if added > 0 {
                try emit(
                    CarerAppreciationListed(year: year, listed: added, total: total),
                    correlation: UUID(),
                    municipality: account.municipality,
                    in: tx
                )
            }
            return AppreciationRound(year: year, listed: added, total: total)
        }
    }

    /// The year's list, each carer's read logged.
    public func appreciationList(year: Int, by account: Coordinator) async throws -> [AppreciationEntry] {
        try account.requireCoordinator(to: "read the carer appreciation list")
        let now = clock()
        return try await transaction { tx in
            let entries = try AppreciationRepository.entries(year: year, municipality: account.municipality, in: tx)
            for entry in entries {
                try PersonAccessLog.record(
                    .appreciationList,
                    by: account.username,
                    municipality: account.municipality,
                    carer: entry.carerId,
                    at: now,
                    in: tx
                )
            }
            return entries
        }
    }

    /// Open requests, matches, failures, time to match, matches by task and district, carers by
    /// burden: for the desk's monitoring (counts only, no persons).
    public func figures(by account: Coordinator) async throws -> MatchingFigures {
        try account.requireCoordinator(to: "read the figures")
        let code = account.municipality.rawValue
        return try await transaction { tx in
            let counts = try FiguresQuery.counts(municipality: account.municipality, in: tx)
            let burden = try CarerRepository.countsByBurden(municipality: account.municipality, in: tx)
            return MatchingFigures(
                municipality: code,
                openRequests: counts.byStatus["open"] ?? 0,
                matched: counts.byStatus["matched"] ?? 0,
                failed: counts.byStatus["failed"] ?? 0,
                ended: counts.byStatus["ended"] ?? 0,
                medianDaysToMatch: counts.medianDaysToMatch.map { ($0 * 10).rounded() / 10 },
                matchesByTaskAndDistrict: counts.matchesByTaskAndDistrict,
                carersByBurden: Dictionary(uniqueKeysWithValues: burden.map { (String($0.key), $0.value) })
            )
        }
    }
}
