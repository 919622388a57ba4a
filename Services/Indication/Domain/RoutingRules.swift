public import Contracts

/// Routeringsregels: configurable data that say which cases go to an independent assessor and
/// which provisions the simplified protocol may decide in one step (SPEC §3).
public struct RoutingRules: Sendable, Hashable {
    /// Life domains whose requests are complex: they go to the independent assessor.
    public var assessorDomains: Set<LifeDomain>
    /// Client profiles that are complex (checked when the assessor chooses a profile).
    public var assessorProfiles: Set<Int>
    /// The assessor organisation of each municipality (its broker login); a municipality without
    /// one assesses everything itself.
    public var assessors: [MunicipalityCode: OrganisationKey]
    /// Standard provisions (e.g. a simple aid) the simplified protocol decides in one step.
    public var standardCategories: Set<ProductCategory>
    /// Categories for which the municipality requires an income test before a grant.
    public var incomeTestCategories: Set<ProductCategory>
    /// A case is multi-problem when at least this many life domains score 1 or 2: it goes to
    /// the expertise team.
    public var multiProblemDomains: Int
    /// Individual provisions outside a regular assessor's mandate: a line for one sends the case
    /// to the expertise team.
    public var expertiseCategories: Set<ProductCategory>

    public init(
        assessorDomains: Set<LifeDomain> = [.substanceUse, .mentalHealth],
        assessorProfiles: Set<Int> = [7, 9],
        assessors: [MunicipalityCode: OrganisationKey] = [:],
        standardCategories: Set<ProductCategory> = [.aids, .transport],
        incomeTestCategories: Set<ProductCategory> = [],
        multiProblemDomains: Int = 4,
        expertiseCategories: Set<ProductCategory> = [.shelteredHousing]
    ) {
        self.multiProblemDomains = multiProblemDomains
        self.expertiseCategories = expertiseCategories
        self.assessorDomains = assessorDomains
        self.assessorProfiles = assessorProfiles
        self.assessors = assessors
        self.standardCategories = standardCategories
        self.incomeTestCategories = incomeTestCategories
    }

    /// The assessor organisation that advises on a new case of `municipality` asking about
    /// `domains`, or `nil` when the municipality assesses it itself.
    public func assessor(for domains: [LifeDomain], in municipality: MunicipalityCode) -> OrganisationKey? {
        guard let organisation = assessors[municipality], !assessorDomains.isDisjoint(with: domains) else { return nil }
        return organisation
    }

    /// The assessor organisation that advises once profile `profile` is chosen, or `nil`.
    public func assessor(forProfile profile: Int, in municipality: MunicipalityCode) -> OrganisationKey? {
        guard let organisation = assessors[municipality], assessorProfiles.contains(profile) else { return nil }
        return organisation
    }

    /// Whether `scores` make a case multi-problem (for the expertise team).
    public func isMultiProblem(_ scores: MatrixScores) -> Bool { scores.domainsNeedingSupport.count >= multiProblemDomains }

    /// Whether a line of `category` is outside a regular assessor's mandate.
    public func needsExpertiseTeam(_ category: ProductCategory?) -> Bool { category.map(expertiseCategories.contains) ?? false }

    /// Whether the simplified protocol may decide `category` in one step.
    public func isStandard(_ category: ProductCategory) -> Bool { standardCategories.contains(category) }
}
