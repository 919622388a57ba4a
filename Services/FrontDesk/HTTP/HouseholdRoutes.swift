import Foundation
import Hummingbird
import ServiceHTTP

/// `/api/v1/households`: create around a person, open, change (member, carer, coordinator,
/// hand-over, plan).
enum HouseholdRoutes {
    /// `{"principalId": "…"}`.
    struct CreateInput: Decodable {
        var principalId: UUID
    }

    static func add(to api: RouterGroup<FrontDeskRequestContext>, service: FrontDeskService) {
        api.post("households") { request, context in
            let input = try await JSONBody.decode(CreateInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.createHousehold(principal: input.principalId, by: context.requireStaff()),
                status: .created
            )
        }
        api.get("persons/:id/household") { _, context in
            guard let view = try await service.household(ofPerson: try PersonRoutes.uuid("id", context), by: context.requireStaff())
            else { throw FrontDeskError.householdNotFound }
            return try JSONBody.response(view)
        }
        api.post("households/:id/changes") { request, context in
            let change = try await JSONBody.decode(HouseholdChange.self, from: request, context: context)
            return try JSONBody.response(
                try await service.changeHousehold(try PersonRoutes.uuid("id", context), change, by: context.requireStaff())
            )
        }
    }
}
