import Contracts
public import Foundation
import Storage
import WorkingDays

extension MatchingService {
    /// Registers an informal carer; a burden at or above the threshold flags them for outreach
    /// (`matching.carer.overburdened`).
    public func registerCarer(_ input: CarerInput, by account: Coordinator) async throws -> CarerView {
        try account.requireCoordinator(to: "register informal carers")
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            let carer = try input.carer(id: UUID(), municipality: account.municipality, districts: settings.districts, today: today, now: now)
            try CarerRepository.insert(carer, in: tx)
            try PersonAccessLog.record(.register, by: account.username, municipality: account.municipality, carer: carer.id, at: now, in: tx)
            try flagIfOverburdened(carer, wasFlagged: false, at: now, in: tx)
            return CarerView(carer, threshold: settings.burdenThreshold)
        }
    }

    /// A new burden score after a follow-up conversation.
    public func updateBurden(of id: UUID, _ input: BurdenInput, by account: Coordinator) async throws -> CarerView {
        try account.requireCoordinator(to: "score informal carers")
        let now = clock()
        let threshold = settings.burdenThreshold
        return try await transaction { tx in
            guard var (carer, flagged) = try CarerRepository.find(id, municipality: account.municipality, forUpdate: true, in: tx) else {
                throw MatchingError.carerNotFound
            }
            guard (0...9).contains(input.burden) else { throw MatchingError.invalidBurden(field: "burden") }
            let hours = input.hoursPerWeek ?? carer.hoursPerWeek
            guard (0...168).contains(hours) else { throw MatchingError.invalidBurden(field: "hoursPerWeek") }
            carer.burden = input.burden
            carer.hoursPerWeek = hours
            try CarerRepository.updateBurden(of: id, burden: input.burden, hoursPerWeek: hours, in: tx)
            try PersonAccessLog.record(.update, by: account.username, municipality: account.municipality, carer: id, at: now, in: tx)
            if !carer.isOverburdened(threshold: threshold), flagged != nil {
                try CarerRepository.flag(id, at: nil, in: tx)
                flagged = nil
            }
            try flagIfOverburdened(carer, wasFlagged: flagged != nil, at: now, in: tx)
            return CarerView(carer, threshold: threshold)
        }
    }

    private func flagIfOverburdened(_ carer: InformalCarer, wasFlagged: Bool, at now: Date, in tx: Transaction) throws {
        guard carer.isOverburdened(threshold: settings.burdenThreshold), !wasFlagged else { return }
        try CarerRepository.flag(carer.id, at: now, in: tx)
        try emit(
            CarerOverburdened(
                carerId: carer.id,
                caredFor: carer.caredFor,
                burden: carer.burden,
                hoursPerWeek: carer.hoursPerWeek,
                district: carer.place.district
            ),
            correlation: carer.id,
            municipality: carer.municipality,
            in: tx
        )
    }

    /// The carers under high burden, heaviest first (each read logged).
    public func overburdenedCarers(by account: Coordinator) async throws -> [CarerView] {
        try account.requireCoordinator(to: "see informal carers")
        let now = clock()
        let threshold = settings.burdenThreshold
        return try await transaction { tx in
            try CarerRepository.overburdened(municipality: account.municipality, threshold: threshold, in: tx).map { carer in
                try PersonAccessLog.record(.list, by: account.username, municipality: account.municipality, carer: carer.id, at: now, in: tx)
                return CarerView(carer, threshold: threshold)
            }
        }
    }

    /// A carer's request for respite care (or other help): an overburdened carer's goes first.
    public func requestRespite(for carerID: UUID, _ input: RespiteInput, by account: Coordinator) async throws -> RequestView {
        try account.requireCoordinator(to: "ask for respite care")
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            guard let (carer, _) = try CarerRepository.find(carerID, municipality: account.municipality, in: tx) else {
                throw MatchingError.carerNotFound
            }
            guard let task = VolunteerTask(rawValue: input.task ?? VolunteerTask.respiteCare.rawValue) else {
                throw MatchingError.invalidParameter("task")
            }
            if let weeks = input.durationWeeks, !(1...104).contains(weeks) { throw MatchingError.invalidParameter("durationWeeks") }
            if let language = input.language, language.count != 2 || !language.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw MatchingError.invalidParameter("language")
            }
            let windows = try input.timeWindows.map { names throws(MatchingError) in try WeeklyAvailability(slots: names, field: "timeWindows") }
            let day = settings.calendar.day(of: now)
            let request = SupportRequest(
                municipality: account.municipality,
                origin: .carer,
                requestId: UUID(),
                subjectRef: carer.caredFor,
                carerId: carer.id,
                task: task,
                place: carer.place,
                district: carer.place.district,
                question: try FreeText.checked(input.question, field: "question"),
                timeWindows: windows ?? .always,
                durationWeeks: input.durationWeeks,
                language: input.language?.lowercased(),
                certificateRequired: false,
                urgency: .normal,
                carerOverburdened: carer.isOverburdened(threshold: settings.burdenThreshold),
                receivedAt: now,
                failOn: SupportRequest.failOn(
                    receivedOn: day,
                    urgency: .normal,
                    workingDays: settings.failAfterWorkingDays,
                    calendar: settings.calendar
                )
            )
            try PersonAccessLog.record(.read, by: account.username, municipality: account.municipality, carer: carer.id, at: now, in: tx)
            try receive(request, in: tx)
            guard let stored = try RequestRepository.find(request.id, in: tx) else { throw MatchingError.requestNotFound }
            return try view(of: stored, lastSearch: nil, in: tx)
        }
    }
}
