#!/usr/bin/env python3
"""Writes N email messages, deterministically: agency and vendor correspondents (some on
personal accounts), realistic subjects and bodies, dates 2015-2020, MIME variety
(plain, quoted-printable, base64, multipart/alternative), and replies that thread.
Usage: generate_mail.py N OUTDIR [--maildir]
  default: mbox files of 1,000 messages each; --maildir: a maildir (OUTDIR/cur/...), one
  file a message, as notmuch and recoll read mail."""
import base64, os, quopri, random, re, sys
from datetime import datetime, timedelta, timezone

n, out = int(sys.argv[1]), sys.argv[2]
maildir = "--maildir" in sys.argv[3:]
rng = random.Random(2020)
os.makedirs(out, exist_ok=True)
if maildir:
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
first = "Michael Karen David Anthony Priya Laura Kevin Jessica Hal Tom Anna Raj Mark Sarah John Rachel Maria James Linda Robert".split()
last = "Reyes O'Neill Kaplan Russo Natarajan Chen Walsh Moore Lambert Bradley Fischer Patel Delgado Whitfield Park Stein Garcia Smith Jones Brown".split()
orgs = [("nypd.org", 40), ("ice.dhs.gov", 8), ("hq.dhs.gov", 4), ("fbi.gov", 4), ("panynj.gov", 3), ("clearview.ai", 10),
        ("dataworksplus.com", 6), ("cognitec.com", 3), ("necam.com", 3), ("idemia.com", 2), ("gmail.com", 8), ("yahoo.com", 3),
        ("legal-aid.org", 2), ("doi.nyc.gov", 2)]
domains = [d for d, w in orgs for _ in range(w)]
people = [(f"{rng.choice(first)} {rng.choice(last)}", rng.choice(domains)) for _ in range(600)]
people = [(name, f"{name.lower().replace(' ', '.').replace(chr(39), '')}{i}@{d}") for i, (name, d) in enumerate(people)]
topics = ["trial accounts", "facial recognition", "probe image", "possible match", "search history", "license proposal",
          "annual maintenance", "training session", "case number", "arrest photo", "open source imagery", "referral",
          "data retention", "policy review", "vendor demonstration", "night shift", "success story", "conference"]
words = ("the a to of and in for on with at by from as is was be will can please our your this that we you they it "
         "team department vendor system account search match photo case request review report results app phone email "
         "investigator detective sergeant lieutenant agent office unit section bureau week month today tomorrow").split()
vendors_named = ["Clearview", "DataWorks Plus", "Cognitec", "NEC", "Idemia", "BriefCam", "Palantir"]

def body():
    topic = rng.choice(topics)
    sentences = []
    for _ in range(rng.randint(3, 9)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(6, 16)))
        if rng.random() < 0.3: s += " " + topic
        if rng.random() < 0.15: s += " with " + rng.choice(vendors_named)
        sentences.append(s.capitalize() + ".")
    return topic, " ".join(sentences)

start = datetime(2015, 1, 1, tzinfo=timezone(timedelta(hours=-5)))
# Conversations, drawn apart from the content (which stays as it was): about half the
# messages answer one of the 50 before them, naming it and its References.
threads_rng = random.Random(2021)
message_ids, chains = {}, {}

def message(i):
    sender = rng.choice(people)
    to = rng.sample(people, rng.randint(1, 3))
    cc = rng.sample(people, rng.randint(0, 2))
    when = start + timedelta(minutes=rng.randint(0, 6 * 365 * 24 * 60))
    topic, text = body()
    subject = rng.choice(["", "RE: ", "FW: "]) + topic.capitalize() + f" ({i % 97})"
    head = [f"From: {sender[0]} <{sender[1]}>", "To: " + ", ".join(f"{p[0]} <{p[1]}>" for p in to)]
    if cc: head.append("Cc: " + ", ".join(f"{p[0]} <{p[1]}>" for p in cc))
    head += [f"Subject: {subject}", "Date: " + when.strftime("%a, %d %b %Y %H:%M:%S -0500"),
             f"Message-ID: <bench-{i}@{sender[1].split('@')[1]}>", "MIME-Version: 1.0"]
    message_ids[i] = f"bench-{i}@{sender[1].split('@')[1]}"
    chains[i] = []
    if i > 0 and threads_rng.random() < 0.5:
        parent = i - threads_rng.randint(1, min(i, 50))
        chains[i] = (chains[parent] + [message_ids[parent]])[-10:]
        head += [f"In-Reply-To: <{message_ids[parent]}>", "References: " + " ".join(f"<{m}>" for m in chains[i])]
    message_ids.pop(i - 60, None)
    chains.pop(i - 60, None)
    kind = i % 4
    if kind == 0:
        head.append("Content-Type: text/plain; charset=utf-8"); payload = text
    elif kind == 1:
        head += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        payload = quopri.encodestring(text.encode()).decode()
    elif kind == 2:
        head += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
        payload = base64.encodebytes(text.encode()).decode()
    else:
        head.append('Content-Type: multipart/alternative; boundary="b"')
        payload = f"--b\nContent-Type: text/plain\n\n{text}\n--b\nContent-Type: text/html\n\n<p>{text}</p>\n--b--"
    return sender, when, "\n".join(head) + "\n\n" + payload + "\n"

for f in range(0, n, 1000):
    if maildir:
        for i in range(f, min(n, f + 1000)):
            _, _, text = message(i)
            with open(os.path.join(out, "cur", f"{1500000000 + i}.bench{i}:2,S"), "w") as m:
                m.write(text)
        continue
    with open(os.path.join(out, f"mail-{f // 1000:05d}.mbox"), "w") as mbox:
        for i in range(f, min(n, f + 1000)):
            sender, when, text = message(i)
            head, payload = text.split("\n\n", 1)
            stamp = when.strftime("%a %b %d %H:%M:%S %Y")
            mbox.write(f"From {sender[1]} {stamp}\n" + head + "\n\n" + re.sub(r"(?m)^(>*From )", r">\1", payload) + "\n")
