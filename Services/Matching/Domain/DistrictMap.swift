public import Contracts
public import Foundation

/// Where people are, as far as matching needs to know: the districts (wijken) of each
/// municipality with an approximate centroid and the four-digit postcode areas in them
/// (reference data, `Reference/districts.json`). Distances are straight lines between centroids:
/// enough to rank volunteers, never an address.
public struct DistrictMap: Sendable {
    /// A district's centre.
    public struct Place: Sendable, Hashable, Codable {
        public var municipality: MunicipalityCode
        public var district: String
        public var latitude: Double
        public var longitude: Double

        public init(municipality: MunicipalityCode, district: String, latitude: Double, longitude: Double) {
            self.municipality = municipality
            self.district = district
            self.latitude = latitude
            self.longitude = longitude
        }

        /// The great-circle distance in kilometres.
        public func kilometres(to other: Place) -> Double {
            let radians = Double.pi / 180
            let dLat = (other.latitude - latitude) * radians
            let dLon = (other.longitude - longitude) * radians
            let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
            return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
        }
    }

    struct File: Decodable {
        struct District: Decodable {
            var municipality: String
            var name: String
            var latitude: Double
            var longitude: Double
            var postcodes: [String]
        }
        var version: String
        var districts: [District]
    }

    public let version: String
    private let byDistrict: [String: Place]
    private let byPostcode: [String: Place]

    /// The map in `data` (the format of `Reference/districts.json`).
    public init(json data: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: data)
        var byDistrict: [String: Place] = [:]
        var byPostcode: [String: Place] = [:]
        for entry in file.districts {
            guard let code = MunicipalityCode(entry.municipality) else { throw MatchingError.invalidParameter("districts.json municipality") }
            let place = Place(municipality: code, district: entry.name, latitude: entry.latitude, longitude: entry.longitude)
            byDistrict[Self.key(code, entry.name)] = place
            for postcode in entry.postcodes { byPostcode[postcode] = place }
        }
        version = file.version
        self.byDistrict = byDistrict
        self.byPostcode = byPostcode
    }

    /// The map shipped with the service.
    public static func bundled() throws -> DistrictMap {
        guard let url = Bundle.module.url(forResource: "districts", withExtension: "json", subdirectory: "Reference") else {
            throw MatchingError.invalidParameter("Reference/districts.json is missing from the bundle")
        }
        return try DistrictMap(json: Data(contentsOf: url))
    }

    /// The district `name` of `municipality` (case and spaces ignored).
    public func place(district name: String, in municipality: MunicipalityCode) -> Place? { byDistrict[Self.key(municipality, name)] }

    /// The district of a Dutch postcode (`6811 AB` or `6811`) in `municipality`.
    public func place(postcode: String, in municipality: MunicipalityCode) -> Place? {
        guard let area = Self.area(of: postcode), let place = byPostcode[area], place.municipality == municipality else { return nil }
        return place
    }

    /// The four digits of a postcode, or `nil` when it is not one.
    public static func area(of postcode: String) -> String? {
        let compact = postcode.uppercased().filter { !$0.isWhitespace }
        let digits = compact.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.first != "0" else { return nil }
        let letters = compact.dropFirst(4)
        guard letters.isEmpty || (letters.count == 2 && letters.allSatisfy { $0.isASCII && $0.isLetter }) else { return nil }
        return String(digits)
    }

    /// The districts of `municipality`, by name.
    public func districts(of municipality: MunicipalityCode) -> [String] {
        byDistrict.values.filter { $0.municipality == municipality }.map(\.district).sorted()
    }

    static func key(_ municipality: MunicipalityCode, _ name: String) -> String {
        "\(municipality.rawValue)/\(name.trimmingCharacters(in: .whitespaces).lowercased())"
    }
}
