#!/usr/bin/env python3
"""A care-service client written only from docs/protocol.md (section 13), as a developer in
another language would: it is the example printed there, and the end-to-end tests run it.

usage: care_client.py REGISTRY_REQUESTS CARE_REQUESTS CARE_EVENTS
       care_client.py PORT_BASE          (a port plan: registry at base, care at base+6 and base+7)
Adds a school and a child to the registry, waits for the care service to learn of the child from
the registry's events, records the family (both parents away: on the ledger), registers a
surrogate parent and assigns the child, walks a micro-wish from posting to fulfilment, reads the
donor list (no ID, surname, village or guardian), and follows the care stream from seq 0 by
replay. Prints what it got and `N passed, 0 failed`; exits 0 when every check holds.
"""
import datetime
import json
import sys
import time
import uuid

import zmq

if len(sys.argv) == 4:
    registry_endpoint, care_endpoint, care_events = sys.argv[1:4]
else:
    base = int(sys.argv[1]) if len(sys.argv) > 1 else 5550
    registry_endpoint = f"tcp://127.0.0.1:{base}"
    care_endpoint, care_events = f"tcp://127.0.0.1:{base + 6}", f"tcp://127.0.0.1:{base + 7}"
context = zmq.Context()
actor = {"user": "python", "role": "county-operator", "via": "python"}
checks = {"passed": 0, "failed": 0}


def check(condition, what):
    checks["passed" if condition else "failed"] += 1
    if not condition:
        print("FAILED:", what, file=sys.stderr)


def connect(endpoint):
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(endpoint)
    return socket


registry, care = connect(registry_endpoint), connect(care_endpoint)


def call(socket, kind, body):
    """One request, one reply: (ok, body, extra frames). A real client retries as section 8 does."""
    request_id = str(uuid.uuid4())
    header = {"v": 1, "type": kind, "id": request_id, "actor": actor}
    socket.send_multipart([b"", json.dumps(header).encode(), json.dumps(body, ensure_ascii=False).encode()])
    if not socket.poll(10000):
        raise SystemExit(f"no reply to {kind} within 10 s")
    frames = socket.recv_multipart()[1:]
    reply_header = json.loads(frames[0])
    check(reply_header.get("correlationId") == request_id, f"{kind}: the reply names the request")
    return reply_header["status"] == "ok", json.loads(frames[1]), frames[2:]


def id_number(first17):  # GB 11643 check character, for test data
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


ok, status, _ = call(care, "service.status", {})
print("care", status["version"], "lastSeq", status["lastSeq"], status["counts"])
check(ok and status["service"] == "care", "service.status answers")

# The registry owns children; the care service learns of them from its events.
school = {"code": "2510123907", "name": "关爱测试小学", "type": "小学", "township": "510123109"}
ok, _, _ = call(registry, "registry.schools.import", {"rows": [{"row": 1, "record": school}]})
idn = id_number("51012320160517" + "326")  # born 2016-05-17
child = {"name": "杨小梅", "sex": "female", "birthDate": "2016-05-17", "idNumber": idn, "studentNumber": "G" + idn,
         "schoolCode": school["code"], "grade": 4, "householdRegion": "510123109201", "householdType": "农业户口",
         "leftBehind": "双亲留守", "guardianName": "杨德福", "guardianPhone": "13900002222"}
ok, report, _ = call(registry, "registry.students.import", {"rows": [{"row": 1, "record": child}]})
check(ok and report["imported"] + report["unchanged"] + report["updated"] == 1, "child added to the registry")

# The family as civil affairs records it: both parents away, so the child is on the ledger. Entered
# 20 days ago without a surrogate parent: the care alert `surrogateMissing` opens at once.
today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()  # China's date
family = {"student": idn, "enteredOn": str(today - datetime.timedelta(days=20)),
          "father": {"situation": "away", "place": "广东东莞"}, "mother": {"situation": "away", "place": "浙江义乌"},
          "guardian": {"name": "杨德福", "relation": "grandparent", "age": 68, "phone": "13900002222", "health": "fair"},
          "director": {"name": "李春梅", "phone": "13700001111"}, "supervisor": {"name": "王建国"}}
