public import ReliableMessaging

/// Every message type indication consumes, one handler each.
public enum IndicationHandlers {
    /// The handlers of indication's inbound queue, applying `service`'s rules.
    public static func make(service: IndicationService) -> MessageHandlers {
        var handlers = MessageHandlers()
        IntakeHandler.register(in: &handlers, service: service)
        ArrangementReportHandler.register(in: &handlers, service: service)
        AdviceHandler.register(in: &handlers)
        MatchingOutcomeHandler.register(in: &handlers, service: service)
        ProviderHandlers.register(in: &handlers, service: service)
        return handlers
    }
}
