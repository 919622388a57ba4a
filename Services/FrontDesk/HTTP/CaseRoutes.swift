import Foundation
import Hummingbird
import ServiceHTTP

/// The routes that take a request forward or look across requests: pass on, indication,
/// matching, close, consent withdrawal, work list, decision letter, social map.
enum CaseRoutes {
    static func add(to api: RouterGroup<FrontDeskRequestContext>, service: FrontDeskService) {
        api.post("requests/:id/pass-on") { request, context in
            let input = try await JSONBody.decode(PassOnInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.passOn(try RequestRoutes.id(context), input, by: context.requireStaff()),
                status: .created
            )
        }
        api.post("requests/:id/indication") { request, context in
            let input = try await JSONBody.decode(IndicationInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.requestIndication(try RequestRoutes.id(context), input, by: context.requireStaff())
            )
        }
        api.post("requests/:id/matching") { request, context in
            let input = try await JSONBody.decode(MatchingInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.requestMatching(try RequestRoutes.id(context), input, by: context.requireStaff())
            )
        }
        api.post("requests/:id/close") { request, context in
            let input = try await JSONBody.decode(CloseInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.closeRequest(try RequestRoutes.id(context), input, by: context.requireStaff())
            )
        }
        api.post("consents/:id/withdrawal") { _, context in
            try JSONBody.response(
                try await service.withdrawConsent(try PersonRoutes.uuid("id", context), by: context.requireStaff())
            )
        }
        api.get("work-list") { request, context in
            let parameters = request.uri.queryParameters
            let query = try WorkListQuery(
                scope: parameters.get("scope"),
                sort: parameters.get("sort"),
                attention: parameters.get("attention"),
                page: parameters.get("page"),
                pageSize: parameters.get("pageSize")
            )
            return try JSONBody.response(try await service.workList(query, by: context.requireStaff()))
        }
        api.get("decisions/:id/letter") { _, context in
            try JSONBody.response(
                try await service.decisionLetter(try PersonRoutes.uuid("id", context), by: context.requireStaff())
            )
        }
        api.get("partners") { _, context in
            try JSONBody.response(try await service.socialMap(by: context.requireStaff()).partners)
        }
        api.post("partners") { request, context in
            let input = try await JSONBody.decode(PartnerInput.self, from: request, context: context)
            return try JSONBody.response(try await service.addPartner(input, by: context.requireStaff()), status: .created)
        }
    }
}
