public import Foundation
public import ReliableMessaging

/// Every message type the front desk consumes, one handler each.
public enum FrontDeskHandlers {
    /// The handlers of the desk's inbound queue; `deadlines` start the terms of requests that
    /// partner desks submit, `clock` is the time of receipt (tests inject a fixed one).
    public static func make(
        deadlines: StatutoryDeadlines = StatutoryDeadlines(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> MessageHandlers {
        var handlers = MessageHandlers()
        PartnerReferralHandlers.register(in: &handlers, clock: clock)
        PartnerDeskHandler.register(in: &handlers, deadlines: deadlines)
        IndicationDecidedHandler.register(in: &handlers)
        MatchingOutcomeHandlers.register(in: &handlers)
        CarerOutreachHandler.register(in: &handlers)
        PanelInvitationHandler.register(in: &handlers)
        return handlers
    }
}
