#!/usr/bin/env python3
"""Post-to-follower delay: how long after a post is acknowledged its author's follower
sees it at the top of their home timeline. Registers an author and a follower (before the
load starts: a registration is a bcrypt hash, which a loaded server takes many seconds
over), creates READY_FILE, then posts COUNT times, one at a time, for SECONDS (while
other load runs), polling the follower's first page until each new tweet is there.
Prints one line: BENCH_DELAY {"count":..,"p50_ms":..,...}.

usage: delay_probe.py BASE_URL COUNT SECONDS READY_FILE
"""
import json
import sys
import time
import urllib.request

BASE, COUNT, SECONDS, READY_FILE = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]


def call(method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as res:
        return json.loads(res.read() or b"null")


def register(name):
    body = {"username": name, "email": name + "@example.org", "password": "delay-probe-password",
            "profile": {"date_of_birth": "1990-01-01", "alias": name}}
    res = call("POST", "/api/auth/user/register/", body=body)
    return res["profile"], res["tokens"]["access"]


stamp = str(int(time.time() * 1000))
author, author_token = register("probeauthor" + stamp)
_, follower_token = register("probereader" + stamp)
call("PUT", "/api/profiles/follow_status/%d/" % author["id"], follower_token)
open(READY_FILE, "w").close()
time.sleep(1)  # the load is starting
DEADLINE = time.monotonic() + SECONDS

delays = []
while len(delays) < COUNT and time.monotonic() < DEADLINE:
    tweet = call("POST", "/api/tweets/tweets_list/", author_token, {"content": "delay probe"})
    acknowledged = time.monotonic()
    while time.monotonic() < DEADLINE:
        page = call("GET", "/api/tweets/tweets_list/?limit=1", follower_token)
        if page and page[0]["tweet_id"] == tweet["tweet_id"]:
            delays.append((time.monotonic() - acknowledged) * 1000)
            break
        time.sleep(0.005)
    time.sleep(0.05)

delays.sort()


def pct(p):
    return delays[min(len(delays) - 1, int(round(p / 100 * (len(delays) - 1))))] if delays else 0


print("BENCH_DELAY " + json.dumps({"count": len(delays), "p50_ms": round(pct(50), 1),
                                   "p99_ms": round(pct(99), 1), "max_ms": round(delays[-1] if delays else 0, 1)},
                                  separators=(",", ":")))  # compact: run.sh reads "key":value
