import BenchmarkSupport
import Foundation
import NIOCore

/// The measured phases, in order; each uses the consultants and samples of the right
/// municipality, so every answer is a real hit (200/201), never a 404.
struct RegionPhases: Sendable {
    let load: HTTPLoad
    let samples: RegionSamples

    func all() async throws -> [BenchmarkResult] {
        let persons = samples.persons
        let requests = samples.requests
        let basic = samples.basic
        let consultants = samples.consultants
        let cookies = samples.cookies
        let load = load
        func search(_ body: @escaping @Sendable (RegionSamples.SampledPerson) -> String) -> @Sendable (Int, Int) async throws -> Void {
            { _, iteration in
                let person = persons[iteration % persons.count]
                try await load.send(
                    .init(
                        method: .POST,
                        path: "/api/v1/persons/search",
                        headers: [("Authorization", basic[person.municipality]!)],
                        body: body(person),
                        expect: [200]
                    )
                )
            }
        }
        var results: [BenchmarkResult] = []
        results.append(try await load.run("person search by BSN", search { #"{"bsn":"\#($0.bsn)"}"# }))
        results.append(
            try await load.run("person search by name + birth date", search { #"{"name":"\#($0.familyName)","birthDate":"\#($0.birthDate)"}"# })
        )
        results.append(try await load.run("person search by postcode", search { #"{"postcode":"\#($0.postcode)"}"# }))
        for scope in ["mine", "team"] {
            results.append(
                try await load.run("work list (\(scope)), first page of 50") { _, iteration in
                    try await load.send(
                        .init(
                            method: .GET,
                            path: "/api/v1/work-list?scope=\(scope)",
                            headers: [("Authorization", consultants[iteration % consultants.count])],
                            body: nil,
                            expect: [200]
                        )
                    )
                }
            )
        }
        results.append(
            try await load.run("request detail (API)") { _, iteration in
                let request = requests[iteration % requests.count]
                try await load.send(
                    .init(
                        method: .GET,
                        path: "/api/v1/requests/\(request.id)",
                        headers: [("Authorization", basic[request.municipality]!)],
                        body: nil,
                        expect: [200]
                    )
                )
            }
        )
        results.append(
            try await load.run("request detail page (HTML)") { _, iteration in
                let request = requests[iteration % requests.count]
                try await load.send(
                    .init(
                        method: .GET,
                        path: "/hulpvragen/\(request.id.uuidString.lowercased())",
                        headers: [("Cookie", cookies[request.municipality]!)],
                        body: nil,
                        expect: [200]
                    )
                )
            }
        )
        results.append(try await load.run("intake → clarify → pass-on (3 calls)", intakeChain()))
        return results
    }

    /// Take a request, clarify it, pass it on with consent: three API calls, one chain.
    func intakeChain() -> @Sendable (Int, Int) async throws -> Void {
        let persons = samples.persons
        let basic = samples.basic
        let load = load
        return { _, iteration in
            let person = persons[iteration % persons.count]
            let auth = [("Authorization", basic[person.municipality]!)]
            let created = try await load.send(
                .init(
                    method: .POST,
                    path: "/api/v1/requests",
                    headers: auth,
                    body: #"{"personId":"\#(person.id)","kind":"notification","channel":"counter","source":"self","text":"Ik zoek hulp in huis."}"#,
                    expect: [201]
                )
            )
            guard let id = String(buffer: created).firstMatch(of: /"id":"([0-9A-Fa-f-]{36})"/)?.1 else {
                throw HTTPLoad.Unexpected(call: "POST /api/v1/requests", status: 201, body: "no id")
            }
            try await load.send(
                .init(
                    method: .POST,
                    path: "/api/v1/requests/\(id)/clarification",
                    headers: auth,
                    body: #"{"question":"Ondersteuning bij eenzaamheid.","categories":["social-network"]}"#,
                    expect: [200]
                )
            )
            try await load.send(
                .init(
                    method: .POST,
                    path: "/api/v1/requests/\(id)/pass-on",
                    headers: auth,
                    body: #"{"partnerId":"sociaal-werk","consentItems":["phone"]}"#,
                    expect: [201]
                )
            )
        }
    }
}
