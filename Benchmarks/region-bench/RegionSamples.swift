import Contracts
import Foundation
import FrontDesk
import NIOCore
import Storage

/// What the load picks from: persons and open requests drawn at random from the loaded data,
/// the consultants with their HTTP Basic header, and one logged-in page session per
/// municipality.
struct RegionSamples: Sendable {
    struct SampledPerson: Sendable {
        var id: UUID
        var municipality: String
        var bsn: String
        var familyName: String
        var birthDate: String
        var postcode: String
    }

    struct SampledRequest: Sendable {
        var id: UUID
        var municipality: String
    }

    var persons: [SampledPerson]
    var requests: [SampledRequest]
    /// `Authorization` header per consultant, all municipalities.
    var consultants: [String]
    /// `Authorization` header of consultant 0 per municipality code.
    var basic: [String: String]
    /// The page session cookie of consultant 0 per municipality code.
    var cookies: [String: String]

    static func authorization(_ username: String) -> String {
        "Basic " + Data("\(username):\(RegionData.password)".utf8).base64EncodedString()
    }

    static func draw(pool: ConnectionPool, data: RegionData, load: HTTPLoad) async throws -> RegionSamples {
        let (persons, requests) = try await pool.withTransaction { tx in
            let persons = try tx.query(
                """
                SELECT id, municipality, bsn, family_name, birth_date::text AS birth_date, postcode
                FROM persons TABLESAMPLE BERNOULLI (1) LIMIT 5000
                """
            ).rows.map { row in
                SampledPerson(
                    id: try row.decode(UUID.self, "id"),
                    municipality: try row.decode(String.self, "municipality"),
                    bsn: try row.decode(String.self, "bsn"),
                    familyName: try row.decode(String.self, "family_name"),
                    birthDate: try row.decode(String.self, "birth_date"),
                    postcode: try row.decode(String.self, "postcode")
                )
            }
            let requests = try tx.query(
                "SELECT id, municipality FROM requests WHERE status <> 'closed' ORDER BY random() LIMIT 5000"
            ).rows.map { row in
                SampledRequest(id: try row.decode(UUID.self, "id"), municipality: try row.decode(String.self, "municipality"))
            }
            return (persons, requests)
        }
        var consultants: [String] = []
        var basic: [String: String] = [:]
        var cookies: [String: String] = [:]
        for municipality in data.municipalities {
            for index in 0..<data.consultantsPerMunicipality {
                consultants.append(authorization(data.consultant(index, of: municipality).id.rawValue))
            }
            let staff = data.consultant(0, of: municipality)
            basic[municipality.rawValue] = authorization(staff.id.rawValue)
            cookies[municipality.rawValue] = try await login(staff.id.rawValue, load: load)
        }
        // Each account's password checked once before the clients start: eight clients whose
        // first requests share an unchecked account would meet the login throttle, which counts
        // an attempt as failed until its check is done.
        for header in consultants {
            try await load.send(.init(method: .GET, path: "/api/v1/me", headers: [("Authorization", header)], body: nil, expect: [200]))
        }
        return RegionSamples(persons: persons, requests: requests, consultants: consultants, basic: basic, cookies: cookies)
    }

    /// Logs in on the staff pages as a browser would and returns the session cookie.
    static func login(_ username: String, load: HTTPLoad) async throws -> String {
        let form = try await load.exchange(.init(method: .GET, path: "/login", headers: [], body: nil, expect: [200]))
        guard let formCookie = form.headers["Set-Cookie"].first?.split(separator: ";").first.map(String.init),
            let token = String(buffer: form.body).firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/)?.1
        else { throw HTTPLoad.Unexpected(call: "GET /login", status: 200, body: "no session cookie or CSRF token") }
        let done = try await load.exchange(
            .init(
                method: .POST,
                path: "/login",
                headers: [("Cookie", formCookie)],
                body: "_csrf=\(token)&username=\(username)&password=\(RegionData.password)",
                expect: [303],
                contentType: "application/x-www-form-urlencoded"
            )
        )
        guard let cookie = done.headers["Set-Cookie"].first?.split(separator: ";").first.map(String.init) else {
            throw HTTPLoad.Unexpected(call: "POST /login", status: 303, body: "no session cookie")
        }
        return cookie
    }
}
