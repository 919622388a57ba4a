import Contracts
public import Foundation

/// The nine client profiles of a version, and the suggestion of the closest one for a set of
/// scores (pure).
public struct ClientProfileCatalogue: Sendable, Hashable {
    /// The version of the catalogue, recorded with each profile choice.
    public let version: String
    /// Score assumed for a domain the profile's pattern does not list.
    public let defaultScore: Int
    /// The profiles, by id.
    public let profiles: [ClientProfile]

    /// Why the catalogue cannot be read.
    public enum LoadError: Error, CustomStringConvertible {
        case missing
        case invalid(String)
        public var description: String {
            switch self {
            case .missing: "Reference/client-profiles.json is missing from the indication service's resources"
            case .invalid(let detail): "Reference/client-profiles.json is not a valid catalogue: \(detail)"
            }
        }
    }

    public init(version: String, defaultScore: Int, profiles: [ClientProfile]) {
        self.version = version
        self.defaultScore = defaultScore
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// The catalogue shipped with the service.
    public static func bundled() throws -> ClientProfileCatalogue {
        guard let url = Bundle.module.url(forResource: "client-profiles", withExtension: "json", subdirectory: "Reference") else {
            throw LoadError.missing
        }
        return try decode(Data(contentsOf: url))
    }

    /// A catalogue from its JSON form (`version`, `defaultScore`, `profiles` with `pattern`
    /// keyed by domain name).
    public static func decode(_ data: Data) throws -> ClientProfileCatalogue {
        struct File: Decodable {
            struct Profile: Decodable {
                var id: Int
                var name: String
                var typicalPattern: String
                var pattern: [String: Int]
                var compensations: [ProductCategory]
            }
            var version: String
            var defaultScore: Int
            var profiles: [Profile]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw LoadError.invalid("\(error)")
        }
        let profiles = try file.profiles.map { profile in
            var pattern: [LifeDomain: Int] = [:]
            for (name, score) in profile.pattern {
                guard let domain = LifeDomain(rawValue: name), MatrixScores.range.contains(score) else {
                    throw LoadError.invalid("profile \(profile.id): '\(name)': \(score)")
                }
                pattern[domain] = score
            }
            return ClientProfile(
                id: profile.id,
                name: profile.name,
                typicalPattern: profile.typicalPattern,
                pattern: pattern,
                compensations: profile.compensations
            )
        }
        guard Set(profiles.map(\.id)).count == profiles.count, !profiles.isEmpty else { throw LoadError.invalid("ids must be unique") }
        return ClientProfileCatalogue(version: file.version, defaultScore: file.defaultScore, profiles: profiles)
    }

    /// The profile with `id`.
    public func profile(_ id: Int) throws(IndicationError) -> ClientProfile {
        guard let profile = profiles.first(where: { $0.id == id }) else { throw .unknownProfile(id) }
        return profile
    }

    /// The profile closest to `scores`: the least sum of squared differences over the scored
    /// domains (a domain the pattern leaves out counts as `defaultScore`); ties go to the lower id.
    public func suggest(for scores: MatrixScores) -> ProfileSuggestion {
        let ranked = profiles.map { Ranked(profile: $0, distance: squaredDistance(scores, $0)) }.sorted(by: Ranked.closerFirst)
        let best = ranked[0].profile
        let distance = ranked[0].distance
        let alternative: Int? = ranked.count > 1 && ranked[1].distance == distance ? ranked[1].profile.id : nil
        var matching: [LifeDomain] = []
        var named: [String] = []
        for domain in LifeDomain.allCases {
            guard let score = scores[domain], let typical = best.pattern[domain], score <= 3, typical <= 3 else { continue }
            matching.append(domain)
            named.append("\(domain.dutchName) \(score) (profiel \(typical))")
        }
        var reason = "Profiel \(best.id) (\(best.name)) ligt het dichtst bij de scores (afwijking \(distance))"
        reason += named.isEmpty ? "." : ": " + named.joined(separator: ", ") + "."
        if let alternative { reason += " Profiel \(alternative) ligt even dichtbij: kies bewust." }
        return ProfileSuggestion(
            profileID: best.id,
            distance: distance,
            alternativeID: alternative,
            reason: reason,
            matchingDomains: matching
        )
    }

    private struct Ranked {
        let profile: ClientProfile
        let distance: Int

        static func closerFirst(_ left: Ranked, _ right: Ranked) -> Bool {
            left.distance != right.distance ? left.distance < right.distance : left.profile.id < right.profile.id
        }
    }

    private func squaredDistance(_ scores: MatrixScores, _ profile: ClientProfile) -> Int {
        scores.scores.reduce(0) { sum, entry in
            let difference = entry.value - (profile.pattern[entry.key] ?? defaultScore)
            return sum + difference * difference
        }
    }
}
