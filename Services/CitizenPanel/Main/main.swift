import CitizenPanel

/// The citizen panel (burgerpanel): samples closed requests for the yearly client satisfaction
/// survey, asks the desk to send the invitations, and takes the answers on the questionnaire
/// page; settings from the environment.
try await CitizenPanelServer.serve()
