/// Why matching refuses something; each message says what to do about it.
public enum MatchingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No slots, or a slot that is not `<weekday>-<morning|afternoon|evening>`.
    case invalidAvailability(field: String, String)
    /// A VOG that is dated in the future, or issued without a date.
    case invalidCertificate(String)
    /// A contact detail is missing or malformed.
    case invalidContact(field: String, String)
    /// A pause that ends before it starts.
    case invalidPause
    /// Free text with a BSN-like number.
    case identifyingText(field: String)
    /// A text field that is blank or too long.
    case invalidText(field: String, ClosedRange<Int>)
    /// The proposal was already answered (or lapsed, or the request closed).
    case proposalNotOpen(String)
    /// Only an accepted match can start.
    case matchNotAccepted(String)
    /// Only an accepted or running match can end.
    case matchNotRunning(String)
    case evaluationMissing
    /// A value that is not one of the allowed ones, or a malformed one.
    case invalidParameter(String)
    /// A postcode that is not Dutch or not of a district of the municipality.
    case unknownPostcode(String)
    /// A district the municipality's district table does not have.
    case unknownDistrict(String)
    /// No consent time, or one in the future.
    case missingConsent
    /// A burden score outside 0-9 or hours outside 0-168.
    case invalidBurden(field: String)
    case requestNotFound
    case proposalNotFound
    case volunteerNotFound
    case carerNotFound
    /// A centre acting on another centre's volunteer, or a centre doing coordinator work.
    case notPermitted(String)
    /// The answer link was used already or never existed.
    case answerLinkInvalid

    public var description: String { "\(code): \(message)" }
}
