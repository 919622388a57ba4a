import Contracts
import Foundation
import Storage
import WorkingDays

/// Typed reads of indication's columns: municipality codes, calendar days, and JSON documents.
extension Row {
    /// The `municipality` column.
    func municipality(_ column: String = "municipality") throws -> MunicipalityCode {
        try parsed(column, as: "MunicipalityCode", MunicipalityCode.init)
    }

    /// A `date` column as a calendar day.
    func localDate(_ column: String) throws -> LocalDate {
        try parsed(column, as: "LocalDate", LocalDate.init(iso:))
    }

    /// A nullable `date` column as a calendar day.
    func optionalLocalDate(_ column: String) throws -> LocalDate? {
        try optionalParsed(column, as: "LocalDate", LocalDate.init(iso:))
    }

    /// A nullable `jsonb` column decoded as `T`.
    func optionalJSON<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
        try optionalParsed(column, as: "\(T.self)") { try? StoredJSON.decoder.decode(T.self, from: Data($0.utf8)) }
    }

    /// A `jsonb` column decoded as `T`.
    func json<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
        try parsed(column, as: "\(T.self)") { try? StoredJSON.decoder.decode(T.self, from: Data($0.utf8)) }
    }
}

/// The JSON of `jsonb` columns: ISO 8601 dates, sorted keys.
enum StoredJSON {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// `value` as JSON text for a `jsonb` parameter.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
