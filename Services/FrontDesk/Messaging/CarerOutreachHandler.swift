import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `matching.carer.overburdened`: an informal carer's experienced burden reached matching's
/// threshold; the desk puts the carer on every work list of the municipality for outreach
/// (`CarerOutreach`). Only matching can publish the type on `wmo.events` (topic permissions).
///
/// A cared-for subjectRef the desk does not know still opens the item (the carer needs the call
/// either way), without a person: staff ask matching's coordinator.
enum CarerOutreachHandler {
    static func register(in handlers: inout MessageHandlers) {
        handlers.on(CarerOverburdened.self) { message, header, tx in
            let person = try message.caredFor.flatMap { subjectRef in
                try PersonRepository.find(bySubjectRef: subjectRef, municipality: header.municipality, in: tx)
            }
            try CarerOutreachRepository.flag(
                carerID: message.carerId,
                municipality: header.municipality,
                personID: person?.id,
                burden: message.burden,
                hoursPerWeek: message.hoursPerWeek,
                district: message.district,
                at: header.timestamp,
                in: tx
            )
        }
    }
}
