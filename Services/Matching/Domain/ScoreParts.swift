/// Why a volunteer is proposed: the parts of the score, each out of its weight (SPEC §4,
/// "explain each proposal"). The total is their sum, out of 100.
public struct ScoreParts: Sendable, Hashable, Codable {
    /// Offers the task asked for (out of 20).
    public var task: Int
    /// Overlap of their availability with the request's time windows (out of 25).
    public var availability: Int
    /// Closeness within their maximum travel distance (out of 25); 0 when the request has no place.
    public var distance: Int
    /// Speaks the language asked for, or none was asked (out of 15).
    public var language: Int
    /// Room left under their maximum of simultaneous matches (out of 15): spreads the load.
    public var load: Int
    /// The straight-line distance in kilometres, when known.
    public var kilometres: Double?

    public static let weights = (task: 20, availability: 25, distance: 25, language: 15, load: 15)

    public var total: Int { task + availability + distance + language + load }

    public init(task: Int, availability: Int, distance: Int, language: Int, load: Int, kilometres: Double?) {
        self.task = task
        self.availability = availability
        self.distance = distance
        self.language = language
        self.load = load
        self.kilometres = kilometres
    }
}
