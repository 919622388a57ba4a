import CitizenPanel
import Contracts
import Foundation

/// `citizen-panel` samples closed requests and ended care for the yearly client satisfaction
/// survey and asks the desk to send the invitations; puts the researchers' consultations to its
/// members (rounds, reminders, the members' pages); takes the answers and publishes the results.
/// `seed-demo` adds last year's demo results and a demo researcher; `add-researcher` a researcher.
let usage = """
    usage: citizen-panel [serve]      run the citizen panel (settings from the environment)
           citizen-panel seed-demo    add last year's demo results of Arnhem's satisfaction survey and a demo researcher
           citizen-panel add-researcher <username> <municipality code> <name>
                                      add a researcher, or give an existing one this name, municipality and
                                      a new password (and make them active again); the password (12 or
                                      more characters) is read from stdin
    """

switch CommandLine.arguments.dropFirst().first {
case nil, "serve":
    try await CitizenPanelServer.serve()
case "seed-demo":
    for line in try await CitizenPanelServer.seedDemo() { print(line) }
case "add-researcher":
    let arguments = Array(CommandLine.arguments.dropFirst(2))
    guard arguments.count == 3, let municipality = MunicipalityCode(arguments[1]) else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
    guard let password = readLine(strippingNewline: true), password.count >= 12 else {
        FileHandle.standardError.write(Data("citizen-panel: give a password of at least 12 characters on stdin\n".utf8))
        exit(2)
    }
    try await CitizenPanelServer.addResearcher(username: arguments[0], municipality: municipality, name: arguments[2], password: password)
    print("researcher \(arguments[0]) of \(municipality.rawValue) added")
case "-h", "--help", "help":
    print(usage)
default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
