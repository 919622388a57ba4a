import Contracts
import Foundation
import FrontDesk

/// `front-desk` serves the desk (API, consumer, outbox relay); `front-desk seed-demo` writes
/// the demo data and prints the logins.
let usage = """
    usage: front-desk [serve]      run the front desk (settings from the environment)
           front-desk seed-demo    add demo municipalities, staff, partners, persons; print the logins
           front-desk demo-partners   print the broker names of the demo partners
           front-desk register-partner --municipality 0202 --id mee --name "MEE" [--categories a,b]
                                   list a partner organisation (its broker login comes from
                                   scripts/organisations.sh) and declare its queue
    """

switch CommandLine.arguments.dropFirst().first {
case nil, "serve":
    try await FrontDeskServer.serve()
case "seed-demo":
    for line in try await FrontDeskServer.seedDemo() { print(line) }
case "demo-partners":
    for key in DemoData.partnerKeys { print(key) }
case "register-partner":
    var options: [String: String] = [:]
    var arguments = Array(CommandLine.arguments.dropFirst(2))
    while arguments.count >= 2, arguments[0].hasPrefix("--") {
        options[String(arguments[0].dropFirst(2))] = arguments[1]
        arguments.removeFirst(2)
    }
    guard arguments.isEmpty, let code = options["municipality"].flatMap(MunicipalityCode.init), let id = options["id"] else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    let categories = (options["categories"] ?? "social-network").split(separator: ",").compactMap { LifeDomain(rawValue: String($0)) }
    print(
        try await FrontDeskServer.registerPartner(municipality: code, id: id, name: options["name"] ?? id, categories: categories)
    )
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
