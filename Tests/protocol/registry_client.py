#!/usr/bin/env python3
"""A registry client written only from docs/protocol.md, as a developer in another language would.

usage: registry_client.py REQUESTS EVENTS    (the registry's endpoints: tcp://127.0.0.1:41233 …)
       registry_client.py PORT_BASE          (a registry on a port plan: requests at base, events at base+1)
Imports a school and two students, records a status change, reads them back, follows the event
stream from seq 0 with replay and checks the sequence is gap-free. Prints `N passed, 0 failed`
and exits 0 when every check holds.
"""
import json
import sys
import uuid

import zmq

if len(sys.argv) == 3:
    requests_endpoint, events_endpoint = sys.argv[1], sys.argv[2]
else:
    base = int(sys.argv[1])
    requests_endpoint, events_endpoint = f"tcp://127.0.0.1:{base}", f"tcp://127.0.0.1:{base + 1}"
ctx = zmq.Context()
checks = {"passed": 0, "failed": 0}


def check(condition, what):
    if condition:
        checks["passed"] += 1
    else:
        checks["failed"] += 1
        print("FAILED:", what, file=sys.stderr)


def id_number(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


dealer = ctx.socket(zmq.DEALER)
dealer.setsockopt(zmq.LINGER, 0)
dealer.connect(requests_endpoint)
actor = {"user": "python", "role": "county-operator", "via": "cli"}


def call(kind, body, request_id=None):
    header = {"v": 1, "type": kind, "id": request_id or str(uuid.uuid4()), "actor": actor,
              "sentAt": "2026-11-29T00:00:00.000Z"}
    dealer.send_multipart([b"", json.dumps(header).encode(), json.dumps(body, ensure_ascii=False).encode()])
    if not dealer.poll(10000):
        raise SystemExit("no reply within 10 s")
    frames = dealer.recv_multipart()
    reply_header = json.loads(frames[1])
    check(reply_header.get("correlationId") == header["id"], "reply correlates with the request id")
    return reply_header, json.loads(frames[2]), frames[3:]


h, status, _ = call("service.status", {})
check(h["status"] == "ok" and status["service"] == "registry", "service.status answers")

school = {"code": "2510123901", "name": "协议测试小学", "type": "小学", "township": "510123109"}
h, report, _ = call("registry.schools.import", {"rows": [{"row": 1, "record": school}]})
check(h["status"] == "ok" and report["imported"] == 1, "school imported")

first = id_number("51012320150301" + "101")
second = id_number("51012320150302" + "202")
students = []
for index, (ident, sex, birth) in enumerate([(first, "male", "2015-03-01"), (second, "female", "2015-03-02")], start=1):
    students.append({"row": index, "record": {
        "name": "阿依古丽·买买提" if index == 2 else "王䶮", "sex": sex, "birthDate": birth,
        "idNumber": ident, "studentNumber": "G" + ident, "schoolCode": school["code"], "grade": 5,
        "attendance": "走读", "registeredPoor": index == 1, "subsistence": False, "disability": "否",
        "leftBehind": "非留守", "guardianPhone": "13800001111"}})
request_id = str(uuid.uuid4())
h, report, _ = call("registry.students.import", {"rows": students}, request_id)
check(report["imported"] == 2, "students imported")
h, again, _ = call("registry.students.import", {"rows": students}, request_id)
check(again == report, "a retried request id gets its first answer")

h, change, _ = call("registry.students.change", {"student": first, "kind": "dropOut", "date": "2026-11-02",
                                                  "documents": [], "causes": ["weariness"], "reason": "不想上学"})
check(h["status"] == "ok" and change["student"]["status"] == "droppedOut", "dropout recorded")
check(change["change"]["missingDocuments"] == ["学校报告"], "missing documents listed")

h, refused, _ = call("registry.students.change", {"student": first, "kind": "resume", "date": "2026-11-03", "documents": []})
check(h["status"] == "error" and refused["code"] == "change.notAllowed", "impossible change refused with a code")

h, detail, _ = call("registry.students.get", {"key": first})
check(detail["student"]["record"]["name"] == "王䶮" and len(detail["changes"]) == 1, "single record with history")

h, page, _ = call("registry.students.list", {"school": school["code"], "limit": 1})
check(page["total"] == 2 and page["nextCursor"], "paged list")

h, error, _ = call("registry.no.such.thing", {})
check(error["code"] == "request.unknownType", "unknown type is an error, not a crash")

# Follow the events: replay everything from 0, then check gap-free sequence numbers.
subscriber = ctx.socket(zmq.SUB)
subscriber.setsockopt(zmq.LINGER, 0)
subscriber.setsockopt(zmq.SUBSCRIBE, b"registry.")
subscriber.connect(events_endpoint)
seqs = []
after = 0
while True:
    h, batch, extra = call("registry.replay", {"after": after, "limit": 1000})
    for i in range(0, len(extra), 3):
        topic, header, body = extra[i].decode(), json.loads(extra[i + 1]), json.loads(extra[i + 2])
        check(topic.startswith(header["type"]), "topic starts with the event type")
        seqs.append(header["seq"])
    if batch["count"] == 0 or seqs[-1] >= batch["lastSeq"]:
        break
    after = seqs[-1]
check(seqs == list(range(1, len(seqs) + 1)), "replayed sequence is gap-free from 1")
check(len(seqs) >= 4, "school, two students and the change were published")

# A heartbeat arrives within two seconds and names the last sequence number.
heartbeat = None
if subscriber.poll(3000):
    while subscriber.poll(1500):
        topic, header, body = subscriber.recv_multipart()
        if topic == b"registry.heartbeat":
            heartbeat = json.loads(header)
            break
check(heartbeat is not None and heartbeat["seq"] >= seqs[-1], "heartbeat carries the publisher's last seq")

print(f"{checks['passed']} passed, {checks['failed']} failed")
sys.exit(0 if checks["failed"] == 0 else 1)
