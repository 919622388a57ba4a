import Configuration
import Contracts
import Foundation
public import ServiceRuntime
public import WorkingDays

/// Indication's own settings, read once at start-up next to the common `ServiceSettings`.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `INDICATION_ASSESSORS` | (none) | independent assessor organisation per municipality, `0202=0202-advies,0268=0268-advies` (broker logins, kind `assessor`) |
/// | `INDICATION_ASSESSOR_DOMAINS` | `substance-use,mental-health` | life domains whose requests go to the assessor |
/// | `INDICATION_ASSESSOR_PROFILES` | `7,9` | client profiles that go to the assessor |
/// | `INDICATION_STANDARD_CATEGORIES` | `aids,transport` | provisions the simplified protocol decides in one step |
/// | `INDICATION_INCOME_TEST_CATEGORIES` | (none) | categories that need an income test before a grant |
/// | `INDICATION_EXPERTISE_DOMAINS` | `4` | a case with at least this many life domains scored 1 or 2 is multi-problem: it goes to the expertise team |
/// | `INDICATION_EXPERTISE_CATEGORIES` | `sheltered-housing` | individual provisions outside a regular assessor's mandate: a line for one sends the case to the expertise team |
/// | `CALENDAR_CLOSED_DAYS`, `CALENDAR_LIBERATION_DAY`, `CALENDAR_GOOD_FRIDAY_CLOSED` | as at the desk | the working-day calendar of the provider, advice and request terms (the decision term is statutory) |
/// | `INDICATION_BUDGETS` | (none) | monthly budget in euros per municipality and earmarked part, `0202=wmo:1500000+youth:900000+participation:400000;0268=…` |
/// | `INDICATION_BUDGET_PARTS` | (all `wmo`) | which part a product category is paid from, `support=youth,day-activities=participation` |
/// | `INDICATION_BUDGET_THRESHOLD` | `90` | percent of a part's monthly budget from which an overrun is threatened (an event, and red in the budget view) |
/// | `INDICATION_PROVIDERS` | (none) | contracted providers with tariffs in cents per unit, `0202-rijnstad=household-help:3250+personal-care:5500;0202-zorgwijk=support:6000` (broker logins, kind `provider`) |
/// | `INDICATION_DECISION_WEEKS` | `2` | the decision term |
/// | `BCRYPT_COST`, `AUTH_CACHE_SECONDS`, `TRUSTED_PROXIES` | `10`, `60`, (none) | as at the front desk |
public struct IndicationConfiguration: Sendable {
    public var rules: RoutingRules
    public var contracts: ProviderContracts
    public var decisionWeeks: Int
    public var budget: SocialDomainBudget
    /// The working-day calendar (`CALENDAR_*`, as at the desk): provider, advice and request
    /// terms in working days; the decision term always uses the statutory calendar.
    public var calendar: WorkingDayCalendar
    public var bcryptCost: UInt8
    public var authCacheSeconds: Int
    public var trustedProxies: Set<String>

    /// A setting that cannot be used; the service refuses to start.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case assessors(String)
        case domain(String)
        case profile(String)
        case category(key: String, value: String)
        case provider(String)
        case budget(String)
        case budgetPart(String)
        case calendar(CalendarSettingsProblem)

