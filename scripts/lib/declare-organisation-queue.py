"""Declares an organisation's queue as the kit does (quorum, dead-letter queue and retry queue,
the same arguments as Shared/Messaging/Topology) and binds its rejection notices plus the routing
keys of what the services send it (e.g. indication.advice.requested.<login> for an assessor).
Usage: python3 declare-organisation-queue.py <queue> <login> [routing key ...];
broker: AMQP_URL (an administrator)."""
import os
import sys

import pika

queue, login, extra_keys = sys.argv[1], sys.argv[2], sys.argv[3:]
connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
channel = connection.channel()
channel.queue_declare(queue, durable=True, arguments={
    "x-queue-type": "quorum", "x-dead-letter-exchange": "wmo.dlx", "x-dead-letter-routing-key": queue})
channel.queue_declare(queue + ".dlq", durable=True, arguments={"x-queue-type": "quorum"})
channel.queue_bind(queue + ".dlq", "wmo.dlx", queue)
channel.queue_declare(queue + ".retry", durable=True, arguments={
    "x-dead-letter-exchange": "", "x-dead-letter-routing-key": queue})
channel.queue_bind(queue, "wmo.events", "notice.message-rejected." + login)
for key in extra_keys:
    channel.queue_bind(queue, "wmo.events", key)
connection.close()
