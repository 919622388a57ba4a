import Configuration
import Contracts
import Foundation
public import ServiceRuntime
import WorkingDays

/// The referral index's own settings, read once at start-up next to the common `ServiceSettings`.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `REFERRAL_INDEX_SECRET` | (required) | the HMAC key of the subject keys, at least 32 characters; the same in a region and its national index; never change it (keys would no longer match) |
/// | `REFERRAL_INDEX_COORDINATOR_RULE` | `municipality` | who coordinates a match: `municipality` (its coordinator organisation) or `first-signaller` |
/// | `REFERRAL_INDEX_COORDINATORS` | (none) | the coordinator organisation per municipality, `0202=0202-regie,0268=0268-regie` (broker logins, kind `signaller`); without one the first signaller coordinates |
/// | `REFERRAL_INDEX_ATTENTION_DAYS` | `14` | days after which a match without central contact or coordination is on the work list |
/// | `REFERRAL_INDEX_REMOVAL_INTERVAL` | `3600` | seconds between runs of the scheduled removal |
/// | `REFERRAL_INDEX_FEDERATION` | `none` | `none`, `region:<name>` (forward signals to the national index, hear of cross-region matches; queue `referral-index.<name>.inbound`) or `national` (queue `referral-index.national`) |
/// | `REFERRAL_INDEX_ADDRESS_MATCHING` | `false` | the second family rule: young people at one address (not on the register of excluded addresses) form a family |
/// | `REFERRAL_INDEX_MUNICIPALITIES` | (all) | the municipalities whose index this instance keeps, `0202,0268`; other organisations' signals are left to their region |
/// | `BCRYPT_COST`, `AUTH_CACHE_SECONDS`, `TRUSTED_PROXIES` | `10`, `60`, (none) | as at the front desk |
public struct ReferralIndexConfiguration: Sendable {
    public var settings: ReferralIndexSettings
    public var removalInterval: Duration
    public var bcryptCost: UInt8
    public var authCacheSeconds: Int
    public var trustedProxies: Set<String>

    /// A setting that cannot be used; the service refuses to start.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case secret
        case rule(String)
        case coordinators(String)
        case federation(String)
        case municipality(String)

        public var description: String {
            switch self {
            case .secret:
                "REFERRAL_INDEX_SECRET: set the subject-key secret (at least 32 characters, e.g. `openssl rand -hex 32`); it must stay the same for the index's lifetime"
            case .rule(let text): "REFERRAL_INDEX_COORDINATOR_RULE: '\(text)' is not municipality or first-signaller"
            case .coordinators(let text):
                "REFERRAL_INDEX_COORDINATORS: '\(text)' is not <municipality>=<organisation login>, e.g. 0202=0202-regie"
            case .federation(let text): "REFERRAL_INDEX_FEDERATION: '\(text)' is not none, region:<name> ([a-z0-9-]) or national"
            case .municipality(let text): "REFERRAL_INDEX_MUNICIPALITIES: '\(text)' is not a four-digit CBS code"
            }
        }
    }

    public init(settings service: ServiceSettings) throws(Problem) {
        let reader = service.reader
        let secret = reader.string(forKey: "referral.index.secret", default: "")
        guard let keyer = SubjectKeyer(secret: Data(secret.utf8)) else { throw .secret }
        let ruleText = reader.string(forKey: "referral.index.coordinator.rule", default: "municipality")
        guard let rule = CoordinatorRule(rawValue: ruleText) else { throw .rule(ruleText) }
        var coordinators: [MunicipalityCode: OrganisationKey] = [:]
        for entry in reader.string(forKey: "referral.index.coordinators", default: "").split(separator: ",") {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let code = MunicipalityCode(parts[0]), let key = OrganisationKey(parts[1]), key.municipality == code
            else { throw .coordinators(text) }
            coordinators[code] = key
        }
        let federationText = reader.string(forKey: "referral.index.federation", default: "none")
        guard let federation = FederationRole(federationText) else { throw .federation(federationText) }
        var municipalities: Set<MunicipalityCode> = []
        for entry in reader.string(forKey: "referral.index.municipalities", default: "").split(separator: ",") {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard let code = MunicipalityCode(text) else { throw .municipality(text) }
            municipalities.insert(code)
        }
        settings = ReferralIndexSettings(
            keyer: keyer,
            coordinatorRule: rule,
            coordinators: coordinators,
            attentionAfter: TimeInterval(max(0, reader.int(forKey: "referral.index.attention.days", default: 14)) * 86_400),
            federation: federation,
            municipalities: municipalities,
            matchesAddresses: reader.string(forKey: "referral.index.address.matching", default: "false") == "true"
        )
        removalInterval = .seconds(max(1, reader.int(forKey: "referral.index.removal.interval", default: 3600)))
        let login = LoginSettings(settings: service)
        bcryptCost = login.bcryptCost
        authCacheSeconds = login.authCacheSeconds
        trustedProxies = login.trustedProxies
    }
}
