import Contracts
import Foundation
import Matching

/// `matching` runs the inbound consumer (requests of the desk and indication, the volunteer
/// centres' registrations and answers), the outbox relay and the sweep; `add-centre` registers a
/// volunteer centre.
let usage = """
    usage: matching [serve]                          run matching (settings from the environment)
           matching add-centre <login> <name>        register a volunteer centre (e.g. 0202-vrijwilligerscentrale)
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
    try await MatchingServer.addCentre(key, name: arguments[2...].joined(separator: " "))
    print("volunteer centre \(key) registered")
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
