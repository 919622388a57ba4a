public import Contracts
public import Foundation

/// Fout bij de indicatiestelling: every rule the indication domain refuses, with a Dutch message
/// for the assessor that says what to do, a stable English `code` for problem+json and
/// dead-letter reasons, the field it belongs to (if any) and an HTTP status.
public enum IndicationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A score outside 1-5.
    case scoreOutOfRange(domain: LifeDomain, score: Int)
    /// A domain name that is not in the current list of the matrix.
    case unknownDomain(String)
    /// An assessment without any score.
    case noScores
    /// A product category that is not in SPEC 7.3.
    case unknownCategory(String)
    /// No client profile with this number.
    case unknownProfile(Int)
    /// Choosing another profile than the suggested one needs a reason.
    case overrideWithoutReason(suggested: Int)
    /// A profile needs an assessment to suggest from.
    case noAssessmentYet
    /// P4: an individual provision without the reason the earlier layers do not suffice.
    case individualProvisionWithoutReason
    /// An individual-provision line needs a product category.
    case individualProvisionWithoutCategory
    /// An informal-support line needs the volunteer task it asks for.
    case informalSupportWithoutTask
    /// A required text is blank.
    case missingField(field: String, label: String)
    /// A text is longer than allowed.
    case fieldTooLong(field: String, label: String, maxLength: Int)
    /// A volume that is not positive, or a volume without unit.
    case invalidVolume
    /// No decision is given for an individual-provision line, or one for a line that is not.
    case lineNotDecided(UUID)
    /// A decision for a line that is not an open individual provision of the case.
    case notAnOpenIndividualLine(UUID)
    /// A decision on a line needs its grounds (motivering).
    case decisionWithoutGrounds(UUID)
    /// A granted line needs its form (in kind or personal budget) and a start date.
    case grantedLineIncomplete(UUID)
    /// A granted in-kind line needs the contracted provider that delivers it.
    case providerMissing(UUID)
    /// The provider is not contracted for the category in the municipality.
    case providerNotContracted(provider: String, category: ProductCategory)
    /// No allocation with this id in the assessor's municipality.
    case allocationNotFound
    /// The end of validity lies before its start.
    case validityEndsBeforeStart(UUID)
    /// The review date lies in the past.
    case reviewDateInPast
    /// The municipality requires an income test for this category and none is recorded.
    case incomeTestRequired(ProductCategory)
    /// Nothing to decide: the arrangement has no open individual-provision line.
    case nothingToDecide
    /// The simplified protocol is only for the standard provisions configured.
    case notAStandardProvision(ProductCategory)
    /// The case waits for the independent assessor's advice.
    case awaitingAdvice
    /// The case is decided; a change needs a re-indication.
    case caseDecided
    /// No case with this id in the assessor's municipality.
    case caseNotFound
    /// No line with this id on the case.
    case lineNotFound
    /// A date field is not a date.
    case invalidDate(field: String)
    /// No provider request with this id in the assessor's municipality.
    case providerRequestNotFound
    /// The provider's request has its final answer already.
    case providerRequestAnswered
    /// The case is routed to the expertise team; only its members change it.
    case expertiseTeamCase
    /// A path or query parameter that does not parse.
    case invalidParameter(String)

    /// The stable code, used in `urn:wmo:problem:<code>` and in dead-letter reasons.
    public var code: String {
        switch self {
        case .scoreOutOfRange: "score-out-of-range"
        case .unknownDomain: "unknown-domain"
        case .noScores: "no-scores"
        case .unknownCategory: "unknown-category"
        case .unknownProfile: "unknown-profile"
        case .overrideWithoutReason: "override-without-reason"
        case .noAssessmentYet: "no-assessment-yet"
        case .individualProvisionWithoutReason: "p4-reason-missing"
        case .individualProvisionWithoutCategory: "category-missing"
        case .informalSupportWithoutTask: "task-missing"
        case .missingField: "missing-field"
        case .fieldTooLong: "field-too-long"
        case .invalidVolume: "invalid-volume"
        case .lineNotDecided: "line-not-decided"
        case .notAnOpenIndividualLine: "not-an-open-individual-line"
        case .decisionWithoutGrounds: "grounds-missing"
        case .grantedLineIncomplete: "granted-line-incomplete"
        case .validityEndsBeforeStart: "validity-ends-before-start"
        case .providerMissing: "provider-missing"
        case .providerNotContracted: "provider-not-contracted"
        case .allocationNotFound: "allocation-not-found"
        case .reviewDateInPast: "review-date-in-past"
        case .incomeTestRequired: "income-test-required"
        case .nothingToDecide: "nothing-to-decide"
        case .notAStandardProvision: "not-a-standard-provision"
        case .awaitingAdvice: "awaiting-advice"
        case .caseDecided: "case-decided"
        case .caseNotFound: "case-not-found"
        case .lineNotFound: "line-not-found"
        case .invalidDate: "invalid-date"
        case .invalidParameter: "invalid-parameter"
        case .providerRequestNotFound: "provider-request-not-found"
        case .providerRequestAnswered: "provider-request-answered"
        case .expertiseTeamCase: "expertise-team-case"
        }
    }

    /// The form field the problem belongs to.
    public var field: String? {
        switch self {
        case .scoreOutOfRange(let domain, _): "scores.\(domain.rawValue)"
        case .unknownDomain, .noScores: "scores"
        case .unknownCategory, .individualProvisionWithoutCategory, .notAStandardProvision: "category"
        case .unknownProfile: "profileId"
        case .overrideWithoutReason: "reason"
        case .individualProvisionWithoutReason: "whyEarlierLayersDoNotSuffice"
        case .informalSupportWithoutTask: "task"
        case .missingField(let field, _), .fieldTooLong(let field, _, _), .invalidDate(let field): field
        case .invalidVolume: "volume"
        case .decisionWithoutGrounds: "grounds"
        case .grantedLineIncomplete: "validFrom"
        case .validityEndsBeforeStart: "validUntil"
        case .providerMissing, .providerNotContracted: "provider"
        case .reviewDateInPast: "reviewDate"
        case .incomeTestRequired: "incomeTested"
        case .invalidParameter(let name): name
        default: nil
        }
    }

    /// The HTTP status of the problem.
    public var httpStatus: Int {
        switch self {
        case .caseNotFound, .lineNotFound, .allocationNotFound, .providerRequestNotFound: 404
        case .expertiseTeamCase: 403
        case .awaitingAdvice, .caseDecided, .nothingToDecide, .providerRequestAnswered: 409
        default: 422
        }
    }

    /// What the assessor reads.
    public var message: String {
        switch self {
        case .scoreOutOfRange(let domain, let score):
            "De score voor ‘\(domain.dutchName)’ is \(score); kies een score van 1 (acute problematiek) tot 5 (volledig zelfredzaam)."
        case .unknownDomain(let name):
            "‘\(name)’ is geen domein van de zelfredzaamheidsmatrix (\(LifeDomain.listVersion)). Kies een domein uit de lijst."
        case .noScores: "Vul voor ten minste één domein een score in."
        case .unknownCategory(let name): "‘\(name)’ is geen productcategorie van een maatwerkvoorziening. Kies er een uit de lijst."
        case .unknownProfile(let id): "Cliëntprofiel \(id) bestaat niet. Kies een profiel van 1 tot en met 9."
        case .overrideWithoutReason(let suggested):
            "U kiest een ander profiel dan het voorgestelde profiel \(suggested). Leg kort uit waarom."
        case .noAssessmentYet: "Leg eerst de scores van de zelfredzaamheidsmatrix vast; daaruit volgt het voorgestelde profiel."
        case .individualProvisionWithoutReason:
            "Een maatwerkvoorziening kan pas als eigen kracht, netwerk, informele hulp en algemene voorzieningen niet volstaan. Leg vast waarom die niet volstaan."
        case .individualProvisionWithoutCategory: "Kies de productcategorie van de maatwerkvoorziening."
        case .informalSupportWithoutTask: "Kies de taak waarvoor een vrijwilliger of mantelzorger wordt gezocht."
        case .missingField(_, let label): "Vul ‘\(label)’ in."
        case .fieldTooLong(_, let label, let max): "‘\(label)’ is te lang: maximaal \(max) tekens."
        case .invalidVolume: "De omvang moet groter dan 0 zijn en een eenheid hebben (bijvoorbeeld uren per week)."
        case .lineNotDecided: "Neem voor elke maatwerkvoorziening in het arrangement een besluit: toekennen of afwijzen."
        case .notAnOpenIndividualLine: "Dit onderdeel is geen openstaande maatwerkvoorziening van deze aanvraag."
        case .decisionWithoutGrounds: "Motiveer elk besluit: schrijf op waarom het onderdeel wordt toegekend of afgewezen."
        case .grantedLineIncomplete:
            "Bij een toekenning horen de vorm (zorg in natura of persoonsgebonden budget) en de ingangsdatum."
        case .validityEndsBeforeStart: "De einddatum ligt vóór de ingangsdatum. Controleer de data."
        case .providerMissing: "Kies bij zorg in natura de gecontracteerde aanbieder die de zorg levert."
        case .providerNotContracted(let provider, let category):
            "Aanbieder \(provider) is niet gecontracteerd voor ‘\(category.dutchName)’ in uw gemeente. Kies een andere aanbieder."
        case .allocationNotFound: "Deze toewijzing bestaat niet in uw gemeente."
        case .reviewDateInPast: "De datum van herbeoordeling ligt in het verleden. Kies een datum vanaf vandaag."
        case .incomeTestRequired(let category):
            "Voor ‘\(category.dutchName)’ schrijft de gemeente een inkomenstoets voor. Leg vast dat die is gedaan."
        case .nothingToDecide: "Er staat geen maatwerkvoorziening open om over te beslissen. Voeg eerst een onderdeel toe."
        case .notAStandardProvision(let category):
            "‘\(category.dutchName)’ valt niet onder het vereenvoudigde protocol. Volg de gewone indicatiestelling."
        case .awaitingAdvice: "Deze aanvraag wacht op het advies van de onafhankelijke indicatiesteller."
        case .caseDecided: "Over deze aanvraag is al besloten. Een wijziging vraagt een herindicatie."
        case .caseNotFound: "Deze aanvraag bestaat niet in uw gemeente."
        case .lineNotFound: "Dit onderdeel van het arrangement bestaat niet."
        case .invalidDate: "Dit is geen geldige datum. Gebruik de vorm 2026-04-06 of 6-4-2026."
        case .invalidParameter(let name): "De waarde van ‘\(name)’ in het adres is ongeldig."
        case .providerRequestNotFound: "Dit verzoek van een aanbieder bestaat niet in uw gemeente."
        case .providerRequestAnswered: "Dit verzoek van de aanbieder is al beantwoord."
        case .expertiseTeamCase:
            "Deze aanvraag is doorgezet naar het expertiseteam (meervoudige problematiek of buiten uw mandaat). Alleen het expertiseteam kan haar behandelen."
        }
    }

    public var description: String { "\(code): \(message)" }
}
