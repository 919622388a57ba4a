public import WorkingDays

/// The rules a running indication service applies: routing, the decision term, the calendar,
/// the client-profile catalogue, how far ahead reviews show, how long an advice may take.
public struct IndicationSettings: Sendable {
    public var rules: RoutingRules
    /// The contracted providers and their tariffs.
    public var contracts: ProviderContracts
    /// Working days a provider has for the receipt of an allocation (iWmo: 3).
    public var receiptWorkingDays: Int
    public var term: DecisionTerm
    public var catalogue: ClientProfileCatalogue
    /// Days before a review date that the case appears on the work list (default 28).
    public var reviewHorizonDays: Int
    /// Working days the independent assessor has for an advice (default 5).
    public var adviceWorkingDays: Int
    /// The social-domain budget the committed cost is watched against.
    public var budget: SocialDomainBudget

    public init(
        rules: RoutingRules = RoutingRules(),
        contracts: ProviderContracts = ProviderContracts(),
        receiptWorkingDays: Int = 3,
        term: DecisionTerm = DecisionTerm(),
        catalogue: ClientProfileCatalogue,
        reviewHorizonDays: Int = 28,
        adviceWorkingDays: Int = 5,
        budget: SocialDomainBudget = SocialDomainBudget()
    ) {
        self.budget = budget
        self.rules = rules
        self.contracts = contracts
        self.receiptWorkingDays = receiptWorkingDays
        self.term = term
        self.catalogue = catalogue
        self.reviewHorizonDays = reviewHorizonDays
        self.adviceWorkingDays = adviceWorkingDays
    }

    /// The calendar of terms.
    public var calendar: WorkingDayCalendar { term.calendar }
}
