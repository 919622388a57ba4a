/// Why matching refuses something; each message says what to do about it.
public enum MatchingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No consent of the volunteer or carer to be registered.
    case consentMissing
    /// A task that is not on the task list (SPEC 7.4).
    case unknownTask(String)
    /// No slots, or a slot that is not `<weekday>-<morning|afternoon|evening>`.
    case invalidAvailability(field: String, String)
    /// A VOG that is dated in the future, or issued without a date.
    case invalidCertificate(String)
    /// A contact detail is missing or malformed.
    case invalidContact(field: String, String)
    /// A postcode that is not Dutch, or not in one of the municipality's districts.
    case unknownPostcode(String)
    /// A district that is not one of the municipality's.
    case unknownDistrict(String)
    /// A number outside its range.
    case outOfRange(field: String, ClosedRange<Int>)
    /// A language that is not a two-letter ISO 639-1 code.
    case invalidLanguage(String)
    /// A pause that ends before it starts.
    case invalidPause
    /// Free text with a BSN-like number or another identifier of the client.
    case identifyingText(field: String)
    /// A text field that is blank or too long.
    case invalidText(field: String, ClosedRange<Int>)
    case volunteerNotFound
    case carerNotFound
    case requestNotFound
    case proposalNotFound
    /// The proposal was already answered (or lapsed, or the request closed).
    case proposalNotOpen(String)
    /// Only an accepted match can start.
    case matchNotAccepted(String)
    /// Only an accepted or running match can end.
    case matchNotRunning(String)
    case evaluationMissing
    /// The request is no longer open.
    case requestNotOpen(String)
    /// The volunteer is registered by another centre (or by the municipality).
    case notYourVolunteer
    /// The caller's role may not do this.
    case notPermitted(String)
    /// A one-time answer link that is unknown or already used.
    case linkNotValid
    /// A path or query parameter that cannot be used.
    case invalidParameter(String)

    public var description: String { "\(code): \(message)" }
}