for _ in range(100):  # until the care service has applied the registry's event about the child
    ok, entry, _ = call(care, "care.ledger.record", family)
    if ok or entry["code"] != "care.childNotFound":
        break
    time.sleep(0.1)
print("ledger:", entry.get("studentName"), entry.get("student"), entry.get("state"), entry.get("reasons"))
check(ok and entry["state"] == "active" and entry["reasons"] == ["bothParentsAway"], "on the ledger: both parents away")
check(idn not in json.dumps(entry), "no full ID number in the reply")

ok, surrogate, _ = call(care, "care.surrogates.register", {"name": "陈老师", "kind": "teacher", "phone": "13600003333",
                                                           "school": school["code"]})
check(ok, "surrogate parent registered")
ok, assignment, _ = call(care, "care.assignments.assign", {"student": idn, "surrogate": surrogate["id"]})
print("assigned to", surrogate["name"], "id", surrogate["id"], ok)
check(ok, "child assigned")
ok, contact, _ = call(care, "care.contacts.log", {"student": idn, "way": "video", "note": "和孩子视频，了解学习情况"})
check(ok and contact["kind"] == "surrogateContact", "contact logged as an activity")

# A micro-wish from posting to fulfilment; donors see only the given name, grade and school.
ok, wish, _ = call(care, "care.wishes.post", {"student": idn, "wish": "一套课外书", "value": 80})
check(ok and wish["state"] == "posted", "wish posted")
ok, donors, _ = call(care, "care.wishes.donor", {"state": "posted", "limit": 100})
mine = [d for d in donors if d["id"] == wish["id"]]
print("donor view:", mine)
check(len(mine) == 1 and mine[0]["givenName"] == "小梅", "donors see the given name")
text = json.dumps(donors, ensure_ascii=False)
check(all(secret not in text for secret in [idn, "杨小梅", "杨德福", "510123109201", "13900002222"]),
      "donors never see the ID, the full name, the village or the guardian")
ok, wish, _ = call(care, "care.wishes.claim", {"id": wish["id"], "donor": {"name": "爱心企业", "phone": "13500004444"}})
check(ok and wish["state"] == "claimed", "wish claimed")
ok, wish, _ = call(care, "care.wishes.fulfil", {"id": wish["id"], "note": "已送到学校"})
check(ok and wish["state"] == "fulfilled", "wish fulfilled")
ok, error, _ = call(care, "care.wishes.withdraw", {"id": wish["id"], "reason": "重复"})
print("withdraw a fulfilled wish:", error.get("code"))
check(not ok and error["code"] == "care.wishState", "a fulfilled wish cannot be withdrawn")

# The care stream from seq 0 by replay: gap-free, every topic `care.<kind>.<township>`; the alert
# opened when the child was recorded and resolved when the surrogate was assigned.
seqs, after, alerts = [], 0, []
while True:
    ok, batch, frames = call(care, "care.replay", {"after": after, "limit": 1000})
    for i in range(0, len(frames), 3):
        topic, header, body = frames[i].decode(), json.loads(frames[i + 1]), json.loads(frames[i + 2])
        check(topic.startswith("care."), "care topics")
        seqs.append(header["seq"])
        if topic == f"care.alert.{school['township']}" and body["studentName"] == "杨小梅":
            alerts.append((body["rule"], body["state"]))
            print(header["seq"], topic, body["rule"], body["state"], body["student"], body["text"])
    if batch["count"] == 0 or seqs[-1] >= batch["lastSeq"]:
        break
    after = seqs[-1]
print("replayed care events:", len(seqs))
check(seqs == list(range(1, len(seqs) + 1)), "care's sequence is gap-free from 1")
check(alerts[-2:] == [("surrogateMissing", "open"), ("surrogateMissing", "resolved")], "the alert opened, then resolved")

print(f"{checks['passed']} passed, {checks['failed']} failed")
sys.exit(0 if checks["failed"] == 0 else 1)
