import Contracts
import Foundation
import Matching

/// `matching` runs the inbound consumer (requests of the desk and indication, the volunteer
/// centres' registrations and answers), the outbox relay, the sweep and the JSON API; `add-centre`
/// registers a volunteer centre, `seed-demo` the demo.
let usage = """
    usage: matching [serve]                          run matching (settings from the environment)
           matching add-centre <login> <name>        register a volunteer centre (e.g. 0202-vrijwilligerscentrale); prints its API key once
           matching seed-demo                        add the demo coordinator, centre, volunteers and carer; print the logins
    """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "serve":
    try await MatchingServer.serve()
case "add-centre":
    guard arguments.count >= 3, let key = OrganisationKey(arguments[1]) else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    let apiKey = try await MatchingServer.addCentre(key, name: arguments[2...].joined(separator: " "))
    print("volunteer centre \(key) registered; API key (shown once): \(apiKey)")
case "seed-demo":
    for line in try await MatchingServer.seedDemo() { print(line) }
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
