import Contracts
import Foundation
import Storage
import WorkingDays

/// Typed reads of the front desk's columns: enums stored as their raw text, municipality codes,
/// calendar days (`date`), and text arrays of enums.
extension Row {
    /// A text column holding an enum's raw value.
    func value<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E where E.RawValue == String {
        guard let value = try optionalValue(type, column) else {
            throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: nil)
        }
        return value
    }

    /// A nullable text column holding an enum's raw value.
    func optionalValue<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E? where E.RawValue == String {
        guard let text = try decodeIfPresent(String.self, column) else { return nil }
        guard let value = E(rawValue: text) else {
            throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: text)
        }
        return value
    }

    /// A `text[]` column of enum raw values.
    func values<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> [E] where E.RawValue == String {
        try (decodeIfPresent([String].self, column) ?? []).map { text in
            guard let value = E(rawValue: text) else {
                throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: text)
            }
            return value
        }
    }

    /// The `municipality` column.
    func municipality(_ column: String = "municipality") throws -> MunicipalityCode {
        let text = try decode(String.self, column)
        guard let code = MunicipalityCode(text) else {
            throw StorageError.decodingFailed(column: column, expected: "MunicipalityCode", found: text)
        }
        return code
    }

    /// A `date` column as a calendar day.
    func localDate(_ column: String) throws -> LocalDate {
        guard let day = try optionalLocalDate(column) else {
            throw StorageError.decodingFailed(column: column, expected: "LocalDate", found: nil)
        }
        return day
    }

    /// A nullable `date` column as a calendar day.
    func optionalLocalDate(_ column: String) throws -> LocalDate? {
        guard let text = try decodeIfPresent(String.self, column) else { return nil }
        guard let day = LocalDate(iso: text) else {
            throw StorageError.decodingFailed(column: column, expected: "LocalDate", found: text)
        }
        return day
    }
}

extension Array where Element: RawRepresentable, Element.RawValue == String {
    /// The raw values, for a `text[]` parameter.
    var rawValues: [String] { map(\.rawValue) }
}

extension Set where Element: RawRepresentable & Comparable, Element.RawValue == String {
    /// The raw values in a stable order, for a `text[]` parameter.
    var rawValues: [String] { sorted().map(\.rawValue) }
}
