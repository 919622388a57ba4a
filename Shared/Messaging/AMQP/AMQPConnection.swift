import CRabbitMQ
public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One blocking librabbitmq connection with one channel.
///
/// Not thread-safe: an instance is owned by exactly one thread or serial queue (the
/// `Publisher`'s queue, the `Consumer`'s thread). Every method blocks.
public final class AMQPConnection: @unchecked Sendable {
    private let state: amqp_connection_state_t
    private let channel: amqp_channel_t = 1
    private var open = false
    /// Next publish sequence number in confirm mode (basic.ack carries it back).
    private(set) var nextPublishTag: UInt64 = 1

    /// Connects, logs in (advertising `consumer_cancel_notify`) and opens channel 1.
    public init(
        url: AMQPURL,
        name: String,
        heartbeatSeconds: Int32 = 30,
        connectTimeout: TimeInterval = 5
    )
        throws(AMQPError)
    {
        guard let state = amqp_new_connection() else { throw .connectionFailed("out of memory") }
        self.state = state  // from here on, deinit destroys it (also when init throws)
        guard let socket = amqp_tcp_socket_new(state) else {
            throw .connectionFailed("cannot create socket")
        }
        var timeout = timeval(tv_sec: Int(connectTimeout), tv_usec: 0)
        let status = amqp_socket_open_noblock(socket, url.host, Int32(url.port), &timeout)
        guard status == AMQP_STATUS_OK.rawValue else {
            throw .connectionFailed("\(url.host):\(url.port): \(String(cString: amqp_error_string2(status)))")
        }
        let reply = wmo_amqp_login(
            state,
            url.virtualHost,
            0,
            131_072,
            heartbeatSeconds,
            url.user,
            url.password,
            name
        )
        if let failure = Self.describe(reply) {
            throw .connectionFailed("login as \(url.user): \(failure)")
        }
        amqp_channel_open(state, channel)
        if let failure = Self.describe(amqp_get_rpc_reply(state)) {
            throw .connectionFailed("channel.open: \(failure)")
        }
        open = true
    }

    deinit {
        close()
        amqp_destroy_connection(state)
    }

    /// Closes channel and connection politely; safe to call twice.
    public func close() {
        guard open else { return }
        open = false
        _ = amqp_channel_close(state, channel, Int32(AMQP_REPLY_SUCCESS))
        _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
    }

    /// The socket descriptor, for `poll` in the consumer loop.
    var socketDescriptor: Int32 { amqp_get_sockfd(state) }

    /// True when frames are already read into the library's buffers.
    var hasBufferedData: Bool { amqp_data_in_buffer(state) != 0 || amqp_frames_enqueued(state) != 0 }

    // MARK: Declarations

    public func declareExchange(
        _ name: String,
        type: String,
        durable: Bool = true,
        isInternal: Bool = false
    )
        throws(AMQPError)
    {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        amqp_exchange_declare(
            state,
            channel,
            arena.bytes(name),
            arena.bytes(type),
            0,
            durable ? 1 : 0,
            0,
            isInternal ? 1 : 0,
            amqp_empty_table
        )
        try check("exchange.declare \(name)")
    }

    /// Checks that an exchange exists (passive declare: no permission needed). A missing one
    /// is an installation error: the broker's definitions were not loaded.
    public func requireExchange(_ name: String) throws(AMQPError) {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        amqp_exchange_declare(state, channel, arena.bytes(name), amqp_empty_bytes, 1, 0, 0, 0, amqp_empty_table)
        do {
            try check("exchange.declare(passive) \(name)")
        } catch {
            if case .brokerRefused(_, 404, _) = error {
                throw .brokerRefused(
                    operation: "exchange.declare(passive) \(name)",
                    code: 404,
                    message: "exchange \(name) does not exist: load the broker definitions (compose/broker/definitions.json)"
                )
            }
            throw error
        }
    }

