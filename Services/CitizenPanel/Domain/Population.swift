public import Contracts
public import Foundation

/// The adult population of each municipality by district, age band and sex (reference data,
/// `Reference/population.json`): what results are weighted to (SPEC §6, the VNG protocol) and
/// what a round's sample is drawn against.
public struct Population: Sendable {
    /// The reference data cannot be read.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    struct File: Decodable {
        struct Municipality: Decodable {
            var municipality: String
            var districts: [String: Double]
            var ageBands: [String: Double]
            var sex: [String: Double]
        }
        var version: String
        var municipalities: [Municipality]
    }

    public let version: String
    private let margins: [MunicipalityCode: [Raking.Dimension: [String: Double]]]

    public init(json data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        var margins: [MunicipalityCode: [Raking.Dimension: [String: Double]]] = [:]
        for entry in file.municipalities {
            guard let code = MunicipalityCode(entry.municipality) else {
                throw Invalid(description: "population.json: '\(entry.municipality)' is not a municipality code")
            }
            margins[code] = [.district: entry.districts, .ageBand: entry.ageBands, .sex: entry.sex]
        }
        version = file.version
        self.margins = margins
    }

    /// The figures shipped with the service.
    public static func bundled() throws -> Population {
        guard let url = Bundle.module.url(forResource: "population", withExtension: "json", subdirectory: "Reference") else {
            throw Invalid(description: "Reference/population.json is missing from the bundle")
        }
        return try Population(json: Data(contentsOf: url))
    }

    /// The margins to weight `municipality`'s results to; empty when it has no figures (then
    /// results are not weighted).
    public func margins(of municipality: MunicipalityCode) -> [Raking.Dimension: [String: Double]] { margins[municipality] ?? [:] }

    /// The population per stratum (district × age band), assuming age bands are spread alike over
    /// the districts: the proportions a round is drawn in.
    public func strata(of municipality: MunicipalityCode) -> [Stratum: Int] {
        guard let margin = margins[municipality], let districts = margin[.district], let bands = margin[.ageBand] else { return [:] }
        let total = bands.values.reduce(0, +)
        var strata: [Stratum: Int] = [:]
        for (district, people) in districts {
            for (band, count) in bands {
                guard let ageBand = AgeBand(rawValue: band), total > 0 else { continue }
                strata[Stratum(district: district, ageBand: ageBand)] = Int((people * count / total).rounded())
            }
        }
        return strata
    }
}
