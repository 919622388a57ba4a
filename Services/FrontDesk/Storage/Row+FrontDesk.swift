import Contracts
import Foundation
import Storage
import WorkingDays

/// Typed reads of the front desk's columns: municipality codes and calendar days (`date`).
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
}
