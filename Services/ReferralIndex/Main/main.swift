import Contracts
import Foundation
import ReferralIndex

/// `referral-index` serves the professionals' API, the inbound consumer, the outbox relay and
/// the scheduled removal; the other commands designate organisations and seed the demo.
let usage = """
    usage: referral-index [serve]                              run the referral index (settings from the environment)
           referral-index add-organisation <login> <name>      designate an organisation (e.g. 0202-jeugdzorg); prints its API key once
           referral-index seed-demo                            add the demo organisations and accounts; print the logins
    """

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "serve":
    try await ReferralIndexServer.serve()
case "add-organisation":
    guard arguments.count >= 3, let key = OrganisationKey(arguments[1]) else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    let apiKey = try await ReferralIndexServer.addOrganisation(key, name: arguments[2...].joined(separator: " "))
    print("organisation \(key) designated; API key (shown once): \(apiKey)")
case "seed-demo":
    for line in try await ReferralIndexServer.seedDemo() { print(line) }
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
