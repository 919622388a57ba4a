import Contracts
import Foundation
import Storage
import StoredVocabulary

/// Reads of matching's own column groups.
extension Row {
    /// The district centre in `district`, `latitude`, `longitude` (nil when the district is null).
    func place(municipality: MunicipalityCode) throws -> DistrictMap.Place? {
        guard let district = try decodeIfPresent(String.self, "district"),
            let latitude = try decodeIfPresent(Double.self, "latitude"),
            let longitude = try decodeIfPresent(Double.self, "longitude")
        else { return nil }
        return DistrictMap.Place(municipality: municipality, district: district, latitude: latitude, longitude: longitude)
    }

    /// The person's own contact in `name`, `phone`, `email`.
    func contact() throws -> PersonalContact {
        PersonalContact(
            stored: try decode(String.self, "name"),
            phone: try decodeIfPresent(String.self, "phone"),
            email: try decodeIfPresent(String.self, "email")
        )
    }
}

/// JSON in `jsonb` columns.
enum StoredJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError.decodingFailed(column: column, expected: "\(T.self) as JSON", found: String(text.prefix(80)))
        }
    }
}
