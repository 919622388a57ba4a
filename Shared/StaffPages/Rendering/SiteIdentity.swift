/// What tells one service's staff site from another's: its name, who it is for, and its main
/// navigation. The look (layout, stylesheet, form controls) is the same for every service.
public struct SiteIdentity: Sendable {
    /// The name in the header and `<title>`.
    public var name: String
    /// Who may log in, as the login page says it (`medewerkers van het Wmo-loket`).
    public var audience: String
    /// The main navigation, shown once logged in.
    public var navigation: [Chrome.NavLink]
    /// Where a logged-in user starts (and is sent after login).
    public var home: String
    /// The label of a link to `home` on refusal pages (`Naar de werklijst`).
    public var homeLabel: String
    /// The session cookie's name (without the `__Host-` prefix), different for every service.
    public var cookieName: String

    public init(
        name: String,
        audience: String,
        navigation: [Chrome.NavLink],
        home: String,
        homeLabel: String = "Naar de werklijst",
        cookieName: String
    ) {
        self.homeLabel = homeLabel
        self.name = name
        self.audience = audience
        self.navigation = navigation
        self.home = home
        self.cookieName = cookieName
    }
}
