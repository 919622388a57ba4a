public import Contracts
public import Foundation
import Synchronization
public import WorkingDays

/// The volunteers as ranking needs them, in the service's memory (issue 14: 100,000 volunteers,
/// ≥ 500 requests/s): per municipality and task the few values `MatchScorer` decides on, kept up
/// to date from the volunteers' changes (`VolunteerChanges`). For a request it hands back the best
/// `limit` eligible volunteers by the scorer's own rules and order; the service then reads those
/// fresh from the database and lets `MatchScorer` rank them, so the proposal and its score parts
/// are the scorer's. `ShortlistTests` holds the index to the scorer over random volunteers.
public final class CandidateIndex: Sendable {
    /// One volunteer, compact.
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        public var municipality: MunicipalityCode
        public var tasks: Set<VolunteerTask>
        public var availability: UInt32
        public var place: DistrictMap.Place
        public var maxDistanceKm: Int
        public var languages: Set<String>
        /// The days (`LocalDate.dayNumber`) the VOG counts as valid; `nil`: none issued.
        public var certificateDays: ClosedRange<Int>?
        public var maxMatches: Int
        public var load: Int
        /// Paused on these days.
        public var pauses: [ClosedRange<Int>]
        public var isActive: Bool
        /// The transaction that last changed the row (`change_txid`).
        public var changedBy: UInt64

