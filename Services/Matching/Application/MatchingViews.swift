public import Contracts
public import Foundation

/// A volunteer as the coordinator (or their centre) sees them.
public struct VolunteerView: Codable, Sendable, Equatable {
    public var id: UUID
    public var centre: String?
    public var reference: String?
    public var name: String
    public var phone: String?
    public var email: String?
    public var postcode: String
    public var district: String
    public var tasks: [String]
    public var availability: [String]
    public var maxDistanceKm: Int
    public var languages: [String]
    public var certificate: String
    public var certificateIssuedOn: String?
    public var maxMatches: Int
    public var load: Int
    public var active: Bool

    init(_ volunteer: Volunteer, load: Int) {
        id = volunteer.id
        centre = volunteer.centre?.description
        reference = volunteer.centreReference
        name = volunteer.contact.name
        phone = volunteer.contact.phone
        email = volunteer.contact.email
        postcode = volunteer.postcode
        district = volunteer.place.district
        tasks = volunteer.tasks.map(\.rawValue).sorted()
        availability = volunteer.availability.slots
        maxDistanceKm = volunteer.maxDistanceKm
        languages = volunteer.languages.sorted()
        certificate = volunteer.certificate.status.rawValue
        certificateIssuedOn = volunteer.certificate.issuedOn?.description
        maxMatches = volunteer.maxMatches
        self.load = load
        active = volunteer.isActive
    }
}

/// An informal carer as the coordinator sees them.
public struct CarerView: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var phone: String?
    public var email: String?
    public var district: String
    public var caredFor: SubjectRef?
    public var hoursPerWeek: Int
    public var since: String
    public var burden: Int
    public var overburdened: Bool
    public var supportWanted: [String]

    init(_ carer: InformalCarer, threshold: Int) {
        id = carer.id
        name = carer.contact.name
        phone = carer.contact.phone
        email = carer.contact.email
        district = carer.place.district
        caredFor = carer.caredFor
        hoursPerWeek = carer.hoursPerWeek
        since = carer.since.description
        burden = carer.burden
        overburdened = carer.isOverburdened(threshold: threshold)
        supportWanted = carer.supportWanted.map(\.rawValue).sorted()
    }
}

/// A proposal with its score parts: why this volunteer.
public struct ProposalView: Codable, Sendable, Equatable {
    public var id: UUID
    public var requestId: UUID
    public var volunteerId: UUID
    /// The volunteer's first name (the coordinator opens the volunteer for the rest).
    public var volunteerName: String
    public var status: String
    public var score: ProposalOffered.Score
    public var proposedAt: Date
    public var answerBy: String?
    public var declineReason: String?
    public var evaluation: String?

    init(_ proposal: Proposal, volunteerName: String) {
        id = proposal.id
        requestId = proposal.requestId
        volunteerId = proposal.volunteerId
        self.volunteerName = volunteerName
        status = proposal.status.rawValue
        score = proposal.score.offered
        proposedAt = proposal.proposedAt
        answerBy = proposal.answerBy?.description
        declineReason = proposal.declineReason
        evaluation = proposal.evaluation
    }
}

/// A request for informal support with its proposals.
public struct RequestView: Codable, Sendable, Equatable {
    public var id: UUID
    public var origin: String
    public var requestId: UUID
    public var lineId: UUID?
    public var subjectRef: SubjectRef?
    public var carerId: UUID?
    public var task: String
    public var district: String?
    public var question: String
    public var timeWindows: [String]
    public var durationWeeks: Int?
    public var certificateRequired: Bool
    public var urgency: String
    public var carerOverburdened: Bool
    public var status: String
    public var receivedAt: Date
    public var failOn: String
    public var failureReason: String?
    /// Why the last search proposed nobody, when it did not.
    public var lastSearch: String?
    public var proposals: [ProposalView]

    init(_ request: SupportRequest, lastSearch: String?, proposals: [ProposalView]) {
        id = request.id
        origin = request.origin.rawValue
        requestId = request.requestId
        lineId = request.lineId
        subjectRef = request.subjectRef
        carerId = request.carerId
        task = request.task.rawValue
        district = request.place?.district ?? request.district
        question = request.question
        timeWindows = request.timeWindows.slots
        durationWeeks = request.durationWeeks
        certificateRequired = request.certificateRequired
        urgency = request.urgency.rawValue
        carerOverburdened = request.carerOverburdened
        status = request.status.rawValue
        receivedAt = request.receivedAt
        failOn = request.failOn.description
        failureReason = request.failureReason
        self.lastSearch = lastSearch
        self.proposals = proposals
    }
}

/// One carer on a year's appreciation list.
public struct AppreciationEntry: Codable, Sendable, Equatable {
    public var carerId: UUID
    public var name: String
    public var phone: String?
    public var email: String?
    public var postcode: String
    public var district: String
    public var hoursPerWeek: Int
    public var listedAt: Date
}

/// What a run of the appreciation round did.
public struct AppreciationRound: Codable, Sendable, Equatable {
    public var year: Int
    public var listed: Int
    public var total: Int
}

/// The figures for the desk's monitoring.
public struct MatchingFigures: Codable, Sendable, Equatable {
    public var municipality: String
    public var openRequests: Int
    public var matched: Int
    public var failed: Int
    public var ended: Int
    /// Median days from request to acceptance, over the matched and ended requests.
    public var medianDaysToMatch: Double?
    /// `task/district` → number of matches.
    public var matchesByTaskAndDistrict: [String: Int]
    /// burden score → carers.
    public var carersByBurden: [String: Int]
}

/// What the scheduled sweep did.
public struct SweepRun: Sendable, Equatable {
    public var lapsed = 0
    public var proposed = 0
    public var failed = 0
}

extension ScoreParts {
    /// The parts as the contract carries them.
    var offered: ProposalOffered.Score {
        ProposalOffered.Score(
            total: total,
            task: task,
            availability: availability,
            distance: distance,
            language: language,
            load: load,
            kilometres: kilometres
        )
    }
}
