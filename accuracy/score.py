#!/usr/bin/env python3
"""Scores what `corpus` made of a generated release against the generator's truth.

    score.py TRUTH.json RECORDS.jsonl [--json OUT] [--check]

RECORDS.jsonl is `records.jsonl` from `corpus export --format dir`. Each truth email is
matched to the record (from the same file) holding its phrase earliest in its text, one
record per email; records matched to no email are spurious splits. Prints the scores
per medium and per layout factor; --check exits 1 when a threshold of issue 12 is missed.
"""
import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict

# medium group -> {metric: minimum}
THRESHOLDS = {
    "born-digital": {"split": 0.98, "sender": 0.98, "date": 0.98, "subject": 0.98,
                     "redactions": 0.95, "agency_f1": 0.95, "vendor_f1": 0.95},
    "scan": {"split": 0.95, "sender": 0.92, "date": 0.92},
}
METRICS = ["split", "sender", "date", "subject", "to", "redactions", "agency_f1", "vendor_f1", "thread", "inclusive", "linked"]


def words(text):
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(re.findall(r"[^\W_]+", text))


# Letters whose mark Unicode does not decompose: "Łukasz" without its stroke is "Lukasz".
UNMARKED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def name_key(name):
    """A name compared without accents or strokes (OCR reads "Ní" as "Ni", "Ł" as "L")
    and without middle initials (a Notes name prints "Jorge Morgan" for Jorge L. Morgan):
    the same person."""
    decomposed = unicodedata.normalize("NFKD", words(name).translate(UNMARKED))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(w for w in plain.split() if len(w) > 1)


def group_of(medium):
    return "scan" if medium == "scan" else "born-digital"


class Tally:
    def __init__(self):
        self.right = defaultdict(int)
        self.total = defaultdict(int)
        self.f1 = {"agency": [0, 0, 0], "vendor": [0, 0, 0]}  # tp, fp, fn

    def add(self, metric, ok):
        self.total[metric] += 1
        self.right[metric] += 1 if ok else 0

    def add_set(self, kind, truth, found):
        truth, found = set(truth), set(found)
        counts = self.f1[kind]
        counts[0] += len(truth & found)
        counts[1] += len(found - truth)
        counts[2] += len(truth - found)

    def score(self, metric):
        if metric.endswith("_f1"):
            tp, fp, fn = self.f1[metric[:-3]]
            return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
        return self.right[metric] / self.total[metric] if self.total[metric] else None

    def emails(self):
        return self.total["sender"]


def fuzzy_position(phrase_words, text_words):
    """Where most of the phrase's words stand together in the text (OCR misreads a word
    or two): (share of the phrase's words found in a window its length, start), or None."""
    n = len(phrase_words)
    wanted = set(phrase_words)
    best = None
    for start in range(0, max(1, len(text_words) - n + 1)):
        window = text_words[start:start + n + 1]
        share = len(wanted & set(window)) / len(wanted)
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, start)
    return best


def match(emails, records):
    """Truth email index -> record: the record with the email's own sender and date that
    holds its phrase (a quoted copy in a later reply may print the phrase more legibly
    than OCR read the email itself), or the only record with its sender and date (OCR
    may garble the phrase beyond reading); else the record holding the phrase earliest
    in its text (exactly, else most of its words together, as OCR leaves them)."""
    taken, result = set(), {}
    texts = {r["id"]: words(r.get("text", "")) for r in records}
    for i, email in enumerate(emails):
        phrase = words(email["phrase"])
        same = [r for r in records if r["id"] not in taken and email.get("date") and r.get("date") == email["date"]
                and same_person(email.get("from"), r.get("from"))]
        own = [r for r in same
               if (" " + phrase + " ") in (" " + texts[r["id"]] + " ") or fuzzy_position(phrase.split(), texts[r["id"]].split())]
        if not own and len(same) == 1:
            own = same
        if len(own) == 1:
            taken.add(own[0]["id"])
            result[i] = own[0]
            continue
        best = None
        for r in records:
            if r["id"] in taken:
                continue
            at = (" " + texts[r["id"]] + " ").find(" " + phrase + " ")
            if at >= 0 and (best is None or at < best[0]):
                best = (at, r)
        if best is None:
            fuzzy = None
            for r in records:
                if r["id"] in taken:
                    continue
                found = fuzzy_position(phrase.split(), texts[r["id"]].split())
                if found and (fuzzy is None or (found[0], -found[1]) > (fuzzy[0], -fuzzy[1])):
                    fuzzy = (found[0], found[1], r)
            best = fuzzy and (fuzzy[1], fuzzy[2])
        if best:
            taken.add(best[1]["id"])
            result[i] = best[1]
    return result, [r for r in records if r["id"] not in taken]


