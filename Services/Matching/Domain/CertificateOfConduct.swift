public import WorkingDays

/// A certificate of conduct (Verklaring Omtrent het Gedrag, VOG): whether a volunteer has one,
/// and from when. Required for respite care and for work with minors.
public struct CertificateOfConduct: Sendable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Issued on `issuedOn`.
        case issued
        /// Applied for, not yet issued: not valid.
        case applied
        /// None.
        case none
    }

    public let status: Status
    public let issuedOn: LocalDate?

    /// - Throws: `MatchingError.invalidCertificate` for an issued certificate without a date or
    ///   dated after `today`, or a date on one that is not issued.
    public init(status: Status, issuedOn: LocalDate?, today: LocalDate) throws(MatchingError) {
        switch status {
        case .issued:
            guard let issuedOn else { throw .invalidCertificate("give the date the VOG was issued") }
            guard issuedOn <= today else { throw .invalidCertificate("the VOG date \(issuedOn) lies in the future") }
        case .applied, .none:
            guard issuedOn == nil else { throw .invalidCertificate("a VOG that is not issued has no date") }
        }
        self.status = status
        self.issuedOn = issuedOn
    }

    /// A stored certificate, as it was checked at registration.
    public init(stored status: Status, issuedOn: LocalDate?) {
        self.status = status
        self.issuedOn = issuedOn
    }

    public static let absent = CertificateOfConduct(stored: .none, issuedOn: nil)

    /// True when issued and not older than `validityYears` on `day` (organisations ask for a
    /// recent VOG; the municipality sets how recent).
    public func isValid(on day: LocalDate, validityYears: Int) -> Bool {
        guard status == .issued, let issuedOn else { return false }
        return issuedOn <= day && issuedOn.adding(days: validityYears * 365 + validityYears / 4) >= day
    }
}
