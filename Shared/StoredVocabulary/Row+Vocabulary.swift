public import Contracts
public import Storage
public import WorkingDays

/// Typed reads of the shared vocabulary in every service's columns: municipality codes and
/// calendar days (`date`).
extension Row {
    /// The `municipality` column.
    public func municipality(_ column: String = "municipality") throws -> MunicipalityCode {
        try parsed(column, as: "MunicipalityCode", MunicipalityCode.init)
    }

    /// A `date` column as a calendar day.
    public func localDate(_ column: String) throws -> LocalDate {
        try parsed(column, as: "LocalDate", LocalDate.init(iso:))
    }

    /// A nullable `date` column as a calendar day.
    public func optionalLocalDate(_ column: String) throws -> LocalDate? {
        try optionalParsed(column, as: "LocalDate", LocalDate.init(iso:))
    }
}