def same_person(truth, record):
    if truth is None or record is None:
        return truth is None and record is None
    return (truth.get("address") or None) == (record.get("address") or None) and \
        name_key(truth.get("name")) == name_key(record.get("name"))


def score(truth, records):
    by_file = defaultdict(list)
    for r in records:
        by_file[r["source"]["path"].rsplit("/", 1)[-1]].append(r)
    tallies = defaultdict(Tally)  # (factor, value) -> Tally; ("medium", group) for the totals
    failures, furniture_dates = [], []
    # Thread membership: the records corpus put in each thread, over every file.
    in_thread = defaultdict(set)
    for r in records:
        in_thread[r.get("thread")].add(r["id"])
    for f in truth["files"]:
        recs = by_file.get(f["path"], [])
        matched, spurious = match(f["emails"], recs)
        # An email agrees when its thread holds exactly the records of the emails of its
        # conversation in the truth (those released in this file).
        truth_thread = defaultdict(set)
        for i, email in enumerate(f["emails"]):
            if matched.get(i):
                truth_thread[email.get("thread")].add(matched[i]["id"])
        keys = [("medium", group_of(f["medium"])), ("medium detail", f["medium"])]
        for factor, value in sorted(f.get("layout", {}).items()):
            if isinstance(value, dict):
                keys += [(f"{factor}.{k}", str(v)) for k, v in sorted(value.items()) if k != "skew"]
                if "skew" in value:
                    keys.append((f"{factor}.skew", "≥1°" if abs(value["skew"]) >= 1 else "<1°"))
            elif isinstance(value, list):
                keys += [(factor, str(v)) for v in value] or [(factor, "none")]
            elif value is not None:
                keys.append((factor, str(value)))
        # Inclusive: no later email of the release quotes the whole of it (the truth's
        # quoted copies name the email they copy).
        quoted_whole = {q["copies_index"] for email in f["emails"] for q in email.get("quoted", []) if q.get("copies_index") is not None}
        for i, email in enumerate(f["emails"]):
            r = matched.get(i)
            where = email.get("pages") or email.get("lines")
            got = r and ((r["source"].get("pages") if email.get("pages") else r["source"].get("lines")))
            checks = {
                "split": bool(r) and r["kind"] == "email" and got == where,
                "sender": bool(r) and same_person(email.get("from"), r.get("from")),
                "date": bool(r) and email.get("date") == r.get("date"),
                "subject": bool(r) and words(email.get("subject")) == words(r.get("subject")),
                "to": bool(r) and [p.get("address") for p in email.get("to", [])] == [p.get("address") for p in r.get("to", [])],
                "redactions": bool(r) and email.get("redactions", 0) == r.get("redactions", 0),
                "thread": bool(r) and r.get("thread") is not None and in_thread[r.get("thread")] == truth_thread[email.get("thread")],
                "inclusive": bool(r) and (not r.get("quoted_in")) == (i not in quoted_whole),
            }
            # Linked: each quoted copy of an email of the release is joined to that email's
            # record (it names the quoting one among those that quote it whole).
            linked = [bool(r) and bool(matched.get(q["copies_index"])) and r["id"] in matched[q["copies_index"]].get("quoted_in", [])
                      for q in email.get("quoted", []) if q.get("copies_index") is not None]
            for key in keys:
                t = tallies[key]
                for metric, ok in checks.items():
                    t.add(metric, ok)
                for ok in linked:
                    t.add("linked", ok)
                t.add_set("agency", email.get("agencies", []), r.get("agencies", []) if r else [])
                t.add_set("vendor", email.get("vendors", []), r.get("vendors", []) if r else [])
            wrong = [m for m, ok in checks.items() if not ok and m not in ("to", "thread", "inclusive")]
            if wrong:
                failures.append({"file": f["path"], "email": i, "wrong": wrong, "truth": {
                    k: email.get(k) for k in ("pages", "lines", "from", "date", "subject", "redactions")},
                    "record": r and {k: r.get(k) for k in ("id", "from", "date", "subject", "redactions")} | {"where": got}})
            if r and r.get("date") and r["date"][:10] in f.get("furniture_dates", []) and r["date"] != email.get("date"):
                furniture_dates.append({"file": f["path"], "email": i, "date": r["date"]})
        for r in spurious:
            # A spurious record is a split error for every group its file is in.
            for key in keys:
                tallies[key].add("split", False)
            failures.append({"file": f["path"], "spurious": {k: r.get(k) for k in ("id", "kind", "from", "date", "subject")}
                             | {"where": r["source"].get("pages") or r["source"].get("lines")}})
            if r.get("date") and r["date"][:10] in f.get("furniture_dates", []):
                furniture_dates.append({"file": f["path"], "spurious": r["id"], "date": r["date"]})
    return tallies, failures, furniture_dates


