import Foundation
import Indication

/// `indication` serves the assessors' API, the inbound consumer and the outbox relay;
/// `indication seed-demo` adds the demo assessors and prints their logins.
let usage = """
    usage: indication [serve]      run the indication service (settings from the environment)
           indication seed-demo    add the demo assessors; print the logins
    """

switch CommandLine.arguments.dropFirst().first {
case nil, "serve":
    try await IndicationServer.serve()
case "seed-demo":
    for line in try await IndicationServer.seedDemo() { print(line) }
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