    public func declareQueue(
        _ name: String,
        durable: Bool = true,
        arguments: [String: FieldValue] = [:]
    )
        throws(AMQPError)
    {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        let table = arena.table(arguments)
        amqp_queue_declare(state, channel, arena.bytes(name), 0, durable ? 1 : 0, 0, 0, table)
        try check("queue.declare \(name)")
    }

    public func bindQueue(_ queue: String, exchange: String, routingKey: String) throws(AMQPError) {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        amqp_queue_bind(
            state,
            channel,
            arena.bytes(queue),
            arena.bytes(exchange),
            arena.bytes(routingKey),
            amqp_empty_table
        )
        try check("queue.bind \(queue) to \(exchange) (\(routingKey))")
    }

    public func deleteQueue(_ name: String) throws(AMQPError) {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        amqp_queue_delete(state, channel, arena.bytes(name), 0, 0)
        try check("queue.delete \(name)")
    }

    /// Purges a queue and returns how many messages it dropped.
    @discardableResult
    public func purgeQueue(_ name: String) throws(AMQPError) -> Int {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        let ok = amqp_queue_purge(state, channel, arena.bytes(name))
        try check("queue.purge \(name)")
        return Int(ok?.pointee.message_count ?? 0)
    }

    /// The number of ready messages in a queue (passive declare).
    public func messageCount(_ name: String) throws(AMQPError) -> Int {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        let ok = amqp_queue_declare(state, channel, arena.bytes(name), 1, 0, 0, 0, amqp_empty_table)
        try check("queue.declare(passive) \(name)")
        return Int(ok?.pointee.message_count ?? 0)
    }

    // MARK: Publishing

    /// Puts the channel in confirm mode: every publish is then acked or nacked by the broker.
    public func enableConfirms() throws(AMQPError) {
        amqp_confirm_select(state, channel)
        try check("confirm.select")
        nextPublishTag = 1
    }

    /// Sends one message; in confirm mode returns its sequence number.
    @discardableResult
    public func publish(_ message: OutgoingMessage) throws(AMQPError) -> UInt64 {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        var properties = arena.properties(message.properties)
        let status = message.body.withUnsafeBytes { raw -> Int32 in
            let body = amqp_bytes_t(len: raw.count, bytes: UnsafeMutableRawPointer(mutating: raw.baseAddress))
            return amqp_basic_publish(
                state,
                channel,
                arena.bytes(message.exchange),
                arena.bytes(message.routingKey),
                0,
                0,
                &properties,
                body
            )
        }
        guard status == AMQP_STATUS_OK.rawValue else {
            throw .library(operation: "basic.publish", message: String(cString: amqp_error_string2(status)))
        }
        defer { nextPublishTag += 1 }
        return nextPublishTag
    }

