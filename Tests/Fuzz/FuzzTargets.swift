import Contracts
import Foundation
import Storage

@testable import Messaging
@testable import ReliableMessaging

/// What the fuzzer drives: the paths bytes from outside take into a service. Each target
/// must return normally for any input; a trap is a bug.
enum FuzzTargets {
    /// `delivery`: `[2-byte big-endian length L][L bytes: encoded basic properties][body]`,
    /// through librabbitmq's property decoder, the kit's C→Swift copy, the envelope and
    /// contract decoding with validation, and the dead-letter header copy.
    static func delivery(_ input: [UInt8]) {
        guard input.count >= 2 else { return }
        let length = min(Int(input[0]) << 8 | Int(input[1]), input.count - 2)
        let properties = Array(input[2..<(2 + length)])
        let body = Data(input[(2 + length)...])
        guard let delivery = Delivery.decoding(encodedProperties: properties, body: body) else { return }
        var headers = delivery.properties.headers.mapValues(\.stringValue)
        headers[Topology.deadLetterReasonHeader] = "fuzz"
        _ = try? JSONSerialization.data(withJSONObject: headers, options: [.sortedKeys])
        _ = delivery.properties.headers[Topology.retryCountHeader]?.integerValue
        _ = Inbox.replayId(of: delivery)
        do throws(DeadLetterReason) {
            _ = try handlers.prepare(delivery.body)
        } catch {
            _ = error.description
        }
    }

    /// `row`: fields separated by 0x00; the first byte says which fields are NULL (bit i for
    /// field i). Every field is decoded as every column type the services read, and the
    /// fields as an outbox row, as the relay reads it.
    static func row(_ input: [UInt8]) {
        guard let mask = input.first else { return }
        let fields = input.dropFirst().split(separator: 0, omittingEmptySubsequences: false)
        let values: [String?] = fields.enumerated().map { index, bytes in
            index < 8 && mask & (1 << index) != 0 ? nil : String(decoding: bytes, as: UTF8.self)
        }
        let columns = values.indices.map { "c\($0)" }
        let row = Row(columns: columns, values: values)
        for index in -1...values.count {
            _ = try? row.decodeIfPresent(String.self, at: index)
            _ = try? row.decodeIfPresent(Int.self, at: index)
            _ = try? row.decodeIfPresent(Int64.self, at: index)
            _ = try? row.decodeIfPresent(Int32.self, at: index)
            _ = try? row.decodeIfPresent(Double.self, at: index)
            _ = try? row.decodeIfPresent(Bool.self, at: index)
            _ = try? row.decodeIfPresent(UUID.self, at: index)
            _ = try? row.decodeIfPresent(Date.self, at: index)
            _ = try? row.decodeIfPresent(Data.self, at: index)
            _ = try? row.decodeIfPresent([String].self, at: index)
            _ = try? row.decodeIfPresent([Int].self, at: index)
            _ = try? row.decodeIfPresent([UUID].self, at: index)
            _ = try? row.decode(String.self, at: index)
        }
        let outboxColumns = [
            "id", "seq", "exchange", "routing_key", "message_id", "message_type", "correlation_id", "headers", "body",
            "created_at",
        ]
        let padded = (values + Array(repeating: nil, count: outboxColumns.count)).prefix(outboxColumns.count)
        _ = try? OutboxStore.decode(Row(columns: outboxColumns, values: Array(padded)), id: UUID(), producer: "fuzz")
    }

    /// Handlers for every contract type, as a consumer of all of them would register.
    static let handlers: MessageHandlers = {
        var handlers = MessageHandlers()
        handlers.on(RequestPassedOn.self) { _, _, _ in }
        handlers.on(ConsentWithdrawn.self) { _, _, _ in }
        handlers.on(RequestClosed.self) { _, _, _ in }
        handlers.on(IndicationRequested.self) { _, _, _ in }
        handlers.on(MatchingRequested.self) { _, _, _ in }
        handlers.on(ReferralAccepted.self) { _, _, _ in }
        handlers.on(ReferralDeclined.self) { _, _, _ in }
        handlers.on(ReferralContacted.self) { _, _, _ in }
        handlers.on(ReferralCompleted.self) { _, _, _ in }
        handlers.on(IndicationDecided.self) { _, _, _ in }
        handlers.on(PanelInvitationRequested.self) { _, _, _ in }
        handlers.on(PanelMemberInvited.self) { _, _, _ in }
        handlers.on(ProposalClosed.self) { _, _, _ in }
        handlers.on(MatchingMatched.self) { _, _, _ in }
        handlers.on(MatchingFailed.self) { _, _, _ in }
        handlers.on(AdviceRequested.self) { _, _, _ in }
        handlers.on(AdviceGiven.self) { _, _, _ in }
        handlers.on(InformalSupportRequested.self) { _, _, _ in }
        handlers.on(AllocationIssued.self) { _, _, _ in }
        handlers.on(AllocationAcknowledged.self) { _, _, _ in }
        handlers.on(AllocationRejected.self) { _, _, _ in }
        handlers.on(CareStarted.self) { _, _, _ in }
        handlers.on(CareStopped.self) { _, _, _ in }
        handlers.on(CareEnded.self) { _, _, _ in }
        handlers.on(ProviderMessageReceipt.self) { _, _, _ in }
        handlers.on(AllocationRequested.self) { _, _, _ in }
        handlers.on(AllocationChangeRequested.self) { _, _, _ in }
        handlers.on(AllocationRequestAnswered.self) { _, _, _ in }
        handlers.on(BudgetOverrunThreatened.self) { _, _, _ in }
        handlers.on(ArrangementInsufficient.self) { _, _, _ in }
        handlers.on(MessageRejected.self) { _, _, _ in }
        handlers.on(PartnerRequestSubmitted.self) { _, _, _ in }
        handlers.on(RequestReceived.self) { _, _, _ in }
        handlers.on(SignalRegistered.self) { _, _, _ in }
        handlers.on(SignalWithdrawn.self) { _, _, _ in }
        handlers.on(SignalRecorded.self) { _, _, _ in }
        handlers.on(MatchNotified.self) { _, _, _ in }
        handlers.on(SignalForwarded.self) { _, _, _ in }
        handlers.on(FederationMatched.self) { _, _, _ in }
        handlers.on(PersonDeceased.self) { _, _, _ in }
        handlers.on(VolunteerRegistered.self) { _, _, _ in }
        handlers.on(VolunteerRecorded.self) { _, _, _ in }
        handlers.on(ProposalOffered.self) { _, _, _ in }
        handlers.on(ProposalAnswered.self) { _, _, _ in }
        handlers.on(MatchingEnded.self) { _, _, _ in }
        handlers.on(CarerOverburdened.self) { _, _, _ in }
        handlers.on(CarerAppreciationListed.self) { _, _, _ in }
        return handlers
    }()
}
