public import ReliableMessaging

/// Every message type the front desk consumes, one handler each.
public enum FrontDeskHandlers {
    /// The handlers of the desk's inbound queue.
    public static func make() -> MessageHandlers {
        var handlers = MessageHandlers()
        PartnerReferralHandlers.register(in: &handlers)
        PartnerDeskHandler.register(in: &handlers)
        IndicationDecidedHandler.register(in: &handlers)
        MatchingOutcomeHandlers.register(in: &handlers)
        PanelInvitationHandler.register(in: &handlers)
        return handlers
    }
}
