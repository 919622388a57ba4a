import Contracts
import Foundation
import Storage
import WorkingDays

/// Typed reads of indication's JSON documents (municipality codes and days: `StoredVocabulary`).
extension Row {
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