def same_conversations(records, again):
    """Records of the same ids whose thread (as the set of ids in it), copy standing and
    quoting differ between two indexes of the same files (one ingest, and two)."""
    def view(rs):
        members = defaultdict(set)
        for r in rs:
            members[r.get("thread")].add(r["id"])
        return {r["id"]: (frozenset(members[r.get("thread")]), tuple(sorted(r.get("quoted_in", []))),
                          tuple(sorted(o["path"] for o in r.get("other_sources", [])))) for r in rs}
    one, two = view(records), view(again)
    return {"records": len(one), "differing": sorted(i for i in set(one) | set(two) if one.get(i) != two.get(i))}


def pct(x):
    return "   –  " if x is None else f"{x * 100:5.1f}%"


def report(tallies, furniture_dates):
    lines = []
    head = f"{'':34}{'emails':>7}" + "".join(f"{m:>11}" for m in METRICS)
    for title, keep in (("by medium", lambda k: k[0] == "medium"), ("by layout factor", lambda k: k[0] != "medium")):
        lines += [title, head]
        for key in sorted(k for k in tallies if keep(k)):
            t = tallies[key]
            label = key[1] if key[0] == "medium" else f"{key[0]}={key[1]}"
            lines.append(f"  {label[:32]:32}{t.emails():>7}" + "".join(f"{pct(t.score(m)):>11}" for m in METRICS))
        lines.append("")
    lines.append(f"records dated by page furniture (stamps, print headers): {len(furniture_dates)}")
    return "\n".join(lines)


def check(tallies, furniture_dates):
    missed = []
    for group, minimums in THRESHOLDS.items():
        t = tallies.get(("medium", group))
        if not t:
            continue
        for metric, minimum in minimums.items():
            s = t.score(metric)
            if s is not None and s < minimum:
                missed.append(f"{group} {metric} {s * 100:.1f}% < {minimum * 100:.0f}%")
    if furniture_dates:
        missed.append(f"{len(furniture_dates)} records dated by page furniture")
    return missed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth")
    ap.add_argument("records")
    ap.add_argument("--json", help="write scores and every failure here")
    ap.add_argument("--check", action="store_true", help="exit 1 when a threshold is missed")
    ap.add_argument("--again", help="records.jsonl of the same files ingested in two steps: threads, copies and "
                                    "quotes must be those of one")
    args = ap.parse_args()
    truth = json.load(open(args.truth, encoding="utf-8"))
    records = [json.loads(line) for line in open(args.records, encoding="utf-8") if line.strip()]
    tallies, failures, furniture_dates = score(truth, records)
    print(report(tallies, furniture_dates))
    missed = check(tallies, furniture_dates)
    two_step = None
    if args.again:
        again = [json.loads(line) for line in open(args.again, encoding="utf-8") if line.strip()]
        # (Only the files ingested both ways: the second index may leave scans out.)
        paths = {r["source"]["path"].rsplit("/", 1)[-1] for r in again}
        two_step = same_conversations([r for r in records if r["source"]["path"].rsplit("/", 1)[-1] in paths], again)
        print(f"the same files in two ingests: {two_step['records']} records, "
              f"{len(two_step['differing'])} with another thread, copies or quotes than in one")
        if two_step["differing"]:
            missed.append(f"{len(two_step['differing'])} records differ between one ingest and two")
    if args.json:
        json.dump({"scores": {f"{k[0]}={k[1]}": {"emails": t.emails(), **{m: t.score(m) for m in METRICS}}
                              for k, t in sorted(tallies.items())},
                   "missed": missed, "failures": failures, "furniture_dates": furniture_dates, "two_step": two_step},
                  open(args.json, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    for line in missed:
        print("below threshold:", line)
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
