import Foundation
import StaffPages
import WorkingDays

/// De beschikking als brief: the printable decision letter, addressed from the person registry.
/// The page prints on A4 without the navigation (print CSS); no PDF is made.
struct DecisionLetterPages: Sendable {
    let service: FrontDeskService

    /// `GET /beschikkingen/{id}/brief`.
    func letter(_ call: DeskCall) async throws -> PageResult {
        let letter = try await service.decisionLetter(try call.id(), by: call.staff)
        let model = DecisionLetterPage(
            sender: Chrome.municipalityName(letter.municipality.rawValue),
            addressee: letter.addressee,
            addressLines: letter.addressLines,
            hasAddress: !letter.addressLines.isEmpty,
            date: letter.decisionDate.dutchFormatted,
            reference: DutchFormat.shortID(letter.decisionId),
            requestHref: "/hulpvragen/\(letter.requestId.uuidString.lowercased())",
            salutation: "Geachte \(letter.addressee),",
            lines: letter.lines.map { line in
                DecisionLetterPage.Line(
                    provision: line.provision,
                    verdict: line.granted ? "Toegekend" : "Afgewezen",
                    granted: line.granted,
                    form: line.form,
                    extent: line.extent,
                    validity: Self.validity(from: line.validFrom, until: line.validUntil),
                    grounds: line.grounds
                )
            },
            reviewDate: letter.reviewDate?.dutchFormatted,
            ownContribution: letter.ownContribution,
            objectionText: letter.objectionText,
            objectionDeadline: letter.objectionDeadline.dutchFormatted
        )
        return .page(Page(template: "decision-letter", title: "Beschikking Wmo", model: model))
    }

    private static func validity(from: LocalDate?, until: LocalDate?) -> String? {
        switch (from, until) {
        case (nil, nil): nil
        case (let from?, nil): "Vanaf \(from.dutchFormatted)"
        case (nil, let until?): "Tot en met \(until.dutchFormatted)"
        case (let from?, let until?): "\(from.dutchFormatted) tot en met \(until.dutchFormatted)"
        }
    }
}

/// The data of `decision-letter.mustache`.
struct DecisionLetterPage: Sendable {
    var sender, addressee: String
    var addressLines: [String]
    var hasAddress: Bool
    var date, reference, requestHref, salutation: String
    var lines: [Line]
    var reviewDate: String?
    var ownContribution: Bool
    var objectionText, objectionDeadline: String

    struct Line: Sendable {
        var provision, verdict: String
        var granted: Bool
        var form, extent, validity: String?
        var grounds: String
    }
}
