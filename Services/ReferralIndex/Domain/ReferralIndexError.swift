public import Contracts

/// Why the referral index refuses something; each message says what to do about it.
public enum ReferralIndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A BSN (of the young person, `field` `bsn`, or a parent, `parentBsns`) fails a check.
    case invalidBSN(field: String, BSN.Problem)
    /// The birth date is not a date (`YYYY-MM-DD`).
    case invalidBirthDate
    /// The birth date lies after today.
    case birthDateInFuture
    /// The young person is 23 or older on the day: not in the index's scope.
    case tooOld
    /// An active signal for this BSN has another birth date: a reused BSN is reviewed, not merged.
    case birthDateMismatch
    /// A professional's contact detail is missing or malformed.
    case invalidContact(field: String, String)
    /// Someone was not informed, and the reason from the fixed list is missing.
    case notInformedReasonMissing
    /// Under 16 the parents must be informed too (or the reason given).
    case parentsInformedMissing
    /// The address is not a Dutch postcode and house number (`field` names which).
    case invalidAddress(String)
    /// More parents than a young person has in the register.
    case tooManyParents
    /// The organisation is not designated to signal in this municipality (meldingsbevoegd).
    case organisationNotAuthorised(String)
    /// The body names another organisation than the one that is logged in or sent it.
    case organisationMismatch(claimed: String, actual: String)
    /// No such signal visible to the caller.
    case signalNotFound
    /// The signal belongs to another organisation.
    case notYourSignal
    /// The signal was already withdrawn or removed.
    case signalNotActive
    /// No such match visible to the caller.
    case matchNotFound
    /// The chosen central contact has no active signal on the match.
    case centralContactNotOnMatch
    /// The caller's role may not do this.
    case notPermitted(String)
    /// The municipality switched the index off.
    case switchedOff
    /// A switch-off must be confirmed with the municipality's code.
    case confirmationMissing
    /// A path or query parameter is not of the expected form.
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .invalidBSN(let field, let problem):
            "\(field): not a valid BSN (\(problem.rawValue)); give the nine digits from the register"
        case .invalidBirthDate: "birthDate: give the date of birth as YYYY-MM-DD"
        case .birthDateInFuture: "birthDate: lies in the future"
        case .tooOld: "birthDate: the young person is 23 or older; the referral index is for young people under 23"
        case .birthDateMismatch:
            "birthDate: another birth date is registered for this BSN; check both in the population register (a reused BSN is reviewed, not merged)"
        case .invalidContact(let field, let problem): "\(field): \(problem)"
        case .notInformedReasonMissing:
            "notInformedReason: give why the young person or the parents were not informed (safety, unreachable, other-professional)"
        case .parentsInformedMissing: "parentsInformed: under 16 the parents are informed too; say whether they were"
        case .invalidAddress(let field): "\(field): give a Dutch postcode (1234 AB) and a house number (12, 12a)"
        case .tooManyParents: "parentBsns: at most 4 parents"
        case .organisationNotAuthorised(let key):
            "organisation \(key) is not designated to signal in the referral index of this municipality; ask the municipality"
        case .organisationMismatch(let claimed, let actual):
            "organisation: the body names \(OrganisationKey(claimed).map(\.description) ?? "another organisation"), but the sender is \(actual); an organisation signals only for itself"
        case .signalNotFound: "no such signal of your organisation"
        case .notYourSignal: "the signal is another organisation's; only its professional or organisation withdraws it"
        case .signalNotActive: "the signal was withdrawn or removed already"
        case .matchNotFound: "no such match on your signals"
        case .centralContactNotOnMatch: "centralContactSignalId: choose one of the active signals on this match"
        case .notPermitted(let what): "your role may not \(what)"
        case .switchedOff: "the referral index of this municipality is switched off"
        case .confirmationMissing: "confirm: repeat the municipality's four-digit code to switch the index off and purge it"
        case .invalidParameter(let name): "\(name): not of the expected form"
        }
    }
}
