import Foundation
import Hummingbird
import ServiceHTTP

/// `/api/v1/requests`: take, open, clarify, record a conversation, suggest partners, answer.
enum RequestRoutes {
    static func add(to api: RouterGroup<FrontDeskRequestContext>, service: FrontDeskService) {
        api.post("requests") { request, context in
            let input = try await JSONBody.decode(RequestInput.self, from: request, context: context)
            return try JSONBody.response(try await service.receiveRequest(input, by: context.requireStaff()), status: .created)
        }
        api.get("requests/:id") { _, context in
            try JSONBody.response(try await service.requestDetails(try id(context), by: context.requireStaff()))
        }
        api.post("requests/:id/clarification") { request, context in
            let input = try await JSONBody.decode(ClarifyInput.self, from: request, context: context)
            return try JSONBody.response(try await service.clarify(try id(context), input, by: context.requireStaff()))
        }
        api.post("requests/:id/conversations") { request, context in
            let input = try await JSONBody.decode(ConversationInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.recordConversation(try id(context), input, by: context.requireStaff()),
                status: .created
            )
        }
        api.get("requests/:id/suggestions") { _, context in
            let suggestions = try await service.suggestions(for: try id(context), by: context.requireStaff())
            return try JSONBody.response(suggestions.map(APIViews.SuggestionView.init))
        }
        api.post("requests/:id/answer") { request, context in
            let input = try await JSONBody.decode(APIViews.AnswerInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.answer(try id(context), answer: input.answer, by: context.requireStaff())
            )
        }
    }

    static func id(_ context: FrontDeskRequestContext) throws -> UUID { try PersonRoutes.uuid("id", context) }
}
