public import Foundation
import Storage

extension FrontDeskService {
    /// The decision letter (beschikking) for a decision received from indication, addressed
    /// from the person registry; logged as a read of the person's data.
    /// - Throws: `.decisionNotFound` (also for another municipality's decision).
    public func decisionLetter(_ decisionID: UUID, by staff: StaffMember) async throws -> DecisionLetter {
        try staff.require(.casework)
        let now = clock()
        let calendar = calendar
        return try await transaction { tx in
            guard let stored = try DecisionRepository.find(id: decisionID, municipality: staff.municipality, in: tx),
                let person = try PersonRepository.find(id: stored.personID, municipality: staff.municipality, in: tx)
            else { throw FrontDeskError.decisionNotFound }
            try log(.viewDecisionLetter, person: person.id, by: staff, context: "beschikking \(decisionID)", at: now, in: tx)
            return DecisionLetter(decision: stored.decision, person: person, calendar: calendar)
        }
    }
}
