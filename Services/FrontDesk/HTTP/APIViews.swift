import Contracts
import Foundation

/// The JSON shapes of values whose domain types are not Codable (they are views, not records).
enum APIViews {
    /// A work list with counts.
    struct WorkListView: Encodable {
        struct Item: Encodable {
            var requestId: UUID
            var category: String
            var categoryName: String
            var urgency: String
            var handler: String?
            var team: String?
            var deadline: Deadline?
            var escalation: Escalation?
            var message: String
        }
        var day: LocalDate
        var counts: WorkList.Counts
        var total: Int
        var items: [Item]

        init(_ list: WorkList) {
            day = list.day
            counts = list.counts
            total = list.counts.total
            items = list.items.map { item in
                Item(
                    requestId: item.requestID,
                    category: item.category.rawValue,
                    categoryName: item.category.dutchName,
                    urgency: item.urgency.rawValue,
                    handler: item.handler?.rawValue,
                    team: item.team?.rawValue,
                    deadline: item.deadline,
                    escalation: item.escalation,
                    message: item.message
                )
            }
        }
    }

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
