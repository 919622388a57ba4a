import Foundation
import Hummingbird
import HummingbirdAuth
import ServiceHTTP

/// Inloggen en uitloggen, the same for every service with staff pages. The login form gets a
/// short anonymous session first, so even the login POST carries a CSRF token; a successful
/// login starts a new session (new id), so a session id planted before login is worthless
/// afterwards.
struct LoginPages<User: PageUser>: Sendable {
    /// The API's password check (bcrypt against the service's account table, same cost for
    /// unknown names).
    let authenticator: PasswordAuthenticator<User>
    /// The login name of an account (what the session remembers).
    let username: @Sendable (User) -> String
    let renderer: PageRenderer
    let sessionLifetime: Duration

    /// How long the anonymous session of the login form lives.
    static var loginFormLifetime: Duration { .seconds(30 * 60) }

    /// `GET /login`.
    func show<P>(_ request: Request, context: StaffPageContext<P, User>) -> Response {
        if context.identity != nil { return .redirect(to: renderer.site.home) }
        let query = FormData(query: request.uri.query)
        let notice = query["uitgelogd"] != nil ? "U bent uitgelogd." : nil
        return form(
            context: context,
            username: "",
            back: query["terug"].flatMap(ReturnPath.safe),
            problem: nil,
            notice: notice
        )
    }

    /// `POST /login`: checks the password with bcrypt against the account table.
    func login<P>(_ request: Request, context: StaffPageContext<P, User>) async throws -> Response {
        let form = context.form
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let back = form["terug"].flatMap(ReturnPath.safe)
        let outcome: PasswordAuthenticator<User>.Outcome
        if username.isEmpty || password.isEmpty || username.count > 100 || password.count > 200 {
            outcome = .refused
        } else {
            outcome = try await authenticator.attempt(
                username: username,
                password: password,
                client: authenticator.clientAddress(of: request, peer: context.clientAddress),
                channel: "page"
            )
        }
        let user: User
        switch outcome {
        case .accepted(let account): user = account
        case .refused:
            context.logger.notice("login refused", metadata: ["username": "\(username.prefix(100))"])
            return self.form(
                context: context,
                username: username,
                back: back,
                problem: "De gebruikersnaam of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
                notice: nil
            )
        case .throttled(let seconds):
            context.logger.notice("login throttled", metadata: ["username": "\(username.prefix(100))"])
            var response = self.form(
                context: context,
                username: username,
                back: back,
                problem: "Te veel mislukte pogingen. Wacht \(seconds) seconden en probeer het dan opnieuw.",
                notice: nil
            )
            response.status = .tooManyRequests
            response.headers[.retryAfter] = "\(seconds)"
            return response
        }
        let name = self.username(user)
        context.sessions.createSession(StaffSession(username: name), expiresIn: sessionLifetime)
        context.logger.info("logged in", metadata: ["user": "\(name)", "municipality": "\(user.municipalityCode)"])
        return .redirect(to: back ?? renderer.site.home)
    }

    /// `POST /uitloggen`: ends the session (the store forgets it, the cookie expires).
    func logout<P>(_ request: Request, context: StaffPageContext<P, User>) -> Response {
        context.sessions.clearSession()
        return .redirect(to: "/login?uitgelogd=1")
    }

    private func form<P>(
        context: StaffPageContext<P, User>,
        username: String,
        back: String?,
        problem: String?,
        notice: String?
    ) -> Response {
        let token: String
        if let session = context.sessions.session {
            token = session.csrfToken
        } else {
            let session = StaffSession()
            context.sessions.createSession(session, expiresIn: Self.loginFormLifetime)
            token = session.csrfToken
        }
        let errorID = problem == nil ? nil : "login-error"
        let model = LoginPage(
            username: FieldView(
                fieldID: "username",
                fieldName: "username",
                fieldLabel: "Gebruikersnaam",
                fieldValue: username,
                describedBy: errorID,
                autocomplete: "username",
                maxLength: 100,
                isRequired: true
            ),
            password: FieldView(
                fieldID: "password",
                fieldName: "password",
                fieldLabel: "Wachtwoord",
                fieldValue: "",
                describedBy: errorID,
                inputType: "password",
                autocomplete: "current-password",
                maxLength: 200,
                isRequired: true
            ),
            loginError: problem,
            back: back,
            notice: notice
        )
        let page = Page(
            template: "login",
            title: "Inloggen",
            status: problem == nil ? .ok : .init(code: 422),
            model: model,
            problems: problem.map { [SummaryItem(href: "#username", message: $0)] } ?? []
        )
        return renderer.render(page, chrome: Chrome(title: page.title, site: renderer.site, user: nil, csrfToken: token, problems: page.problems))
    }
}

/// The data of `login.mustache`.
struct LoginPage: Sendable {
    var username: FieldView
    var password: FieldView
    var loginError: String?
    var back: String?
    var notice: String?
}
