import Foundation
public import Hummingbird

/// An error that knows its problem: a service's domain errors conform, so `ProblemMiddleware`
/// answers them with their own message, code and status.
public protocol ProblemConvertible: Error {
    /// The problem to answer with.
    var problem: Problem { get }
}

/// An RFC 9457 problem (`application/problem+json`): `type` is `urn:wmo:problem:<code>`, `title`
/// the Dutch message for staff, `field` the form field it belongs to; `errors` lists every
/// problem when a form had several.
public struct Problem: Error, Sendable, Codable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var field: String?
    public var errors: [Item]?

    /// One of several problems with a submitted body.
    public struct Item: Sendable, Codable, Equatable {
        public var type: String
        public var title: String
        public var field: String?

        public init(type: String, title: String, field: String? = nil) {
            self.type = type
            self.title = title
            self.field = field
        }
    }

    /// Creates a problem with code `code` (becomes `urn:wmo:problem:<code>`).
    public init(code: String, title: String, status: Int, detail: String? = nil, field: String? = nil, errors: [Item]? = nil) {
        type = "urn:wmo:problem:\(code)"
        self.title = title
        self.status = status
        self.detail = detail
        self.field = field
        self.errors = errors
    }

    /// No or wrong credentials.
    public static let unauthorized = Problem(
        code: "unauthorized",
        title: "U bent niet ingelogd. Log in met uw gebruikersnaam en wachtwoord.",
        status: 401
    )

    /// No such route or resource.
    public static func notFound(_ path: String) -> Problem {
        Problem(
            code: "not-found",
            title: "Deze pagina of dit gegeven bestaat niet. Controleer het adres.",
            status: 404,
            detail: path
        )
    }

    /// The body is not JSON of the expected shape.
    public static func malformedJSON(_ detail: String) -> Problem {
        Problem(
            code: "malformed-json",
            title: "De gegevens konden niet worden gelezen: het is geen geldige JSON in de verwachte vorm.",
            status: 400,
            detail: detail
        )
    }

    /// Too many failed logins for the user name or the client address.
    public static func tooManyAttempts(retryAfter seconds: Int) -> Problem {
        Problem(
            code: "too-many-attempts",
            title: "Te veel mislukte pogingen om in te loggen. Wacht \(seconds) seconden en probeer het opnieuw.",
            status: 429,
            detail: "\(seconds)"
        )
    }

    /// The body is not declared as JSON.
    public static func unsupportedMediaType(_ contentType: String?) -> Problem {
        Problem(
            code: "unsupported-media-type",
            title: "Stuur de gegevens als JSON, met Content-Type: application/json.",
            status: 415,
            detail: contentType.map { "Content-Type was \($0)" } ?? "no Content-Type"
        )
    }

    /// The body is larger than allowed.
    public static func bodyTooLarge(limit: Int) -> Problem {
        Problem(
            code: "body-too-large",
            title: "De gegevens zijn te groot (meer dan \(limit / 1024) KiB). Kort de tekst in.",
            status: 413
        )
    }

    /// A path or query parameter that does not parse.
    public static func invalidParameter(_ name: String) -> Problem {
        Problem(
            code: "invalid-parameter",
            title: "De waarde van ‘\(name)’ in het adres is ongeldig.",
            status: 400,
            field: name
        )
    }

    /// Anything unexpected: the details go to the log, not to the client.
    public static func internalError(requestID: String) -> Problem {
        Problem(
            code: "internal-error",
            title: "Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld dan deze code.",
            status: 500,
            detail: requestID
        )
    }

    /// The database or broker is unreachable for a moment.
    public static let unavailable = Problem(
        code: "unavailable",
        title: "Het systeem is even niet bereikbaar. Probeer het over een minuut opnieuw.",
        status: 503
    )

    /// The problem as an HTTP response.
    public func response(headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data(#"{"status":500}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        headers.append(contentsOf: extra)
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
