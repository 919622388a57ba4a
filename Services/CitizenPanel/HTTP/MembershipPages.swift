import Contracts
import Foundation
import HTTPTypes
public import Hummingbird
import StaffPages

/// Joining and leaving the panel (aanmelden, afmelden): public pages, no login, Dutch, no
/// JavaScript needed. Joining needs the resident's consent; the confirmation shows the personal
/// leave link once (the panel keeps only its SHA-256). Leaving through it removes the member's data.
///
/// | method | path | page |
/// |---|---|---|
/// | GET, POST | `/aanmelden?gemeente=0202` | the sign-up form |
/// | GET, POST | `/afmelden/:token` | leave the panel |
public struct MembershipPages: Sendable {
    let service: CitizenPanelService
    let site: PanelSite

    /// The model of `signup.mustache`.
    struct SignUpModel: Sendable {
        typealias Option = PanelSite.Option
        var action: String
        var kinds: [Option]
        var ageBands: [Option]
        var sexes: [Option]
        var district: String
        /// The districts to choose from; empty: a text field.
        var districts: [Option]
        var hasDistricts: Bool
        var email: String
        var error: String?
        var errorField: String?
    }

    /// The model of `leave.mustache`.
    struct LeaveModel: Sendable {
        var action: String
    }

    public init(service: CitizenPanelService, site: PanelSite) {
        self.service = service
        self.site = site
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("aanmelden") { request, _ in
            guard let municipality = Self.municipality(request) else { return unknownMunicipality() }
            return form(municipality: municipality, form: FormData(), error: nil)
        }
        router.post("aanmelden") { request, _ in
            guard let municipality = Self.municipality(request) else { return unknownMunicipality() }
            let form = try await PanelSite.form(request, limit: 16 * 1024)
            let input = SignUpInput(
                kind: form.nonBlank("kind"),
                district: form.nonBlank("district"),
                ageBand: form.nonBlank("ageBand"),
                sex: form.nonBlank("sex"),
                email: form.nonBlank("email"),
                consent: form.isChecked("consent")
            )
            let token: String
            do {
                token = try await service.signUp(input, municipality: municipality)
            } catch let error as PanelError {
                return self.form(municipality: municipality, form: form, error: error)
            }
            return site.message(
                .ok,
                "U bent aangemeld",
                "Bedankt! U krijgt uitnodigingen per e-mail. Met /voorstellen/\(token) stelt u een stelling voor aan het panel, "
                    + "met /afmelden/\(token) meldt u zich af. Elke uitnodiging brengt u nieuwe links; dan werken deze niet meer."
            )
        }
        router.get("afmelden/:token") { _, context in
            let model = LeaveModel(action: "/afmelden/\(context.parameters.get("token") ?? "")")
            let page = Page(template: "leave", title: "Afmelden voor het burgerpanel", model: model)
            return site.render(page)
        }
        router.post("afmelden/:token") { _, context in
            do {
                try await service.leave(token: context.parameters.get("token") ?? "")
            } catch let error as PanelError {
                return site.message(.notFound, "Deze link werkt niet (meer)", error.message)
            }
            return site.message(
                .ok,
                "U bent afgemeld",
                "Uw gegevens zijn verwijderd. Antwoorden die u eerder gaf, blijven bewaard zonder uw naam of adres."
            )
        }
    }

    static func municipality(_ request: Request) -> MunicipalityCode? {
        request.uri.queryParameters.get("gemeente").flatMap { MunicipalityCode(String($0)) }
    }

    private func form(municipality: MunicipalityCode, form: FormData, error: PanelError?) -> Response {
        func options(_ name: String, _ values: [(String, String)]) -> [SignUpModel.Option] {
            values.map { SignUpModel.Option(optionID: "\(name)-\($0.0)", value: $0.0, label: $0.1, checked: form[name] == $0.0) }
        }
        var field: String?
        if case .invalidSignUp(let name, _) = error { field = name }
        if error == .consentMissing { field = "consent" }
        let model = SignUpModel(
            action: "/aanmelden?gemeente=\(municipality.rawValue)",
            kinds: options("kind", PanelMember.Kind.allCases.map { ($0.rawValue, $0.dutchName) }),
            ageBands: options("ageBand", AgeBand.allCases.map { ($0.rawValue, "\($0.rawValue) jaar") }),
            sexes: options("sex", Array(zip(SatisfactionSurvey.sexes, ["Vrouw", "Man", "Anders"]))),
            district: form["district"] ?? "",
            districts: options("district", service.districts(of: municipality).sorted().map { ($0, $0) }),
            hasDistricts: !service.districts(of: municipality).isEmpty,
            email: form["email"] ?? "",
            error: error?.message,
            errorField: field
        )
        var page = Page(template: "signup", title: "Aanmelden voor het burgerpanel", model: model)
        if error != nil { page.status = .unprocessableContent }
        return site.render(page)
    }

    private func unknownMunicipality() -> Response {
        site.message(
            .badRequest,
            "Welke gemeente?",
            "Open het aanmeldformulier via de website van uw gemeente (bijvoorbeeld /aanmelden?gemeente=0202)."
        )
    }
}
