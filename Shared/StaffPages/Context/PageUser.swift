/// Who is logged in to a service's staff pages (a desk's staff member, an assessor, a matching
/// coordinator): what the page header shows about them.
public protocol PageUser: Sendable {
    /// Naam zoals getoond.
    var displayName: String { get }
    /// The role as shown next to the name (`Consulent`, `Indicatiesteller`).
    var roleName: String { get }
    /// The CBS code of the municipality the account works for.
    var municipalityCode: String { get }
}
