import Foundation
public import HTTPTypes
public import HummingbirdTesting
public import NIOCore

/// A browser's state on a service's staff pages in an HTTP test: the session cookie and the
/// page's CSRF token, and the steps a browser takes (log in, post a form).
public struct PageSession: Sendable {
    public var cookie: String
    public var token: String

    /// The CSRF token in a page.
    public static func token(in body: ByteBuffer) throws -> String {
        guard let match = String(buffer: body).firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/) else {
            throw PageSessionFailure(description: "no CSRF token in the page")
        }
        return String(match.1)
    }

    /// The `name=value` of the response's cookie.
    public static func cookie(of response: TestResponse) throws -> String {
        guard let cookie = response.headers[.setCookie]?.split(separator: ";").first.map(String.init) else {
            throw PageSessionFailure(description: "no Set-Cookie in the response (status \(response.status))")
        }
        return cookie
    }

    /// Logs in through the login form as a browser does, lands on `home`, and returns the session.
    /// - Throws: when a step does not answer as a browser expects (status, redirect, cookie name).
    public static func logIn(
        _ client: some TestClientProtocol,
        username: String,
        password: String,
        home: String,
        cookieName: String
    ) async throws -> PageSession {
        let (formCookie, token) = try await client.execute(uri: "/login", method: .get) { response in
            (try cookie(of: response), try Self.token(in: response.body))
        }
        let form = "_csrf=\(token)&username=\(username)&password=\(password)"
        let sessionCookie = try await client.execute(
            uri: "/login",
            method: .post,
            headers: [.cookie: formCookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form)
        ) { response in
            guard response.status == .seeOther, response.headers[.location] == home else {
                throw PageSessionFailure(description: "login answered \(response.status), to \(response.headers[.location] ?? "nowhere")")
            }
            let session = try cookie(of: response)
            guard session.hasPrefix("\(cookieName)=") else { throw PageSessionFailure(description: "session cookie \(session)") }
            return session
        }
        let page = try await client.execute(uri: home, method: .get, headers: [.cookie: sessionCookie]) { response in
            guard response.status == .ok else { throw PageSessionFailure(description: "\(home) answered \(response.status)") }
            return response.body
        }
        return PageSession(cookie: sessionCookie, token: try Self.token(in: page))
    }

    /// Posts `form` (with the CSRF token) to `uri`; the status and the page.
    public func post(_ client: some TestClientProtocol, _ uri: String, _ form: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(
            uri: uri,
            method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "_csrf=\(token)&" + form)
        ) { response in (response.status, String(buffer: response.body)) }
    }

    /// Gets `uri` in this session; the status and the page.
    public func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { response in
            (response.status, String(buffer: response.body))
        }
    }
}

/// A step of a page session that did not go as a browser expects.
public struct PageSessionFailure: Error, CustomStringConvertible {
    public let description: String
}
