import Contracts
import Foundation
import Testing
import Yams

/// `docs/asyncapi.yaml` is the contract partners integrate against; these tests keep it and the
/// Swift types in `Shared/Contracts` from drifting apart. For every contract type: the document
/// has a message named after its `messageType` with the same `x-schema-version`; each example
/// decodes into that type and passes `validate()`; and the payload schema lists exactly the
/// property names (and required names) the type encodes.
@Suite struct ContractDocumentTests {
    @Test(arguments: ContractCase.all)
    func messageIsDocumentedWithItsVersion(_ contract: ContractCase) throws {
        let document = try ContractDocument.load()
        let message = try #require(document.message(named: contract.messageType), "no message named \(contract.messageType)")
        #expect(message["x-schema-version"] as? String == contract.schemaVersion.description, "x-schema-version (quote it in YAML)")
        let typeSchema = try #require(document.envelopePart("type", of: message))
        #expect(typeSchema["const"] as? String == contract.messageType)
        let bindings = message["bindings"] as? [String: Any]
        #expect((bindings?["amqp"] as? [String: Any])?["messageType"] as? String == contract.messageType)
    }

    @Test(arguments: ContractCase.all)
    func examplesDecodeAndValidate(_ contract: ContractCase) throws {
        let document = try ContractDocument.load()
        let message = try #require(document.message(named: contract.messageType))
        let examples = try #require(message["examples"] as? [[String: Any]], "no examples")
        #expect(!examples.isEmpty)
        for example in examples {
            let name = example["name"] as? String ?? "unnamed"
            let body = try JSONSerialization.data(withJSONObject: try #require(example["payload"]))
            let header = try contract.decodeAndValidate(body)
            #expect(header.type == contract.messageType, "example \(name)")
            #expect(header.version.major == contract.schemaVersion.major, "example \(name)")
            let headers = try #require(example["headers"] as? [String: Any], "example \(name) has no AMQP headers")
            #expect(headers["x-schema-version"] as? String == header.version.description, "example \(name)")
            #expect(headers["x-municipality"] as? String == header.municipality.rawValue, "example \(name)")
            #expect(headers["x-producer"] as? String == header.producer, "example \(name)")
            #expect(headers["x-causation-id"] as? String == header.causationId?.uuidString.lowercased(), "example \(name)")
        }
    }

    @Test(arguments: ContractCase.all)
    func schemaListsExactlyTheEncodedProperties(_ contract: ContractCase) throws {
        let document = try ContractDocument.load()
        let message = try #require(document.message(named: contract.messageType))
        let schema = try #require(document.envelopePart("payload", of: message), "no payload schema")
        let full = try JSONSerialization.jsonObject(with: try contract.fullSample())
        let minimal = try JSONSerialization.jsonObject(with: try contract.minimalSample())
        for problem in document.propertyProblems(full, schema, path: "payload") {
            Issue.record("\(contract.messageType): \(problem)")
        }
        for problem in document.requiredProblems(minimal, schema, path: "payload") {
            Issue.record("\(contract.messageType): \(problem)")
        }
    }

    @Test func envelopeSchemaListsExactlyTheEncodedFields() throws {
        let document = try ContractDocument.load()
        let schema = try #require(document.schema(named: "Envelope"))
        let payload = ReferralAccepted(referralId: UUID(), partnerId: "mee")
        let withCausation = Envelope(payload, correlationId: UUID(), causationId: UUID(), municipality: .arnhem, producer: "mee")
        let without = Envelope(payload, correlationId: UUID(), municipality: .arnhem, producer: "mee")
        let full = try #require(try JSONSerialization.jsonObject(with: try ContractJSON.encoder().encode(withCausation)) as? [String: Any])
        let minimal = try #require(try JSONSerialization.jsonObject(with: try ContractJSON.encoder().encode(without)) as? [String: Any])
        #expect(Set(full.keys) == ContractDocument.names(schema["properties"]))
        #expect(Set(minimal.keys) == ContractDocument.names(schema["required"]))
    }

    /// A contract type added to `Shared/Contracts` must be added to `ContractCase.all` (and so
    /// to the document); a message documented as a contract must exist in the code.
    @Test func everyContractTypeIsListedAndEveryDocumentedMessageExists() throws {
        let listed = Set(ContractCase.all.map(\.messageType))
        #expect(listed.count == ContractCase.all.count, "a type is listed twice")
        #expect(ContractDocument.messageTypesInSources() == listed, "Shared/Contracts and ContractCase.all differ")
        let document = try ContractDocument.load()
        #expect(document.contractMessageNames() == listed, "docs/asyncapi.yaml and ContractCase.all differ")
    }

    /// The fuzz harness (Tests/Fuzz, run by scripts/fuzz.sh) decodes every contract type: a new
    /// type missing there would go unfuzzed.
    @Test func theFuzzHarnessRegistersEveryContractType() throws {
        let harness = try String(
            contentsOf: ContractDocument.repositoryRoot.appendingPathComponent("Tests/Fuzz/FuzzTargets.swift"),
            encoding: .utf8
        )
        let registered = Set(harness.matches(of: /handlers\.on\((\w+)\.self\)/).map { String($0.output.1) })
        let declared = ContractDocument.contractTypeNamesInSources()
        #expect(declared.count == ContractDocument.messageTypesInSources().count, "one Swift type per message type")
        #expect(declared.subtracting(registered).isEmpty, "not fuzzed: \(declared.subtracting(registered).sorted())")
    }

    @Test func deadLetterHeadersAreDocumented() throws {
        let document = try ContractDocument.load()
        let deadLetter = try #require(document.message(named: "dead-letter"))
        let headers = try #require(deadLetter["headers"] as? [String: Any])
        #expect(ContractDocument.names(headers["required"]) == ["x-wmo-dead-letter-reason", "x-wmo-dead-letter-queue"])
        let retry = try #require(document.message(named: "retry"))
        let retryHeaders = try #require(retry["headers"] as? [String: Any])
        #expect(ContractDocument.names(retryHeaders["required"]) == ["x-wmo-retry-count"])
    }
}

/// One contract type: how to decode a documented example into it, and two encoded samples, one
/// with every optional field set (all property names) and one with none (the required names).
struct ContractCase: Sendable, CustomTestStringConvertible {
    let messageType: String
    let schemaVersion: SchemaVersion
    /// Decodes a JSON envelope with `ContractJSON.decoder()` and runs `validate()` on the payload.
    let decodeAndValidate: @Sendable (Data) throws -> EnvelopeHeader
    let fullSample: @Sendable () throws -> Data
    let minimalSample: @Sendable () throws -> Data

