"""Writes the fuzz harness's seed corpus (Tests/Fuzz/Corpus) from real messages.

delivery/: every example of docs/asyncapi.yaml as the broker delivers it (pika encodes the
basic properties exactly as they travel), with the kit's headers and one seed per AMQP field
type, plus the bad inputs the kit must survive (empty, not JSON, deep JSON, wrong types).
row/: outbox rows and column texts as PostgreSQL returns them.
Run: python3 Tests/Fuzz/make_seeds.py (needs pika and PyYAML; the output is committed).
"""
import datetime
import decimal
import hashlib
import json
import os
import struct

import pika
import yaml

ROOT = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(ROOT, "..", "..", "docs", "asyncapi.yaml")


def encode_properties(properties):
    return b"".join(properties.encode())


def delivery_seed(properties, body):
    encoded = encode_properties(properties)
    return struct.pack(">H", len(encoded)) + encoded + body


def write(folder, name, data):
    path = os.path.join(ROOT, "Corpus", folder)
    os.makedirs(path, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:12]
    with open(os.path.join(path, f"{name}-{digest}"), "wb") as handle:
        handle.write(data)


def main():
    document = yaml.safe_load(open(DOCS))
    messages = document.get("components", {}).get("messages", {})
    for name, message in messages.items():
        for example in message.get("examples", []) or []:
            payload = example.get("payload")
            if payload is None:
                continue
            body = json.dumps(payload).encode()
            headers = dict(example.get("headers") or {})
            properties = pika.BasicProperties(
                content_type="application/json", delivery_mode=2,
                message_id=payload.get("messageId"), type=payload.get("type"),
                correlation_id=payload.get("correlationId"), app_id="front-desk",
                timestamp=1764547200, headers=headers)
            write("delivery", f"example-{example.get('name', name)}", delivery_seed(properties, body))
    sample = json.dumps(next(iter(messages.values()))["examples"][0]["payload"]).encode()
    every_type = {
        "s": "text", "i": 7, "big": 2**63 - 1, "neg": -(2**63), "t": True,
        "d": decimal.Decimal("12.34"), "ts": datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc),
        "b": b"\xff\xfe\x00raw", "v": None, "list": [1, "two", [3]], "table": {"nested": {"deeper": 1}},
        "x-death": [{"count": 3, "reason": "delivery_limit", "queue": "frontdesk.inbound", "routing-keys": ["k"]}],
        "x-wmo-retry-count": "9223372036854775807", "x-wmo-replay": "replay-1",
    }
    write("delivery", "every-header-type", delivery_seed(pika.BasicProperties(headers=every_type), sample))
    write("delivery", "empty-body", delivery_seed(pika.BasicProperties(type="partner.referral.accepted"), b""))
    write("delivery", "no-properties", struct.pack(">H", 2) + b"\x00\x00" + b"{}")
    write("delivery", "not-json", delivery_seed(pika.BasicProperties(), b"\xff\xfenot json"))
    write("delivery", "deep-json", delivery_seed(pika.BasicProperties(), b"[" * 100 + b"]" * 100))
    write("delivery", "wrong-types", delivery_seed(pika.BasicProperties(), json.dumps(
        {"messageId": 5, "type": ["x"], "version": "1.0", "payload": None}).encode()))
    write("delivery", "bad-version", delivery_seed(pika.BasicProperties(), sample.replace(b'"1.0"', b'"99999999999999999999.0"', 1)))

    outbox = [
        "7c1f3c1e-56a3-4f59-9ad4-1f7e5bb0f001", "42", "wmo.events", "frontdesk.request.passed-on.mee",
        "0d7f6a2c-61b2-4a47-8a3e-2b9f9b7c0a11", "frontdesk.request.passed-on",
        "1f7e5bb0-0000-4a47-8a3e-2b9f9b7c0a11", '{"x-municipality":"0202","x-schema-version":"1.0"}',
        "\\x7b7d", "2026-11-25 01:53:08.123456+00",
    ]
    write("row", "outbox-row", b"\x00" + b"\x00".join(value.encode() for value in outbox))
    write("row", "outbox-null-correlation", b"\x40" + b"\x00".join(value.encode() for value in outbox))
    columns = ["{a,\"b c\",NULL,\"q\\\"x\"}", "2026-11-25", "2026-11-25 01:53:08-02:30", "t", "-9223372036854775808",
               "\\x", "\\x0", "3.5e300", "{}", "{1,2,3}"]
    write("row", "column-texts", b"\x00" + b"\x00".join(value.encode() for value in columns))


if __name__ == "__main__":
    main()
