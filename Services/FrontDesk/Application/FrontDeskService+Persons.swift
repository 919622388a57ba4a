import Contracts
public import Foundation
import ReliableMessaging
import Storage
import WorkingDays

/// A death recorded at the desk.
public struct PersonDeath: Sendable, Codable, Equatable {
    public var personId: UUID
    /// `YYYY-MM-DD`.
    public var dateOfDeath: String
}

/// A person with their requests, as shown when staff open the record.
public struct PersonRecord: Sendable, Codable {
    /// The person.
    public var person: Person
    /// Their requests, newest first.
    public var requests: [HelpRequest]
}

extension FrontDeskService {
    /// Registers a person (tell once, SPEC P2).
    /// - Throws: `InputProblems` for the fields; `.personAlreadyRegistered` when the BSN is known
    ///   in the municipality; `.notPermitted`.
    public func registerPerson(_ input: PersonInput, by staff: StaffMember) async throws -> Person {
        try staff.require(.casework)
        let now = clock()
        let person = try input.makePerson(municipality: staff.municipality, today: calendar.day(of: now))
        return try await transaction { tx in
            try PersonRepository.insert(person, registeredBy: staff.id, in: tx)
            try log(.register, person: person.id, by: staff, context: "registratie", at: now, in: tx)
            return person
        }
    }

    /// Opens a person's record with their requests; logged with `context` (the screen) and the
    /// reason.
    /// - Throws: `.personNotFound` (also for another municipality's person).
    public func person(
        _ id: UUID,
        context: String,
        reason: AccessLog.Reason = .casework,
        reasonText: String? = nil,
        by staff: StaffMember
    ) async throws -> PersonRecord {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            guard let person = try PersonRepository.find(id: id, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.personNotFound
            }
            try log(.viewPerson, person: id, by: staff, reason: reason, reasonText: reasonText, context: context, at: now, in: tx)
            let requests = try RequestRepository.requests(ofPerson: id, municipality: staff.municipality, in: tx)
            return PersonRecord(person: person, requests: requests)
        }
    }

    /// Finds persons by BSN, by name and birth date, or by postcode; every person found is
    /// logged as seen.
    /// - Throws: `.searchCriteriaMissing`, `.invalidBSN`, `.invalidDate`, `.invalidPostcode`.
    public func searchPersons(_ search: PersonSearch, by staff: StaffMember) async throws -> [Person] {
        try staff.require(.casework)
        let now = clock()
        let context = "zoeken"
        let bsn = try search.bsn.nonBlank.map { text throws(FrontDeskError) in try BSN(checking: text) }
        let birth = try search.birthDate.nonBlank.map { text throws(FrontDeskError) in
            try LocalDate.parse(text, field: "birthDate", label: "Geboortedatum")
        }
        let postcode = try search.postcode.nonBlank.map { text throws(FrontDeskError) in try Postcode(text) }
        let name = search.name.nonBlank
        guard bsn != nil || (name != nil && birth != nil) || postcode != nil else {
            throw FrontDeskError.searchCriteriaMissing
        }
        // `system` is the service's own reason; a staff member's search is intake at least.
        let reason = search.reason == .system ? AccessLog.Reason.intake : (search.reason ?? .intake)
        return try await transaction { tx in
            let found: [Person]
            if let bsn {
                found = try PersonRepository.find(byBSN: bsn, municipality: staff.municipality, in: tx).map { [$0] } ?? []
            } else {
                found = try PersonRepository.search(
                    name: name,
                    birthDate: birth,
                    postcode: postcode,
                    municipality: staff.municipality,
                    in: tx
                )
            }
            for person in found {
                try log(
                    .searchResult,
                    person: person.id,
                    by: staff,
                    reason: reason,
                    reasonText: search.reasonText,
                    context: context,
                    at: now,
                    in: tx
                )
            }
            return found
        }
    }

    /// The access log about a person (who looked, when, why), for the citizen who asks or a
    /// supervisor. Reading it is itself a read of personal data: logged with its reason, and
    /// shown in the result.
    public func accessLog(
        person id: UUID,
        reason: AccessLog.Reason,
        reasonText: String? = nil,
        by staff: StaffMember
    ) async throws -> [AccessLog.Entry] {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            guard try PersonRepository.find(id: id, municipality: staff.municipality, in: tx) != nil else {
                throw FrontDeskError.personNotFound
            }
            try log(.viewAccessLog, person: id, by: staff, reason: reason, reasonText: reasonText, context: "toegangslog", at: now, in: tx)
            return try AccessLog.entries(personID: id, municipality: staff.municipality, in: tx)
        }
    }

    /// Records that the person died on `dateOfDeath` (as the population register reported) and
    /// tells the referral index, which removes the person's signals (`frontdesk.person.deceased`
    /// through the default exchange to the index's own queue: the BSN goes nowhere else).
    /// - Throws: `.personNotFound`, `.invalidDate` for a day that is no date, in the future or
    ///   before the birth date.
    public func recordDeath(_ id: UUID, dateOfDeath text: String, by staff: StaffMember) async throws -> PersonDeath {
        try staff.require(.casework)
        let now = clock()
        let today = calendar.day(of: now)
        let producer = self.producer
        let day = try LocalDate.parse(text, field: "dateOfDeath", label: "Datum van overlijden")
        return try await transaction(publishes: true) { tx in
            guard let person = try PersonRepository.find(id: id, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.personNotFound
            }
            guard day <= today, day >= person.birthDate else {
                throw FrontDeskError.invalidDate(field: "dateOfDeath", label: "Datum van overlijden")
            }
            try PersonRepository.recordDeath(id, on: day, in: tx)
            try log(.recordDeath, person: id, by: staff, reason: .casework, reasonText: nil, context: "overlijden", at: now, in: tx)
            let notice = Envelope(
                PersonDeceased(bsn: person.bsn.rawValue, dateOfDeath: day.description),
                correlationId: person.subjectRef.rawValue,
                municipality: person.municipality,
                producer: producer
            )
            try Outbox.enqueue(notice, exchange: "", routingKey: PersonDeceased.queue, in: tx)
            return PersonDeath(personId: id, dateOfDeath: day.description)
        }
    }
}
