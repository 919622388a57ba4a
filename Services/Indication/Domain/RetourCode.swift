/// Retourcode: why indication rejects a provider's message, or a remark on an accepted one
/// (iWmo retour semantics, as readable codes; documented in docs/asyncapi.yaml).
public enum RetourCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The allocation was rejected or withdrawn: care cannot start or stop under it.
    case allocationNotActive = "allocation-not-active"
    /// The date is not a `YYYY-MM-DD` day.
    case invalidDate = "invalid-date"
    /// The date lies outside the allocation's validity.
    case dateOutsideValidity = "date-outside-validity"
    /// Care under this allocation already started on another day and has not stopped: one
    /// current start per allocated product.
    case alreadyStarted = "already-started"
    /// Care already stopped on another day.
    case alreadyStopped = "already-stopped"
    /// The stop lies before the start.
    case stopBeforeStart = "stop-before-start"
    /// Accepted, but reported more than 5 working days after the event.
    case reportedLate = "reported-late"
    /// A request for a client the provider holds no allocation for in the municipality.
    case clientUnknown = "client-unknown"
    /// A request for a category the provider has no contract for in the municipality.
    case notContracted = "not-contracted"
    /// A change for an allocation that has a change request still open: one at a time.
    case requestPending = "request-pending"
}