    /// Reads broker frames until every sequence number from `firstTag` through `lastTag` is
    /// acked (earlier ones were confirmed by an earlier wait). Throws `nacked` if any of them
    /// was nacked, after reading the rest.
    public func waitForConfirms(
        from firstTag: UInt64,
        through lastTag: UInt64,
        timeout: TimeInterval = 10
    )
        throws(AMQPError)
    {
        guard firstTag > 0, firstTag <= lastTag else { return }
        var confirmedThrough: UInt64 = firstTag - 1
        var outstanding = Set<UInt64>()  // acks may come out of order (multiple=false)
        var nacked = 0
        let deadline = Date().addingTimeInterval(timeout)
        while confirmedThrough < lastTag {
            var frame = amqp_frame_t()
            var wait = timeval(tv_sec: 1, tv_usec: 0)
            let status = amqp_simple_wait_frame_noblock(state, &frame, &wait)
            if status == AMQP_STATUS_TIMEOUT.rawValue {
                if Date() > deadline { throw .library(operation: "wait for confirms", message: "no confirm in \(Int(timeout)) s") }
                continue
            }
            guard status == AMQP_STATUS_OK.rawValue else {
                throw .connectionClosed(String(cString: amqp_error_string2(status)))
            }
            let method = wmo_frame_method_id(&frame)
            guard method != 0, let decoded = frame.payload.method.decoded else { continue }  // heartbeat, body
            switch method {
            case AMQP_BASIC_ACK_METHOD:
                let ack = decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                Self.record(tag: ack.delivery_tag, multiple: ack.multiple != 0, into: &outstanding, through: &confirmedThrough)
            case AMQP_BASIC_NACK_METHOD:
                let nack = decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
                // A tag at or below what is confirmed counts once; never an unsigned underflow.
                nacked +=
                    nack.multiple != 0 && nack.delivery_tag > confirmedThrough
                    ? Int(clamping: nack.delivery_tag - confirmedThrough) : 1
                Self.record(tag: nack.delivery_tag, multiple: nack.multiple != 0, into: &outstanding, through: &confirmedThrough)
            case AMQP_CHANNEL_CLOSE_METHOD:
                open = false
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                throw .channelClosed(code: Int(close.reply_code), message: close.reply_text.string)
            case AMQP_CONNECTION_CLOSE_METHOD:
                open = false
                throw .connectionClosed(Self.closeReason(frame))
            default:
                continue  // returns carry nothing we wait for
            }
        }
        // rabbitmq-c keeps every frame it decoded in the channel's pool until this call.
        amqp_maybe_release_buffers(state)
        if nacked > 0 { throw .nacked(count: nacked) }
    }

    private static func record(tag: UInt64, multiple: Bool, into outstanding: inout Set<UInt64>, through: inout UInt64) {
        if multiple {
            through = max(through, tag)
        } else {
            outstanding.insert(tag)
        }
        while outstanding.remove(through + 1) != nil { through += 1 }
    }

    /// Lets the library answer and send heartbeats on an idle connection and notices one the
    /// broker closed (librabbitmq services heartbeats only inside its own calls). Throws when
    /// the connection is gone.
    public func keepAlive() throws(AMQPError) {
        guard open else { throw .connectionClosed("closed") }
        while true {
            var frame = amqp_frame_t()
            var zero = timeval(tv_sec: 0, tv_usec: 0)
            let status = amqp_simple_wait_frame_noblock(state, &frame, &zero)
            if status == AMQP_STATUS_TIMEOUT.rawValue { break }
            guard status == AMQP_STATUS_OK.rawValue else {
                open = false
                throw .connectionClosed(String(cString: amqp_error_string2(status)))
            }
            let method = wmo_frame_method_id(&frame)
            if method == AMQP_CHANNEL_CLOSE_METHOD || method == AMQP_CONNECTION_CLOSE_METHOD {
                open = false
                throw .connectionClosed(Self.closeReason(frame))
            }
        }
        amqp_maybe_release_buffers(state)
    }

    // MARK: Consuming

    /// Limits unacknowledged deliveries on this channel.
    public func setPrefetch(_ count: UInt16) throws(AMQPError) {
        amqp_basic_qos(state, channel, 0, count, 0)
        try check("basic.qos")
    }

    /// Starts a consumer with manual acknowledgements; returns its consumer tag.
    @discardableResult
    public func startConsuming(_ queue: String) throws(AMQPError) -> String {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        let ok = amqp_basic_consume(state, channel, arena.bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table)
        try check("basic.consume \(queue)")
        return ok?.pointee.consumer_tag.string ?? ""
    }

    /// Stops a consumer; its unacknowledged deliveries stay on the channel and may still be
    /// acked. Deliveries already on the way are kept by the library and read as usual.
    public func cancelConsuming(_ tag: String) throws(AMQPError) {
        let arena = CArena()
        defer { withExtendedLifetime(arena) {} }  // C reads its memory during the call
        amqp_basic_cancel(state, channel, arena.bytes(tag))
        try check("basic.cancel \(tag)")
    }

