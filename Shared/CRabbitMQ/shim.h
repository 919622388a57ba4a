// librabbitmq as seen from Swift: the headers (flat in 0.11, under rabbitmq-c/ from 0.12)
// and a non-variadic login, because Swift cannot call C-variadic functions.
#ifndef WMO_CRABBITMQ_SHIM_H
#define WMO_CRABBITMQ_SHIM_H

#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/tcp_socket.h>
#else
#include <amqp.h>
#include <amqp_tcp_socket.h>
#endif
#include <string.h>
#include <stdlib.h>

/// Logs in with PLAIN credentials and advertises the `consumer_cancel_notify` and
/// `publisher_confirms` capabilities, so that a deleted queue cancels our consumer
/// (basic.cancel) instead of leaving it silently waiting.
static inline amqp_rpc_reply_t wmo_amqp_login(amqp_connection_state_t state, const char *vhost,
                                              int channel_max, int frame_max, int heartbeat,
                                              const char *user, const char *password,
                                              const char *connection_name) {
    amqp_table_entry_t capabilities[3];
    capabilities[0].key = amqp_cstring_bytes("consumer_cancel_notify");
    capabilities[0].value.kind = AMQP_FIELD_KIND_BOOLEAN;
    capabilities[0].value.value.boolean = 1;
    capabilities[1].key = amqp_cstring_bytes("publisher_confirms");
    capabilities[1].value.kind = AMQP_FIELD_KIND_BOOLEAN;
    capabilities[1].value.value.boolean = 1;
    capabilities[2].key = amqp_cstring_bytes("basic.nack");
    capabilities[2].value.kind = AMQP_FIELD_KIND_BOOLEAN;
    capabilities[2].value.value.boolean = 1;

    amqp_table_entry_t properties[2];
    properties[0].key = amqp_cstring_bytes("capabilities");
    properties[0].value.kind = AMQP_FIELD_KIND_TABLE;
    properties[0].value.value.table.num_entries = 3;
    properties[0].value.value.table.entries = capabilities;
    properties[1].key = amqp_cstring_bytes("connection_name");
    properties[1].value.kind = AMQP_FIELD_KIND_UTF8;
    properties[1].value.value.bytes = amqp_cstring_bytes(connection_name);

    amqp_table_t table;
    table.num_entries = 2;
    table.entries = properties;
    return amqp_login_with_properties(state, vhost, channel_max, frame_max, heartbeat, &table,
                                      AMQP_SASL_METHOD_PLAIN, user, password);
}

/// The method id of a decoded frame, or 0 when the frame is not a method frame.
static inline amqp_method_number_t wmo_frame_method_id(const amqp_frame_t *frame) {
    if (frame->frame_type != AMQP_FRAME_METHOD) return 0;
    return frame->payload.method.id;
}

#endif
