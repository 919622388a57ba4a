import Contracts
import Foundation
import ServiceHTTP

/// The JSON shapes of values whose domain types are not Codable (they are views, not records).
enum APIViews {
    /// A routing suggestion from the social map.
    struct SuggestionView: Encodable {
        var partner: Partner
        var matchedCategories: [LifeDomain]
        var scope: String

        init(_ suggestion: Suggestion) {
            partner = suggestion.partner
            matchedCategories = suggestion.matchedCategories.sorted { $0.rawValue < $1.rawValue }
            scope = suggestion.scope.rawValue
        }
    }

    /// The logged-in staff member.
    struct Me: Encodable {
        var staff: StaffMember
        var permissions: [StaffPermission]
    }

    /// `{"answer": "..."}`.
    struct AnswerInput: Decodable {
        var answer: String
    }
}

extension WorkListQuery {
    /// The query from the API's query parameters (`scope`, `sort`, `attention`, `page`,
    /// `pageSize`); absent ones take their defaults.
    /// - Throws: `Problem.invalidParameter` naming the first one that cannot be read.
    init(scope: String?, sort: String?, attention: String?, page: String?, pageSize: String?) throws {
        guard let scope = WorkListScope(rawValue: scope ?? "mine") else { throw Problem.invalidParameter("scope") }
        guard let sort = WorkListSort(rawValue: sort ?? "due") else { throw Problem.invalidParameter("sort") }
        guard let attention = ["true": true, "false": false][attention ?? "false"] else {
            throw Problem.invalidParameter("attention")
        }
        guard let page = Int(page ?? "1"), (1...100_000).contains(page) else { throw Problem.invalidParameter("page") }
        guard let size = Int(pageSize ?? "50"), (1...200).contains(size) else { throw Problem.invalidParameter("pageSize") }
        self.init(scope: scope, sort: sort, attentionOnly: attention, page: page, pageSize: size)
    }
}
