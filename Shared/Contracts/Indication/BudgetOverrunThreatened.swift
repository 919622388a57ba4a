/// `indication.budget.overrun-threatened`: after a decision, the committed cost of an earmarked
/// part of a municipality's social-domain budget (Wmo, youth, participation) reaches the
/// configured share of that part's monthly budget in `month`. For the controller; once per
/// municipality, part and month.
public struct BudgetOverrunThreatened: MessageContract, Equatable {
    public static let messageType = "indication.budget.overrun-threatened"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// `wmo`, `youth` or `participation`.
    public var part: String
    /// `YYYY-MM`.
    public var month: String
    public var budgetCents: Int
    public var committedCents: Int
    public var thresholdPercent: Int

    public init(part: String, month: String, budgetCents: Int, committedCents: Int, thresholdPercent: Int) {
        self.part = part
        self.month = month
        self.budgetCents = budgetCents
        self.committedCents = committedCents
        self.thresholdPercent = thresholdPercent
    }
}
