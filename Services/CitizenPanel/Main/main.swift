import CitizenPanel
import Foundation

/// `citizen-panel` samples closed requests and ended care for the yearly client satisfaction
/// survey, asks the desk to send the invitations, takes the answers on the questionnaire page and
/// publishes the results; `seed-demo` adds last year's demo results.
let usage = """
    usage: citizen-panel [serve]      run the citizen panel (settings from the environment)
           citizen-panel seed-demo    add last year's demo results of Arnhem's satisfaction survey
    """

switch CommandLine.arguments.dropFirst().first {
case nil, "serve":
    try await CitizenPanelServer.serve()
case "seed-demo":
    for line in try await CitizenPanelServer.seedDemo() { print(line) }
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