        public init(_ candidate: MatchScorer.Candidate, validityYears: Int, changedBy: UInt64 = 0) {
            self.changedBy = changedBy
            let volunteer = candidate.volunteer
            id = volunteer.id
            municipality = volunteer.municipality
            tasks = volunteer.tasks
            availability = volunteer.availability.mask
            place = volunteer.place
            maxDistanceKm = volunteer.maxDistanceKm
            languages = volunteer.languages
            if volunteer.certificate.status == .issued, let issued = volunteer.certificate.issuedOn {
                certificateDays = issued.dayNumber...(issued.dayNumber + validityYears * 365 + validityYears / 4)
            }
            maxMatches = volunteer.maxMatches
            load = candidate.load
            // A stored pause that ends before it starts covers no day (as `Pause.covers` says).
            pauses = volunteer.pauses.compactMap { $0.from <= $0.until ? $0.from.dayNumber...$0.until.dayNumber : nil }
            isActive = volunteer.isActive
        }
    }

    /// What the ranking loop reads of an entry, without references (nothing to retain), kept in
    /// one array per municipality and task so that a request reads them one after the other
    /// (scattered over all volunteers, every read would miss the cache): most volunteers are
    /// decided on these alone.
    struct Hot: Sendable {
        var availability: UInt32
        var load: Int32
        var maxMatches: Int32
        var maxDistanceKm: Int32
        /// The place's number in `State.places`.
        var place: Int32
        var certificateFrom: Int32
        var certificateUntil: Int32
        var isActive: Bool
        var hasPauses: Bool
        /// The id's bytes as two numbers, for `MatchScorer`'s tie order (`uuidString`).
        var idHigh: UInt64
        var idLow: UInt64
        /// Where the whole entry is (`State.entries`).
        var slot: Int32

        init(_ entry: Entry, place: Int, slot: Int) {
            self.slot = Int32(clamping: slot)
            availability = entry.availability
            load = Int32(clamping: entry.load)
            maxMatches = Int32(clamping: entry.maxMatches)
            maxDistanceKm = Int32(clamping: entry.maxDistanceKm)
            self.place = Int32(clamping: place)
            certificateFrom = Int32(clamping: entry.certificateDays?.lowerBound ?? Int(Int32.max))
            certificateUntil = Int32(clamping: entry.certificateDays?.upperBound ?? Int(Int32.min))
            isActive = entry.isActive
            hasPauses = !entry.pauses.isEmpty
            let bytes = entry.id.uuid
            idHigh = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7].reduce(0) { $0 << 8 | UInt64($1) }
            idLow = [bytes.8, bytes.9, bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15].reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    /// A municipality and a task: one list of `Hot` entries.
    struct TaskKey: Hashable, Sendable {
        var municipality: MunicipalityCode
        var task: VolunteerTask
    }

    /// The entries, and per municipality and task their hot fields.
    struct State: Sendable {
        var entries: [Entry] = []
        var lists: [TaskKey: [Hot]] = [:]
        /// Per entry, where its hot fields are: the list and the position in it.
        var locations: [[(key: TaskKey, index: Int)]] = []
        var places: [DistrictMap.Place] = []
        var placeNumbers: [DistrictMap.Place: Int] = [:]
        var slots: [UUID: Int] = [:]
        var horizon: UInt64 = 0
        var isLoaded = false
        /// Open matches counted ahead of the database (`reserve`), by the transaction that made
        /// them: on top of the committed row until that transaction's row is read or it ended.
        var reservations: [UUID: (transaction: UInt64, count: Int)] = [:]

        /// Sets the open matches of the entry in `slot`, in its hot fields too.
        mutating func setLoad(_ load: Int, slot: Int) {
            entries[slot].load = load
            for location in locations[slot] { lists[location.key]![location.index].load = Int32(clamping: load) }
        }

        /// Puts the hot fields of the entry in `slot` into the lists of its tasks.
        mutating func place(_ hot: Hot, of entry: Entry, slot: Int) {
            for task in entry.tasks.sorted(by: { $0.rawValue < $1.rawValue }) {
                let key = TaskKey(municipality: entry.municipality, task: task)
                lists[key, default: []].append(hot)
                locations[slot].append((key, lists[key]!.count - 1))
            }
        }

        /// Takes the hot fields of the entry in `slot` out of its lists (the last of a list moves
        /// into the gap).
        mutating func unplace(slot: Int) {
            for location in locations[slot] {
                let last = lists[location.key]!.removeLast()
                guard Int(last.slot) != slot else { continue }
                lists[location.key]![location.index] = last
                let moved = Int(last.slot)
                for (position, other) in locations[moved].enumerated() where other.key == location.key {
                    locations[moved][position].index = location.index
                }
            }
            locations[slot] = []
        }
    }

    public let validityYears: Int
    private let state = Mutex(State())
    private let refreshLock = Mutex(())

    public init(validityYears: Int) {
        self.validityYears = validityYears
    }

    /// Below this transaction id every change has been taken in (`VolunteerChanges`).
    public var horizon: UInt64 { state.withLock { $0.horizon } }

    /// The volunteers counted ahead by a transaction other than `own`: to be read again, so that
    /// the reservation goes once that transaction has ended.
    public func reserved(seenFrom own: UInt64?) -> [UUID] {
        state.withLock { state in state.reservations.filter { $0.value.transaction != own }.map(\.key) }
    }

    /// Counts a new open match for `volunteer`, made by transaction `transaction` (not committed
    /// yet), so that the next request sees it; it stays on top of the committed row until a
    /// refresh reads the row that transaction wrote, or sees it ended (committed or rolled back).
    public func reserve(_ volunteer: UUID, by transaction: UInt64) {
        state.withLock { state in
            guard let slot = state.slots[volunteer] else { return }
            let count = (state.reservations[volunteer]?.transaction == transaction ? state.reservations[volunteer]!.count : 0) + 1
            state.reservations[volunteer] = (transaction, count)
            state.setLoad(state.entries[slot].load + 1, slot: slot)
        }
    }

    /// Serialises refreshes: a slower one applying an older read after a newer one would put a
    /// volunteer back as they were, below the horizon, for good.
    public func refreshing<T>(_ body: () throws -> T) rethrows -> T {
        try refreshLock.withLock { _ in try body() }
    }

    /// Takes in `entries` (new or changed volunteers, as committed) and sets the horizon to `horizon`
    /// (refreshes are serialised: `refreshing`).
    public func apply(_ entries: [Entry], horizon: UInt64) {
        state.withLock { state in
            for var entry in entries {
                // A reservation stays while its transaction runs and its row is not the one read.
                if let reservation = state.reservations[entry.id] {
                    if entry.changedBy >= reservation.transaction || reservation.transaction < horizon {
                        state.reservations[entry.id] = nil
                    } else {
                        entry.load += reservation.count
                    }
                }
                let place: Int
                if let known = state.placeNumbers[entry.place] {
                    place = known
                } else {
                    place = state.places.count
                    state.places.append(entry.place)
                    state.placeNumbers[entry.place] = place
                }
                if let slot = state.slots[entry.id] {
                    let old = state.entries[slot]
                    state.entries[slot] = entry
                    let hot = Hot(entry, place: place, slot: slot)
                    if old.tasks == entry.tasks, old.municipality == entry.municipality {
                        for location in state.locations[slot] { state.lists[location.key]![location.index] = hot }
                    } else {
                        state.unplace(slot: slot)
                        state.place(hot, of: entry, slot: slot)
                    }
                } else {
                    let slot = state.entries.count
                    state.entries.append(entry)
                    state.locations.append([])
                    state.slots[entry.id] = slot
                    state.place(Hot(entry, place: place, slot: slot), of: entry, slot: slot)
                }
            }
            state.horizon = horizon
            state.isLoaded = true
        }
    }

    /// The best `limit` eligible volunteers for `request` on `day`, by `MatchScorer`'s rules and
    /// order (score, then lighter load, then id), without those in `declined`.
    public func shortlist(for request: SupportRequest, on day: LocalDate, declined: Set<UUID>, limit: Int) -> [UUID] {
        let weights = ScoreParts.weights
        let today = day.dayNumber
        let needed = min(request.timeWindows.slotCount, 3)
        let window = request.timeWindows.mask
        return state.withLock { state -> [UUID] in
            guard let list = state.lists[TaskKey(municipality: request.municipality, task: request.task)] else { return [] }
            // A volunteer's place is their district's centre: one distance per place, not per volunteer.
            let kilometres: [Double] = request.place.map { place in state.places.map { $0.kilometres(to: place) } } ?? []
            // The best `limit` so far, best first: most volunteers lose to the last one on the
            // score alone, so few are ever placed.
            var best: [Ranked] = []
            best.reserveCapacity(limit + 1)
            let distanceWeight = Double(weights.distance)
            list.withUnsafeBufferPointer { hot in
                for volunteer in hot {
                    let slot = Int(volunteer.slot)
                    guard volunteer.isActive, volunteer.load < volunteer.maxMatches else { continue }
                    if volunteer.hasPauses, state.entries[slot].pauses.contains(where: { $0.contains(today) }) { continue }
                    if request.certificateRequired, !(volunteer.certificateFrom <= today && today <= volunteer.certificateUntil) { continue }
                    let overlap = (volunteer.availability & window).nonzeroBitCount
                    guard overlap > 0 else { continue }
                    let maxDistance = Int(volunteer.maxDistanceKm)
                    var distance = 0
                    if !kilometres.isEmpty {
                        let km = kilometres[Int(volunteer.place)]
                        guard km <= Double(maxDistance) else { continue }
                        distance = Int((distanceWeight * (1 - km / Double(max(maxDistance, 1)))).rounded())
                    }
                    let availability = weights.availability * min(overlap, needed) / needed
                    var language = weights.language
                    if let wanted = request.language, !state.entries[slot].languages.contains(wanted) { language = 0 }
                    let load = weights.load * Int(volunteer.maxMatches - volunteer.load) / Int(volunteer.maxMatches)
                    let candidate = Ranked(
                        total: Int32(weights.task + availability + distance + language + load),
                        load: volunteer.load,
                        idHigh: volunteer.idHigh,
                        idLow: volunteer.idLow,
                        slot: volunteer.slot
                    )
                    if best.count == limit, let last = best.last, !(candidate < last) { continue }
                    if !declined.isEmpty, declined.contains(state.entries[slot].id) { continue }
                    var position = best.count
                    while position > 0, candidate < best[position - 1] { position -= 1 }
                    best.insert(candidate, at: position)
                    if best.count > limit { best.removeLast() }
                }
            }
            return best.map { state.entries[Int($0.slot)].id }
        }
    }

    /// A scored candidate in `MatchScorer`'s order (`<`: comes first): the higher score, then the
    /// lighter load, then the id as `uuidString` orders it (its bytes in order).
    struct Ranked: Comparable {
        var total: Int32
        var load: Int32
        var idHigh: UInt64
        var idLow: UInt64
        var slot: Int32

        static func < (lhs: Ranked, rhs: Ranked) -> Bool {
            if lhs.total != rhs.total { return lhs.total > rhs.total }
            if lhs.load != rhs.load { return lhs.load < rhs.load }
            return (lhs.idHigh, lhs.idLow) < (rhs.idHigh, rhs.idLow)
        }

        static func == (lhs: Ranked, rhs: Ranked) -> Bool { lhs.slot == rhs.slot }
    }
}
