"""An example partner organisation, written from docs/partners.md alone.

It consumes its own queue, and for every request passed on to it answers accepted, then
contacted, then completed, through the partner exchange under its own routing keys, with its
login as user_id. With --submit it first submits a citizen's request to the desk (desk network)
and waits for the desk's receipt. Rejection notices are printed. Stops after --count passed-on
requests (or runs until Ctrl-C without --count).

    PARTNER_AMQP_URL=amqp://0202-mee:PASSWORD@127.0.0.1:5673/ PARTNER_LOGIN=0202-mee \\
        python3 Tests/Partner/example_partner.py [--count N]
"""
import argparse
import datetime
import json
import os
import sys
import uuid

import pika

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=None, help="stop after this many passed-on requests")
parser.add_argument("--submit", metavar="BSN", default=None,
                    help="first submit a request for this citizen (desk network) and wait for the desk's receipt")
parser.add_argument("--municipality", default=None, help="with --submit: the municipality's CBS code (default: from the login)")
args = parser.parse_args()

login = os.environ["PARTNER_LOGIN"]
parameters = pika.URLParameters(os.environ["PARTNER_AMQP_URL"])
connection = pika.BlockingConnection(parameters)
channel = connection.channel()
channel.confirm_delivery()  # resend what the broker did not confirm; duplicates are harmless
seen = set()  # de-duplicate on messageId (a real partner keeps this in its database)
handled = 0
receipt_pending = args.submit is not None


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def answer(request, message_type, payload):
    """One envelope about `request`, published as this partner."""
    message_id = str(uuid.uuid4())
    body = {
        "messageId": message_id, "type": message_type, "version": "1.0", "timestamp": now(),
        "correlationId": request["correlationId"], "causationId": request["messageId"],
        "municipality": request["municipality"], "producer": login, "payload": payload,
    }
    channel.basic_publish(
        exchange="wmo.partners",
        routing_key=f"partner.{login}.{message_type[len('partner.'):]}",
        body=json.dumps(body).encode(),
        properties=pika.BasicProperties(
            content_type="application/json", delivery_mode=2, message_id=message_id, type=message_type,
            correlation_id=request["correlationId"], user_id=login,
            headers={"x-schema-version": "1.0", "x-municipality": request["municipality"], "x-producer": login}),
        mandatory=False)
    print(f"{login}: sent {message_type} for referral {payload['referralId']}", flush=True)


def submit(bsn):
    """partner.request.submitted: a citizen's request, with their consent (docs/partners.md)."""
    municipality = args.municipality or login.split("-", 1)[0]
    message_id = str(uuid.uuid4())
    body = {
        "messageId": message_id, "type": "partner.request.submitted", "version": "1.0", "timestamp": now(),
        "correlationId": str(uuid.uuid4()), "municipality": municipality, "producer": login,
        "payload": {
            "submissionId": str(uuid.uuid4()), "partnerId": login.split("-", 1)[1], "consentGiven": True,
            "consentedAt": now(),
            "citizen": {"bsn": bsn, "givenNames": "Jan", "familyName": "Jansen", "birthDate": "1948-03-31",
                        "phone": "026 123 45 67"},
            "question": "Meneer redt het huishouden niet meer alleen.",
        },
    }
    channel.basic_publish(
        exchange="wmo.partners", routing_key=f"partner.{login}.request.submitted", body=json.dumps(body).encode(),
        properties=pika.BasicProperties(
            content_type="application/json", delivery_mode=2, message_id=message_id, type="partner.request.submitted",
            correlation_id=body["correlationId"], user_id=login,
            headers={"x-schema-version": "1.0", "x-municipality": municipality, "x-producer": login}))
    print(f"{login}: submitted a request for the citizen", flush=True)


def done():
    return not receipt_pending and (args.count is None or handled >= args.count)


def on_message(ch, method, properties, body):
    global handled, receipt_pending
    message = json.loads(body)
    if message["messageId"] in seen:
        ch.basic_ack(method.delivery_tag)
        return
    seen.add(message["messageId"])
    if properties.type == "frontdesk.request.passed-on":
        referral = message["payload"]["referralId"]
        partner_id = message["payload"]["partnerId"]
        answer(message, "partner.referral.accepted", {"referralId": referral, "partnerId": partner_id})
        answer(message, "partner.referral.contacted", {"referralId": referral, "partnerId": partner_id, "contactedAt": now()})
        answer(message, "partner.referral.completed", {
            "referralId": referral, "partnerId": partner_id, "summary": "Ondersteuning afgerond."})
        handled += 1
    elif properties.type == "frontdesk.consent.withdrawn":
        print(f"{login}: consent withdrawn for {message['payload']['referralId']}: contact data deleted", flush=True)
    elif properties.type == "frontdesk.request.received":
        print(f"{login}: the desk received our request as {message['payload']['requestId']}", flush=True)
        receipt_pending = False
    elif properties.type == "notice.message-rejected":
        print(f"{login}: message {message['payload']['rejectedMessageId']} refused: {message['payload']['reason']}",
              file=sys.stderr, flush=True)
    ch.basic_ack(method.delivery_tag)  # only after the effect is stored
    if args.count is not None and done():
        ch.stop_consuming()


if args.submit:
    submit(args.submit)
channel.basic_qos(prefetch_count=10)
channel.basic_consume(queue=f"partner.{login}", on_message_callback=on_message, auto_ack=False)
try:
    channel.start_consuming()
finally:
    connection.close()