        public var description: String {
            switch self {
            case .assessors(let text):
                "INDICATION_ASSESSORS: '\(text)' is not <municipality>=<organisation login>, e.g. 0202=0202-advies"
            case .domain(let text): "INDICATION_ASSESSOR_DOMAINS: '\(text)' is not a life domain (e.g. mental-health)"
            case .profile(let text): "INDICATION_ASSESSOR_PROFILES: '\(text)' is not a profile number 1-9"
            case .category(let key, let text): "\(key): '\(text)' is not a product category (e.g. aids, household-help)"
            case .provider(let text):
                "INDICATION_PROVIDERS: '\(text)' is not <login>=<category>:<cents>+…, e.g. 0202-rijnstad=household-help:3250+personal-care:5500"
            case .budget(let text):
                "INDICATION_BUDGETS: '\(text)' is not <municipality>=<part>:<euros per month>+…, e.g. 0202=wmo:1500000+youth:900000"
            case .calendar(let problem): problem.description
            case .budgetPart(let text):
                "INDICATION_BUDGET_PARTS: '\(text)' is not <category>=<part> with part wmo, youth or participation"
            }
        }
    }

    /// Reads the settings from `settings.reader`.
    public init(settings: ServiceSettings) throws(Problem) {
        let reader = settings.reader
        func list(_ key: String, _ fallback: String) -> [String] {
            reader.string(forKey: ConfigKey(key), default: fallback).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        var assessors: [MunicipalityCode: OrganisationKey] = [:]
        for entry in list("indication.assessors", "") {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let code = MunicipalityCode(parts[0]), let key = OrganisationKey(parts[1]), key.municipality == code
            else { throw .assessors(entry) }
            assessors[code] = key
        }
        var domains: Set<LifeDomain> = []
        for name in list("indication.assessor.domains", "substance-use,mental-health") {
            guard let domain = LifeDomain(rawValue: name) else { throw .domain(name) }
            domains.insert(domain)
        }
        var profiles: Set<Int> = []
        for text in list("indication.assessor.profiles", "7,9") {
            guard let number = Int(text), (1...9).contains(number) else { throw .profile(text) }
            profiles.insert(number)
        }
        func categories(_ key: String, _ fallback: String, env: String) throws(Problem) -> Set<ProductCategory> {
            var result: Set<ProductCategory> = []
            for name in list(key, fallback) {
                guard let category = ProductCategory(rawValue: name) else { throw .category(key: env, value: name) }
                result.insert(category)
            }
            return result
        }
        rules = RoutingRules(
            assessorDomains: domains,
            assessorProfiles: profiles,
            assessors: assessors,
            standardCategories: try categories("indication.standard.categories", "aids,transport", env: "INDICATION_STANDARD_CATEGORIES"),
            incomeTestCategories: try categories("indication.income.test.categories", "", env: "INDICATION_INCOME_TEST_CATEGORIES"),
            multiProblemDomains: min(max(reader.int(forKey: "indication.expertise.domains", default: 4), 1), LifeDomain.allCases.count),
            expertiseCategories: try categories("indication.expertise.categories", "sheltered-housing", env: "INDICATION_EXPERTISE_CATEGORIES")
        )
        var tariffs: [OrganisationKey: [ProductCategory: Int]] = [:]
        for entry in reader.string(forKey: "indication.providers", default: "").split(separator: ";") {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = OrganisationKey(parts[0]) else { throw .provider(text) }
            for item in parts[1].split(separator: "+") {
                let pair = item.split(separator: ":").map(String.init)
                guard pair.count == 2, let category = ProductCategory(rawValue: pair[0]), let cents = Int(pair[1]), cents >= 0 else {
                    throw .provider(text)
                }
                tariffs[key, default: [:]][category] = cents
            }
        }
        contracts = ProviderContracts(tariffs)
        var monthly: [MunicipalityCode: [BudgetPart: Int]] = [:]
        for entry in reader.string(forKey: "indication.budgets", default: "").split(separator: ";") {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let code = MunicipalityCode(parts[0]) else { throw .budget(text) }
            for item in parts[1].split(separator: "+") {
                let pair = item.split(separator: ":").map(String.init)
                guard pair.count == 2, let part = BudgetPart(rawValue: pair[0]), let euros = Int(pair[1]), euros >= 0, euros < Int.max / 100
                else { throw .budget(text) }
                monthly[code, default: [:]][part] = euros * 100
            }
        }
        var budgetParts: [ProductCategory: BudgetPart] = [:]
        for entry in list("indication.budget.parts", "") {
            let pair = entry.split(separator: "=").map(String.init)
            guard pair.count == 2, let category = ProductCategory(rawValue: pair[0]), let part = BudgetPart(rawValue: pair[1]) else {
                throw .budgetPart(entry)
            }
            budgetParts[category] = part
        }
        budget = SocialDomainBudget(
            monthlyCents: monthly,
            parts: budgetParts,
            thresholdPercent: min(max(reader.int(forKey: "indication.budget.threshold", default: 90), 1), 1000)
        )
        decisionWeeks = max(1, reader.int(forKey: "indication.decision.weeks", default: 2))
        do {
            calendar = try WorkingDayCalendar.fromSettings(
                closedDays: reader.string(forKey: "calendar.closed.days", default: ""),
                liberationDay: reader.string(forKey: "calendar.liberation.day", default: "every-year"),
                goodFridayClosed: reader.string(forKey: "calendar.good.friday.closed", default: "false")
            )
        } catch {
            throw .calendar(error)
        }
        let login = LoginSettings(settings: settings)
        bcryptCost = login.bcryptCost
        authCacheSeconds = login.authCacheSeconds
        trustedProxies = login.trustedProxies
    }
}
