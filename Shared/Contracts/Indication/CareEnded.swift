public import Foundation

/// `indication.care.stopped`: care under an allocation ended (the provider's
/// `provider.care.stopped`, accepted by indication). The citizen panel may sample the person
/// for the year's client satisfaction survey; the subjectRef is all it learns of them.
public struct CareEnded: MessageContract, Equatable {
    public static let messageType = "indication.care.stopped"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var allocationId: UUID
    public var subjectRef: SubjectRef
    public var category: ProductCategory
    /// `YYYY-MM-DD`.
    public var stopDate: String
    /// As the provider reported it (`goals-reached`, `deceased`, …).
    public var reason: CareStopped.Reason

    public init(allocationId: UUID, subjectRef: SubjectRef, category: ProductCategory, stopDate: String, reason: CareStopped.Reason) {
        self.allocationId = allocationId
        self.subjectRef = subjectRef
        self.category = category
        self.stopDate = stopDate
        self.reason = reason
    }
}
