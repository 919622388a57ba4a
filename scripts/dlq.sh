#!/usr/bin/env bash
# Usage: scripts/dlq.sh list <queue> [--limit N] [--json] [--full]
#        scripts/dlq.sh replay <queue> [--limit N] [--dry-run]
#   Inspects and replays the dead-letter queue <queue>.dlq of a consuming queue, e.g.
#   frontdesk.inbound (docs/operations.md).
#   list    prints the dead letters with their reason; they stay in the queue.
#   replay  moves them back to <queue>, one by one with publisher confirms: original body and
#           properties, without the dead-letter and retry headers, with a fresh x-wmo-replay
#           header. Only a message carrying that header is applied again after it was
#           dead-lettered (once per replay); a copy without it is a duplicate.
#   At most the number of messages in the queue when the command starts (or --limit N) are
#   handled, so a message that fails again is not replayed twice in one run.
#   Broker: AMQP_URL, else the private instance of WMO_INSTANCE (dev). Needs python3 with pika
#   (scripts/install-deps.sh --python).
set -euo pipefail

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

case "${1:-}" in
    list|replay) ;;
    -h|--help|help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
[[ -n "${2:-}" && "${2:0:1}" != - ]] || { usage >&2; exit 2; }

# An explicit URL wins; otherwise take the private instance's (instance.sh overwrites it).
amqp_url="${AMQP_URL:-}"
if [[ -z "$amqp_url" ]]; then
    source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
    amqp_url="$AMQP_URL"
fi

python3 -c 'import pika' 2>/dev/null || {
    echo "dlq: python3 with pika is needed: scripts/install-deps.sh --python" >&2
    exit 1
}
exec env DLQ_AMQP_URL="$amqp_url" python3 - "$@" <<'PY'
"""Lists or replays <queue>.dlq; see the header of scripts/dlq.sh."""
import argparse
import datetime
import json
import os
import signal
import sys
import uuid

import pika

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `scripts/dlq.sh list q | head` ends quietly

# Headers that describe the failure, not the message: a replay starts without them.
FAILURE_HEADERS = {
    "x-wmo-dead-letter-reason", "x-wmo-dead-letter-queue", "x-wmo-retry-count",
    "x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason",
    "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason",
    "x-delivery-count", "x-wmo-replay",
}

parser = argparse.ArgumentParser(prog="scripts/dlq.sh")
parser.add_argument("command", choices=["list", "replay"])
parser.add_argument("queue", help="the consuming queue, e.g. frontdesk.inbound (not the .dlq)")
parser.add_argument("--limit", type=int, default=None, help="handle at most N messages")
parser.add_argument("--json", action="store_true", help="list: one JSON object per line")
parser.add_argument("--full", action="store_true", help="list: the whole body, not the first 300 characters")
parser.add_argument("--dry-run", action="store_true", help="replay: show what would be replayed, change nothing")
args = parser.parse_args()

queue = args.queue[:-4] if args.queue.endswith(".dlq") else args.queue
dlq = queue + ".dlq"
parameters = pika.URLParameters(os.environ["DLQ_AMQP_URL"])
login = parameters.credentials.username


def text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [text(v) for v in value]
    return value


def describe(number, properties, body):
    headers = properties.headers or {}
    stamp = None
    if properties.timestamp:
        stamp = datetime.datetime.fromtimestamp(properties.timestamp, datetime.timezone.utc).isoformat()
    content = body.decode("utf-8", "replace")
    return {
        "n": number,
        "message_id": properties.message_id,
        "type": properties.type,
        "correlation_id": properties.correlation_id,
        "app_id": properties.app_id,
        "user_id": properties.user_id,
        "timestamp": stamp,
        "reason": text(headers.get("x-wmo-dead-letter-reason")),
        "dead_lettered_from": text(headers.get("x-wmo-dead-letter-queue")),
        "retries": text(headers.get("x-wmo-retry-count")),
        "headers": {k: text(v) for k, v in headers.items() if k not in FAILURE_HEADERS},
        "body": content if args.full or len(content) <= 300 else content[:300] + "…",
    }


def print_record(record):
    if args.json:
        print(json.dumps(record, ensure_ascii=False, default=str))
        return
    print(f"#{record['n']}  {record['type']}  message_id={record['message_id']}  correlation_id={record['correlation_id']}")
    print(f"    reason:   {record['reason']}")
    print(f"    from:     {record['dead_lettered_from']}   retries: {record['retries'] or 0}   "
          f"app_id: {record['app_id']}   at: {record['timestamp']}")
    if record["headers"]:
        print(f"    headers:  {json.dumps(record['headers'], ensure_ascii=False, default=str)}")
    print(f"    body:     {record['body']}")


def replay_properties(properties):
    headers = {k: v for k, v in (properties.headers or {}).items() if k not in FAILURE_HEADERS}
    # The consumer applies a dead-lettered message again only with a replay id it has not seen.
    headers["x-wmo-replay"] = str(uuid.uuid4())
    user_id = properties.user_id
    if user_id and user_id != login:
        # RabbitMQ refuses a publish whose user_id is not the login: keep it as a header instead.
        headers.setdefault("x-wmo-original-user-id", user_id)  # the consumer recorded the real sender
        user_id = None
    return pika.BasicProperties(
        content_type=properties.content_type, content_encoding=properties.content_encoding,
        headers=headers, delivery_mode=properties.delivery_mode or 2, priority=properties.priority,
        correlation_id=properties.correlation_id, reply_to=properties.reply_to,
        message_id=properties.message_id, timestamp=properties.timestamp, type=properties.type,
        user_id=user_id, app_id=properties.app_id)
    # expiration is dropped on purpose: a replayed message must not expire on its way back.


connection = pika.BlockingConnection(parameters)
channel = connection.channel()
try:
    waiting = channel.queue_declare(dlq, passive=True).method.message_count
except pika.exceptions.ChannelClosedByBroker as error:
    raise SystemExit(f"dlq: queue {dlq} not found ({error.reply_text})")
total = waiting if args.limit is None else min(waiting, args.limit)
action = "listing" if args.command == "list" else ("would replay to " if args.dry_run else "replaying to ") + queue
print(f"{dlq}: {waiting} message(s); {action} {total}", file=sys.stderr)

if args.command == "replay" and not args.dry_run:
    channel.confirm_delivery()

done = 0
for number in range(1, total + 1):
    method, properties, body = channel.basic_get(dlq, auto_ack=False)
    if method is None:
        break
    if args.command == "list" or args.dry_run:
        print_record(describe(number, properties, body))
        continue  # unacknowledged: back in the queue when the connection closes
    # Raises (and leaves the message in the DLQ) unless the broker confirmed it.
    channel.basic_publish(exchange="", routing_key=queue, body=body,
                          properties=replay_properties(properties), mandatory=True)
    channel.basic_ack(method.delivery_tag)
    done += 1
    reason = text((properties.headers or {}).get("x-wmo-dead-letter-reason"))
    print(f"replayed #{number} {properties.type} message_id={properties.message_id} (was: {reason})")

connection.close()
if args.command == "replay" and not args.dry_run:
    print(f"{dlq}: replayed {done} message(s) to {queue}", file=sys.stderr)
PY