    var testDescription: String { messageType }

    static func of<M: MessageContract>(_ type: M.Type, full: M, minimal: M? = nil) -> ContractCase {
        let minimal = minimal ?? full
        return ContractCase(
            messageType: M.messageType,
            schemaVersion: M.schemaVersion,
            decodeAndValidate: { body in
                let envelope = try ContractJSON.decoder().decode(Envelope<M>.self, from: body)
                try envelope.payload.validate()
                return envelope.header
            },
            fullSample: { try ContractJSON.encoder().encode(full) },
            minimalSample: { try ContractJSON.encoder().encode(minimal) }
        )
    }

    /// Every type of `Shared/Contracts`. Adding a type there without adding it here fails
    /// `everyContractTypeIsListedAndEveryDocumentedMessageExists`; adding it here without
    /// documenting it fails the other tests.
    static let all: [ContractCase] = [
        .of(RequestPassedOn.self, full: Samples.passedOn(contact: Samples.fullContact), minimal: Samples.passedOn(contact: ConsentedContact())),
        .of(ConsentWithdrawn.self, full: ConsentWithdrawn(referralId: Samples.id, partnerId: "mee")),
        .of(
            PartnerRequestSubmitted.self,
            full: PartnerRequestSubmitted(
                submissionId: Samples.id,
                partnerId: "mee",
                consentGiven: true,
                consentedAt: Date(timeIntervalSince1970: 0),
                citizen: SubmittedCitizen(
                    bsn: "123456782",
                    givenNames: "Jan",
                    familyNamePrefix: "van",
                    familyName: "Jansen",
                    birthDate: "1948-03-31",
                    phone: "026",
                    email: "j@example.nl",
                    postcode: "6811AB",
                    houseNumber: 1
                ),
                question: "q"
            ),
            minimal: PartnerRequestSubmitted(
                submissionId: Samples.id,
                partnerId: "mee",
                consentGiven: true,
                consentedAt: Date(timeIntervalSince1970: 0),
                citizen: SubmittedCitizen(bsn: "123456782", givenNames: "Jan", familyName: "Jansen", birthDate: "1948-03-31"),
                question: "q"
            )
        ),
        .of(RequestReceived.self, full: RequestReceived(submissionId: Samples.id, requestId: Samples.id, partnerId: "mee")),
        .of(
            MessageRejected.self,
            full: MessageRejected(rejectedMessageId: "m", rejectedType: "partner.referral.accepted", reason: "r", queue: "q"),
            minimal: MessageRejected(rejectedMessageId: "m", rejectedType: nil, reason: "r", queue: "q")
        ),
        .of(
            IndicationRequested.self,
            full: IndicationRequested(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                household: HouseholdSummary(adults: 2, children: 1, informalCarers: 1),
                question: "Hulp in het huishouden",
                categories: [.instrumentalADL],
                findings: "Dochter helpt",
                urgency: .normal
            )
        ),
        .of(
            MatchingRequested.self,
            full: MatchingRequested(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                task: .shopping,
                district: "Presikhaaf",
                question: "Boodschappen",
                certificateRequired: false,
                urgency: .normal,
                timeWindows: ["friday-morning"],
                durationWeeks: 26
            ),
            minimal: MatchingRequested(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                task: .shopping,
                district: "Presikhaaf",
                question: "Boodschappen",
                certificateRequired: false,
                urgency: .normal
            )
        ),
        .of(
            RequestClosed.self,
            full: RequestClosed(requestId: Samples.id, subjectRef: SubjectRef(), outcome: "helped", routes: ["passed-on"], district: "Presikhaaf")
        ),
        .of(
            ArrangementInsufficient.self,
            full: ArrangementInsufficient(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                reportedBy: "Wijkteam Arnhem-Oost",
                reason: "Na een val zijn 3 uur per week niet meer genoeg."
            )
        ),
        .of(
            IndicationDecided.self,
            full: Samples.decided(line: Samples.fullLine, reviewDate: Samples.date),
            minimal: Samples.decided(line: Samples.minimalLine, reviewDate: nil)
        ),
        .of(
            AdviceRequested.self,
            full: AdviceRequested(
                caseId: Samples.id,
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                household: HouseholdSummary(adults: 1, children: 0, informalCarers: 0),
                question: "Beschermd wonen nodig?",
                findings: "Woont alleen",
                categories: [.mentalHealth, .housing],
                urgency: .normal,
                adviceDue: "2026-12-01"
            )
        ),
        .of(
            AdviceGiven.self,
            full: AdviceGiven(caseId: Samples.id, advice: "Begeleiding thuis", recommendedCategories: [.support], suggestedProfile: 5),
            minimal: AdviceGiven(caseId: Samples.id, advice: "Geen maatwerk nodig")
        ),
        .of(
            AllocationIssued.self,
            full: AllocationIssued(
                subjectRef: SubjectRef(),
                provider: "0202-rijnstad",
                allocations: [Samples.fullAllocation],
                withdrawn: [WithdrawnAllocation(allocationId: Samples.id, reason: "Correctie")]
            ),
            minimal: AllocationIssued(subjectRef: SubjectRef(), provider: "0202-rijnstad", allocations: [Samples.minimalAllocation])
        ),
        .of(AllocationAcknowledged.self, full: AllocationAcknowledged(allocationIds: [Samples.id])),
        .of(
            AllocationRejected.self,
            full: AllocationRejected(allocationIds: [Samples.id], retourCodes: ["no-capacity"], explanation: "Geen capaciteit"),
            minimal: AllocationRejected(allocationIds: [Samples.id], retourCodes: ["no-capacity"])
        ),
        .of(CareStarted.self, full: CareStarted(allocationId: Samples.id, startDate: "2026-12-01")),
        .of(CareStopped.self, full: CareStopped(allocationId: Samples.id, stopDate: "2027-03-19", reason: .moved)),
        .of(
            ProviderMessageReceipt.self,
            full: ProviderMessageReceipt(
                receivedMessageId: Samples.id,
                receivedType: CareStopped.messageType,
                allocationId: Samples.id,
                accepted: true,
                retourCodes: ["reported-late"]
            ),
            minimal: ProviderMessageReceipt(
                receivedMessageId: Samples.id,
                receivedType: AllocationRequested.messageType,
                allocationId: nil,
                accepted: false,
                retourCodes: ["client-unknown"]
            )
        ),
        .of(
            AllocationRequested.self,
            full: AllocationRequested(
                subjectRef: SubjectRef(),
                category: .householdHelp,
                volume: 4,
                unit: "hours-per-week",
                validFrom: "2027-01-04",
                reason: "Meer uren nodig na ziekenhuisopname",
                providerReference: "RZ-2026-118"
            ),
            minimal: AllocationRequested(subjectRef: SubjectRef(), category: .householdHelp, validFrom: "2027-01-04", reason: "Meer uren nodig")
        ),
        .of(
            AllocationChangeRequested.self,
            full: AllocationChangeRequested(
                allocationId: Samples.id,
                volume: 4,
                unit: "hours-per-week",
                validUntil: "2028-02-29",
                reason: "Meer uren nodig na ziekenhuisopname",
                providerReference: "RZ-2027-004"
            ),
            // Only the required fields (validate() wants a volume or an end besides: not checked here).
            minimal: AllocationChangeRequested(allocationId: Samples.id, reason: "Herstel duurt langer")
        ),
        .of(
            AllocationRequestAnswered.self,
            full: AllocationRequestAnswered(
                requestMessageId: Samples.id,
                requestType: AllocationRequested.messageType,
                outcome: .underInvestigation,
                allocationIds: [Samples.id],
                explanation: "Eerst een huisbezoek",
                investigationDue: "2027-02-15",
                providerReference: "RZ-2026-118"
            ),
            minimal: AllocationRequestAnswered(requestMessageId: Samples.id, requestType: AllocationRequested.messageType, outcome: .refused)
        ),
        .of(
            SignalRegistered.self,
            full: SignalRegistered(
                bsn: "123456782",
                birthDate: "2011-05-01",
                parentBsns: ["100000009"],
                address: .init(postcode: "6811 AB", houseNumber: "12a"),
                professional: .init(name: "Sanne de Wit", phone: "026 123 4567", email: "sanne@jeugdzorg.example"),
                organisation: "0202-jeugdzorg",
                youngPersonInformed: false,
                parentsInformed: false,
                notInformedReason: "safety",
                reference: "JZ-2026-881"
            ),
            minimal: SignalRegistered(
                bsn: "123456782",
                birthDate: "2011-05-01",
                professional: .init(name: "Sanne de Wit", phone: "026 123 4567", email: "sanne@jeugdzorg.example"),
                youngPersonInformed: true
            )
        ),
        .of(SignalWithdrawn.self, full: SignalWithdrawn(signalId: Samples.id, reason: "risk-gone")),
        .of(
            SignalRecorded.self,
            full: SignalRecorded(outcome: "registered", signalId: Samples.id, reference: "JZ-2026-881", removeOn: "2028-12-07"),
            minimal: SignalRecorded(outcome: "withdrawn", signalId: Samples.id, reference: nil, removeOn: nil)
        ),
        .of(
            MatchNotified.self,
            full: MatchNotified(
                matchId: Samples.id,
                kind: "client",
                change: "created",
                signalId: Samples.id,
                coordinator: "0202-regie",
                youngPeople: 1,
                participants: [
                    .init(
                        signalId: Samples.id,
                        organisation: "0202-school",
                        organisationName: "Scholengroep Rijnstad",
                        name: "Joost Visser",
                        phone: "026 765 4321",
                        email: "joost@rijnstad.example"
                    )
                ]
            ),
            minimal: MatchNotified(
                matchId: Samples.id,
                kind: "family",
                change: "extended",
                signalId: nil,
                coordinator: "0202-regie",
                youngPeople: 2,
                participants: []
            )
        ),
        .of(PersonDeceased.self, full: PersonDeceased(bsn: "123456782", dateOfDeath: "2026-12-06")),
        .of(
            SignalForwarded.self,
            full: SignalForwarded(
                region: "gelderland-midden",
                signalId: Samples.id,
                active: true,
                subjectKey: String(repeating: "ab", count: 32),
                parentKeys: [String(repeating: "cd", count: 32)],
                organisation: "0202-jeugdzorg",
                organisationName: "Jeugdzorg Gelderland",
                professional: .init(name: "Sanne de Wit", phone: "026 123 4567", email: "sanne@jeugdzorg.example")
            ),
            minimal: SignalForwarded(region: "gelderland-midden", signalId: Samples.id, active: false)
        ),
        .of(
            FederationMatched.self,
            full: FederationMatched(
                matchId: Samples.id,
                kind: "client",
                region: "gelderland-midden",
                signalIds: [Samples.id],
                youngPeople: 1,
                participants: [
                    .init(
                        signalId: Samples.id,
                        organisation: "0268-wijkteam",
                        organisationName: "Wijkteam Nijmegen",
                        name: "Anna Smit",
                        phone: "024 123 4567",
                        email: "anna@wijkteam.example"
                    )
                ]
            )
        ),
        .of(
            BudgetOverrunThreatened.self,
            full: BudgetOverrunThreatened(part: "wmo", month: "2027-01", budgetCents: 150_000_000, committedCents: 137_500_000, thresholdPercent: 90)
        ),
        .of(
            CareEnded.self,
            full: CareEnded(
                allocationId: Samples.id,
                subjectRef: SubjectRef(),
                category: .householdHelp,
                stopDate: "2026-12-01",
                reason: .goalsReached
            )
        ),
        .of(
            InformalSupportRequested.self,
            full: InformalSupportRequested(
                requestId: Samples.id,
                lineId: Samples.id,
                subjectRef: SubjectRef(),
                task: .visiting,
                question: "Wekelijks bezoek",
                certificateRequired: false,
                urgency: .high
            )
        ),
        .of(
            MatchingMatched.self,
            full: MatchingMatched(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                matchId: Samples.id,
                task: .visiting,
                volunteerDisplayName: "Anneke",
                lineId: Samples.id
            ),
            minimal: MatchingMatched(
                requestId: Samples.id,
                subjectRef: SubjectRef(),
                matchId: Samples.id,
                task: .visiting,
                volunteerDisplayName: "Anneke"
            )
        ),
        .of(
            MatchingFailed.self,
            full: MatchingFailed(requestId: Samples.id, subjectRef: SubjectRef(), reason: "Geen vrijwilliger", lineId: Samples.id),
            minimal: MatchingFailed(requestId: Samples.id, subjectRef: SubjectRef(), reason: "Geen vrijwilliger")
        ),
        .of(
            VolunteerRegistered.self,
            full: VolunteerRegistered(
                reference: "VC-2026-0147",
                name: "Anneke de Vries",
                phone: "06 1234 5678",
                email: "anneke@example.nl",
                consentedAt: Samples.date,
                postcode: "6821 AB",
                tasks: [.visiting, .shopping],
                availability: ["monday-morning", "wednesday-afternoon"],
                maxDistanceKm: 5,
                languages: ["nl", "en"],
                certificate: .init(status: "issued", issuedOn: "2026-03-02"),
                maxMatches: 2,
                active: true,
                pauses: [.init(from: "2026-12-21", until: "2027-01-03")]
            ),
            minimal: VolunteerRegistered(
                reference: "VC-2026-0147",
                name: "Anneke de Vries",
                phone: nil,
                email: nil,
                consentedAt: Samples.date,
                postcode: "6821",
                tasks: [.respiteCare],
                availability: ["monday-morning"],
                maxDistanceKm: 5,
                languages: [],
                certificate: .init(status: "none"),
                maxMatches: 1
            )
        ),
        .of(VolunteerRecorded.self, full: VolunteerRecorded(reference: "VC-2026-0147", volunteerId: Samples.id, outcome: "registered")),
        .of(
            ProposalOffered.self,
            full: ProposalOffered(
                proposalId: Samples.id,
                volunteerReference: "VC-2026-0147",
                task: .visiting,
                district: "Presikhaaf",
                question: "Wekelijks bezoek",
                timeWindows: ["tuesday-afternoon"],
                durationWeeks: 12,
                certificateRequired: false,
                score: .init(total: 91, task: 20, availability: 25, distance: 16, language: 15, load: 15, kilometres: 1.9),
                answerBy: "2026-11-27",
                answerUrl: "https://matching.example.org/antwoord/a11b76efd58fd0f48211be634589c84eaf7cb7443152e2c831e5cd9c6ca466cd"
            ),
            minimal: ProposalOffered(
                proposalId: Samples.id,
                volunteerReference: "VC-2026-0147",
                task: .visiting,
                district: nil,
                question: "Wekelijks bezoek",
                timeWindows: ["tuesday-afternoon"],
                durationWeeks: nil,
                certificateRequired: false,
                score: .init(total: 75, task: 20, availability: 25, distance: 0, language: 15, load: 15, kilometres: nil),
                answerBy: "2026-11-27",
                answerUrl: "https://matching.example.org/antwoord/a11b76efd58fd0f48211be634589c84eaf7cb7443152e2c831e5cd9c6ca466cd"
            )
        ),
        .of(
            ProposalAnswered.self,
            full: ProposalAnswered(proposalId: Samples.id, answer: "declined", reason: "Op donderdag niet beschikbaar"),
            minimal: ProposalAnswered(proposalId: Samples.id, answer: "accepted")
        ),
        .of(
            MatchingEnded.self,
            full: MatchingEnded(
                requestId: Samples.id,
                matchId: Samples.id,
                subjectRef: SubjectRef(),
                lineId: Samples.id,
                task: .visiting,
                endedOn: "2027-06-02",
                evaluation: "Goed verlopen"
            ),
            minimal: MatchingEnded(
                requestId: Samples.id,
                matchId: Samples.id,
                subjectRef: nil,
                lineId: nil,
                task: .respiteCare,
                endedOn: "2027-06-02",
                evaluation: "Goed verlopen"
            )
        ),
        .of(
            CarerOverburdened.self,
            full: CarerOverburdened(carerId: Samples.id, caredFor: SubjectRef(), burden: 8, hoursPerWeek: 30, district: "Geitenkamp"),
            minimal: CarerOverburdened(carerId: Samples.id, caredFor: nil, burden: 8, hoursPerWeek: 30, district: "Geitenkamp")
        ),
        .of(ProposalClosed.self, full: ProposalClosed(proposalId: Samples.id, volunteerReference: "VC-1", reason: .lapsed, closedOn: "2026-12-11")),
        .of(CarerAppreciationListed.self, full: CarerAppreciationListed(year: 2026, listed: 214, total: 214)),
        .of(
            PanelInvitationRequested.self,
            full: PanelInvitationRequested(
                invitationId: Samples.id,
                subjectRef: SubjectRef(),
                surveyTitle: "Cliëntervaringsonderzoek",
                surveyLink: "https://example.org/s"
            )
        ),
        .of(
            PanelMemberInvited.self,
            full: PanelMemberInvited(
                invitationId: Samples.id,
                email: "lid@example.org",
                consultationTitle: "Wonen in de wijk",
                link: "https://example.org/raadpleging/t",
                closesOn: "2027-01-31",
                reminder: false,
                proposeLink: "https://example.org/voorstellen/p",
                leaveLink: "https://example.org/afmelden/p"
            )
        ),
        .of(ReferralAccepted.self, full: ReferralAccepted(referralId: Samples.id, partnerId: "mee")),
        .of(ReferralDeclined.self, full: ReferralDeclined(referralId: Samples.id, partnerId: "mee", reason: "Vol")),
        .of(ReferralContacted.self, full: ReferralContacted(referralId: Samples.id, partnerId: "mee", contactedAt: Samples.date)),
        .of(
            ReferralCompleted.self,
            full: ReferralCompleted(referralId: Samples.id, partnerId: "mee", summary: "Klaar"),
            minimal: ReferralCompleted(referralId: Samples.id, partnerId: "mee")
        ),
    ]
}

/// Sample values for the encoding checks.
private enum Samples {
    static let id = UUID()
    static let date = Date(timeIntervalSince1970: 1_795_510_800)
    static let fullContact = ConsentedContact(
        name: "J. de Vries",
        phone: "026 123 4567",
        email: "j@example.org",
        address: "Hoofdstraat 1, 6811 AA Arnhem",
        preferredChannel: "phone",
        language: "nl"
    )
    static let fullLine = DecisionLine(
        category: .householdHelp,
        granted: true,
        grounds: "Eigen kracht volstaat niet",
        form: .inKind,
        volume: 3,
        unit: "hours-per-week",
        validFrom: date,
        validUntil: date
    )
    static let minimalLine = DecisionLine(category: .aids, granted: false, grounds: "Algemene voorziening volstaat")
    static let fullAllocation = AllocationRecord(
        allocationId: id,
        decisionId: id,
        category: .householdHelp,
        volume: 3,
        unit: "hours-per-week",
        validFrom: "2026-12-01",
        validUntil: "2027-11-30"
    )
    static let minimalAllocation = AllocationRecord(allocationId: id, decisionId: id, category: .support, validFrom: "2026-12-15")