    /// Waits up to `timeout` for one delivery; `nil` on timeout.
    public func nextDelivery(timeout: TimeInterval, generation: Int, queue: String) throws(AMQPError) -> Delivery? {
        amqp_maybe_release_buffers(state)
        var envelope = amqp_envelope_t()
        let micros = Int(timeout * 1_000_000)
        var wait = timeval(tv_sec: micros / 1_000_000, tv_usec: micros % 1_000_000)
        let reply = amqp_consume_message(state, &envelope, &wait, 0)
        if reply.reply_type == AMQP_RESPONSE_NORMAL {
            defer { amqp_destroy_envelope(&envelope) }
            return Delivery(envelope, generation: generation)
        }
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            if reply.library_error == AMQP_STATUS_TIMEOUT.rawValue { return nil }
            if reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue {
                // Not a delivery: read the frame to learn why (cancel, close, stray ack).
                var frame = amqp_frame_t()
                let status = amqp_simple_wait_frame(state, &frame)
                guard status == AMQP_STATUS_OK.rawValue else {
                    throw .connectionClosed(String(cString: amqp_error_string2(status)))
                }
                switch wmo_frame_method_id(&frame) {
                case AMQP_BASIC_CANCEL_METHOD: throw .consumerCancelled(queue: queue)
                case AMQP_CHANNEL_CLOSE_METHOD, AMQP_CONNECTION_CLOSE_METHOD:
                    throw .connectionClosed(Self.closeReason(frame))
                default: return nil
                }
            }
            throw .connectionClosed(String(cString: amqp_error_string2(reply.library_error)))
        }
        throw .connectionClosed(Self.describe(reply) ?? "unexpected reply")
    }

    public func ack(_ tag: UInt64, multiple: Bool) throws(AMQPError) {
        let status = amqp_basic_ack(state, channel, tag, multiple ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else {
            throw .library(operation: "basic.ack", message: String(cString: amqp_error_string2(status)))
        }
    }

    public func nack(_ tag: UInt64, requeue: Bool) throws(AMQPError) {
        let status = amqp_basic_nack(state, channel, tag, 0, requeue ? 1 : 0)
        guard status == AMQP_STATUS_OK.rawValue else {
            throw .library(operation: "basic.nack", message: String(cString: amqp_error_string2(status)))
        }
    }

    // MARK: Errors

    private func check(_ operation: String) throws(AMQPError) {
        let reply = amqp_get_rpc_reply(state)
        if reply.reply_type == AMQP_RESPONSE_NORMAL { return }
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION {
            if reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                open = false
                throw .brokerRefused(operation: operation, code: Int(close.reply_code), message: close.reply_text.string)
            }
            if reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                open = false
                throw .brokerRefused(operation: operation, code: Int(close.reply_code), message: close.reply_text.string)
            }
        }
        throw .library(operation: operation, message: Self.describe(reply) ?? "unknown")
    }

    private static func describe(_ reply: amqp_rpc_reply_t) -> String? {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL: return nil
        case AMQP_RESPONSE_NONE: return "missing RPC reply"
        case AMQP_RESPONSE_LIBRARY_EXCEPTION: return String(cString: amqp_error_string2(reply.library_error))
        default:
            if reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
                return "\(close.reply_code) \(close.reply_text.string)"
            }
            if reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                return "\(close.reply_code) \(close.reply_text.string)"
            }
            return "server exception (method \(reply.reply.id))"
        }
    }

    private static func closeReason(_ frame: amqp_frame_t) -> String {
        let id = frame.payload.method.id
        guard let decoded = frame.payload.method.decoded else { return "closed by the broker (method \(id))" }
        if id == AMQP_CHANNEL_CLOSE_METHOD {
            let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            return "channel closed: \(close.reply_code) \(close.reply_text.string)"
        }
        let close = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
        return "connection closed: \(close.reply_code) \(close.reply_text.string)"
    }
}
