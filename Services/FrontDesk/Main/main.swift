import Foundation
import FrontDesk

/// `front-desk` serves the desk (API, consumer, outbox relay); `front-desk seed-demo` writes
/// the demo data and prints the logins.
let usage = """
    usage: front-desk [serve]      run the front desk (settings from the environment)
           front-desk seed-demo    add demo municipalities, staff, partners, persons; print the logins
    """

switch CommandLine.arguments.dropFirst().first {
case nil, "serve":
    try await FrontDeskServer.serve()
case "seed-demo":
    for line in try await FrontDeskServer.seedDemo() { print(line) }
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