    static func passedOn(contact: ConsentedContact) -> RequestPassedOn {
        RequestPassedOn(
            referralId: id,
            partnerId: "mee",
            question: "Eenzaam",
            categories: [.socialNetwork],
            urgency: .normal,
            district: "Presikhaaf",
            contact: contact,
            acceptBy: date,
            contactBy: date
        )
    }

    static func decided(line: DecisionLine, reviewDate: Date?) -> IndicationDecided {
        IndicationDecided(
            decisionId: id,
            requestId: id,
            subjectRef: SubjectRef(),
            decidedAt: date,
            decidedBy: "consulent",
            lines: [line],
            reviewDate: reviewDate,
            ownContribution: true
        )
    }
}

/// `docs/asyncapi.yaml`, loaded with Yams, with the look-ups the tests need.
struct ContractDocument {
    let root: [String: Any]

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func load() throws -> ContractDocument {
        let url = repositoryRoot.appendingPathComponent("docs/asyncapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        // Without the timestamp rule: an unquoted date would become a Date, which JSON cannot hold.
        let loaded = try Yams.load(yaml: text, Resolver.default.removing(.timestamp))
        return ContractDocument(root: try #require(loaded as? [String: Any], "docs/asyncapi.yaml is not a mapping"))
    }

    private var components: [String: Any] { root["components"] as? [String: Any] ?? [:] }

    /// The message under `components.messages` whose `name` is `name`.
    func message(named name: String) -> [String: Any]? {
        let messages = components["messages"] as? [String: Any] ?? [:]
        return messages.values.compactMap { $0 as? [String: Any] }.first { $0["name"] as? String == name }
    }

    /// The names of the messages that are contract types (they carry an `x-schema-version`).
    func contractMessageNames() -> Set<String> {
        let messages = components["messages"] as? [String: Any] ?? [:]
        return Set(
            messages.values.compactMap { $0 as? [String: Any] }.filter { $0["x-schema-version"] != nil }.compactMap { $0["name"] as? String }
        )
    }

    func schema(named name: String) -> [String: Any]? {
        (components["schemas"] as? [String: Any])?[name] as? [String: Any]
    }

    /// Follows `$ref` (only local `#/components/...` references).
    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/") else { return schema }
        var node: Any? = root
        for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return (node as? [String: Any]).map(resolve) ?? [:]
    }

    /// The schema of envelope property `name` in the message's payload, which is
    /// `allOf: [Envelope, {properties: {type, version, payload}}]`.
    func envelopePart(_ name: String, of message: [String: Any]) -> [String: Any]? {
        guard let payload = message["payload"] as? [String: Any] else { return nil }
        let parts = (resolve(payload)["allOf"] as? [[String: Any]] ?? [payload]).map(resolve)
        for part in parts.reversed() {
            if let property = (part["properties"] as? [String: Any])?[name] as? [String: Any] { return resolve(property) }
        }
        return nil
    }

    static func names(_ value: Any?) -> Set<String> {
        if let list = value as? [String] { return Set(list) }
        if let map = value as? [String: Any] { return Set(map.keys) }
        return []
    }

    /// Where the encoded `json` has other property names than `schema` lists, at every level.
    func propertyProblems(_ json: Any, _ schema: [String: Any], path: String) -> [String] {
        compare(json, schema, path: path) { schema in Self.names(schema["properties"]) }
    }

    /// Where the encoded `json` (optional fields left out) has other names than `schema` requires.
    func requiredProblems(_ json: Any, _ schema: [String: Any], path: String) -> [String] {
        compare(json, schema, path: path) { schema in Self.names(schema["required"]) }
    }

    private func compare(_ json: Any, _ schema: [String: Any], path: String, expected: ([String: Any]) -> Set<String>) -> [String] {
        let schema = resolve(schema)
        if let object = json as? [String: Any] {
            var problems: [String] = []
            let encoded = Set(object.keys)
            let listed = expected(schema)
            if encoded != listed {
                problems.append(
                    "\(path): code encodes \(encoded.sorted()), document lists \(listed.sorted()); "
                        + "only in code \(encoded.subtracting(listed).sorted()), only in document \(listed.subtracting(encoded).sorted())"
                )
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, value) in object {
                guard let property = properties[key] as? [String: Any] else { continue }
                problems += compare(value, property, path: "\(path).\(key)", expected: expected)
            }
            return problems
        }
        if let array = json as? [Any], let items = schema["items"] as? [String: Any] {
            return array.enumerated().flatMap { index, element in compare(element, items, path: "\(path)[\(index)]", expected: expected) }
        }
        return []
    }

    /// Every `messageType = "…"` declared in the sources of `Shared/Contracts`.
    /// The Swift names of the types that declare a `messageType` in Shared/Contracts.
    static func contractTypeNamesInSources() -> Set<String> {
        let folder = repositoryRoot.appendingPathComponent("Shared/Contracts").resolvingSymlinksInPath()
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: Set<String> = []
        let pattern = /struct (\w+)[^{]*\{\s*public static let messageType/
        for case let file as URL in files where file.pathExtension == "swift" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in text.matches(of: pattern) { found.insert(String(match.output.1)) }
        }
        return found
    }

    static func messageTypesInSources() -> Set<String> {
        let folder = repositoryRoot.appendingPathComponent("Shared/Contracts").resolvingSymlinksInPath()
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: Set<String> = []
        let pattern = /messageType\s*=\s*"([^"]+)"/
        for case let file as URL in files where file.pathExtension == "swift" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in text.matches(of: pattern) { found.insert(String(match.output.1)) }
        }
        return found
    }
}
