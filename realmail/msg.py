#!/usr/bin/python3
"""Real Outlook .msg files from other projects' test data, read by corpus and by msgconvert
(Debian's Email::Outlook::Message 0.921) as the reference, field by field.

    msg.py fetch CACHE               the sources below; their .msg files kept in CACHE/msg/<package>/
    msg.py stage CACHE OUT           the distinct ones copied to OUT/msg/, listed in OUT/msg-manifest.json
    msg.py compare OUT [--check]     OUT/msg-export/records.jsonl (run.sh msg exports OUT/msg-index) against msgconvert

Sources: Apache POI's test-data/hsmf (Debian source package libapache-poi-java, Apache-2.0),
Email::Outlook::Message's t/files (libemail-outlook-message-perl, Artistic or GPL-1+), both at
the version bookworm has, and msg_parser 1.2.0's tests/files (PyPI sdist, BSD, pinned by sha256).
Debian packages needed: libemail-outlook-message-perl and libemail-address-perl (msgconvert),
python3-pip (pip download), apt. Source packages are downloaded with `apt-get source
--download-only --tar-only` through a private apt configuration in CACHE/apt (a deb-src line
for the mirror and release the system's own apt sources name; the system's sources and
lists are left alone), their upstream tarballs read
with tarfile: no dpkg-source, so no dpkg-dev.
"""
import datetime
import email
import email.header
import email.policy
import email.utils
import glob
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections import Counter, defaultdict

DEBIAN = ["libapache-poi-java", "libemail-outlook-message-perl"]
PYPI = ("msg_parser", "1.2.0", "0de858d4fcebb6c8f6f028da83a17a20fe01cdce67c490779cf43b3b0162aa66")
FIELDS = ["from", "to", "cc", "subject", "date", "body"]
THRESHOLDS = {"from": 0.70, "to": 1.0, "cc": 1.0, "subject": 0.95, "body": 0.95}


# ---------------------------------------------------------------------------- fetch

def fetch(cache):
    dl = os.path.join(cache, "dl")
    os.makedirs(dl, exist_ok=True)
    for package in DEBIAN:
        if os.path.isdir(os.path.join(cache, "msg", package)):
            continue
        # (The upstream tarball holds the test data: --tar-only leaves Debian's own files.)
        if not glob.glob(os.path.join(dl, f"{package}_*.orig.tar.*")):
            apt(cache, ["source", "--download-only", "--tar-only", "-qq", package], cwd=dl)
        extract(cache, package, sorted(glob.glob(os.path.join(dl, f"{package}_*.orig.tar.*")))[-1:])
    name, version, sha = PYPI
    if not os.path.isdir(os.path.join(cache, "msg", name)):
        archive = os.path.join(dl, f"{name}-{version}.tar.gz")
        if not os.path.exists(archive):
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                            f"{name}=={version}", "-d", dl], check=True)
        digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
        if digest != sha:
            sys.exit(f"msg: {archive}: sha256 {digest}, expected {sha}")
        extract(cache, name, [archive])


def apt(cache, args, cwd):
    """apt-get with its own sources list, lists and cache in CACHE/apt; `update` only when
    the lists are missing."""
    root = os.path.join(cache, "apt")
    for d in ("lists/partial", "cache/archives/partial"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    with open(os.path.join(root, "sources.list"), "w") as f:
        f.write(f"deb-src {system_mirror()} main\n")
    with open(os.path.join(root, "apt.conf"), "w") as f:
        f.write(f'Dir::Etc::SourceList "{root}/sources.list";\nDir::Etc::SourceParts "/nonexistent";\n'
                f'Dir::State::Lists "{root}/lists";\nDir::Cache "{root}/cache";\n'
                'APT::Sandbox::User "root";\n')  # (_apt may not reach CACHE)
    env = dict(os.environ, APT_CONFIG=os.path.join(root, "apt.conf"))
    if not glob.glob(os.path.join(root, "lists", "*_Sources*")):
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
    subprocess.run(["apt-get"] + args, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)


def system_mirror():
    """The first Debian archive the system's apt sources name, and its release
    ("URI bookworm"), from a deb822 .sources file or a one-line sources.list."""
    for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        fields = dict(line.split(":", 1) for line in open(path).read().split("\n\n")[0].splitlines()
                      if ":" in line and not line.startswith("#"))
        if "URIs" in fields and "Suites" in fields:
            return f"{fields['URIs'].split()[0]} {fields['Suites'].split()[0]}"
    for line in open("/etc/apt/sources.list") if os.path.exists("/etc/apt/sources.list") else []:
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "deb":
            return f"{parts[1]} {parts[2]}"
    sys.exit("msg: no Debian archive in the system's apt sources")


def extract(cache, package, archives):
    """The .msg members of the archives to CACHE/msg/<package>/, through a temporary folder:
    an interrupted run leaves no half tree."""
    root = os.path.join(cache, "msg", package)
    partial = root + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    for archive in archives:
        with tarfile.open(archive) as tar:
            for member in tar:
                if member.isfile() and member.name.lower().endswith(".msg"):
                    target = os.path.normpath(os.path.join(partial, member.name))
                    if not target.startswith(partial + os.sep):
                        sys.exit(f"msg: {archive}: unexpected member {member.name}")
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, "wb") as f:
                        shutil.copyfileobj(tar.extractfile(member), f)
    os.rename(partial, root)
    print(f"msg: {package:<30} {', '.join(os.path.basename(a) for a in archives)}", file=sys.stderr)


# ---------------------------------------------------------------------------- stage

def stage(cache, out):
    """Copies each distinct (by sha256) .msg file to OUT/msg/PACKAGE__NAME.msg and lists it
    in OUT/msg-manifest.json."""
    staged = os.path.join(out, "msg")
    shutil.rmtree(staged, ignore_errors=True)
    os.makedirs(staged)
    manifest, seen = [], set()
    for package in DEBIAN + [PYPI[0]]:
        root = os.path.join(cache, "msg", package)
        for path in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
            if not os.path.isfile(path):
                continue
            sha, name = hashlib.sha256(open(path, "rb").read()).hexdigest(), f"{package}__{os.path.basename(path)}"
            if sha in seen:
                continue
            if os.path.exists(os.path.join(staged, name)):
                sys.exit(f"msg: two different files named {name}")
            seen.add(sha)
            shutil.copyfile(path, os.path.join(staged, name))
            manifest.append({"file": name, "package": package, "origin": os.path.relpath(path, root), "sha256": sha})
    with open(os.path.join(out, "msg-manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"msg: staged {len(manifest)} .msg files in {staged}", file=sys.stderr)


# ---------------------------------------------------------------------------- the reference

def reference(path, emldir):
    """msgconvert's reading of a .msg, or None when it fails."""
    eml = os.path.join(emldir, os.path.basename(path)[:-4] + ".eml")
    run = subprocess.run(["msgconvert", "--outfile", eml, path], capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or not os.path.exists(eml):
        return None
    raw = open(eml, "rb").read()
    m, m32 = email.message_from_bytes(raw, policy=email.policy.default), email.message_from_bytes(raw)

    def header(name):
        try:
            return None if m[name] is None else str(m[name])
        except Exception:
            return m32[name] and str(email.header.make_header(email.header.decode_header(m32[name])))

    def addresses(name):
        # msgconvert writes names unquoted ("Garrett, Amy C <a@b>"): every <...> is an
        # address, and so is a bare token with an @; Exchange DNs (/O=...) are kept.
        text = " , ".join(str(email.header.make_header(email.header.decode_header(v))) for v in m32.get_all(name, []))
        text = re.sub(r"\s*\n\s*", " ", text)
        found = []
        for part in re.findall(r'(?:[^,<"]|"[^"]*")*(?:<[^>]*>)?', text):
            token = (re.search(r"<([^>]*)>", part) or re.match(r"(.*)", part)).group(1).strip().strip("'\"")
            if "@" in token or token.lower().startswith("/o="):
                found.append(token.lower())
        return found

    try:
        date = m32["date"] and email.utils.parsedate_to_datetime(m32["date"])
    except ValueError:
        date = None
    try:
        part = m.get_body(preferencelist=("plain", "html"))
        body = part and part.get_content()
        body = body and (html_text(body) if part.get_content_type() == "text/html" else body)
    except Exception:
        body = "\ufffd"
    received = any(k.lower() in ("received", "return-path", "x-ms-exchange-organization-authas") for k in m32.keys())
    return {"subject": header("subject"), "from": (addresses("from") or [None])[0], "to": addresses("to"),
            "cc": addresses("cc"), "date": date, "body": body, "transport_headers": received}


def html_text(h):
    h = re.sub(r"(?is)<(script|style|head)\b.*?</\1>|<!--.*?-->", " ", h)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>", "\n", h)))


def mapi_times(path):
    """PR_CLIENT_SUBMIT_TIME (0039), PR_MESSAGE_DELIVERY_TIME (0E06) and PR_CREATION_TIME (3007)
    of a .msg, as msgconvert's module reads them: {id: datetime}."""
    script = ('my $m = Email::Outlook::Message->new($ARGV[0]); for (qw(0039 0E06 3007)) {'
              ' my $p = $m->get_mapi_property($_); print "$_ ", unpack("Q<", $p->[1]), "\\n" if $p }')
    run = subprocess.run(["perl", "-MEmail::Outlook::Message", "-e", script, path], capture_output=True, text=True)
    epoch = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)
    return {p: epoch + datetime.timedelta(seconds=int(v) // 10 ** 7) for p, v in map(str.split, run.stdout.splitlines())}


# ---------------------------------------------------------------------------- compare

def collapse(text):
    return " ".join((text or "").replace("\u00a0", " ").replace("\u200b", "").split())


def failed(value):
    """The reference could not decode it: msgconvert writes 8-bit header bytes raw."""
    text = " ".join(value) if isinstance(value, list) else value if isinstance(value, str) else ""
    return bool(re.search("[\ufffd\udc80-\udcff]", text))


def utc(d):
    d = datetime.datetime.fromisoformat(d) if isinstance(d, str) else d
    return d and (d if d.tzinfo else d.replace(tzinfo=datetime.timezone.utc))


def field(name, ref, rec):
    """(corpus's value, msgconvert's) as compared: equal when they agree."""
    if name == "from":
        return ((rec.get("from") or {}).get("address") or "").lower() or None, ref["from"]
    if name in ("to", "cc"):
        return sorted((a.get("address") or "").lower() for a in rec.get(name, []) if a.get("address")), sorted(ref[name])
    if name == "subject":
        return collapse(rec.get("subject")), collapse(ref["subject"])
    if name == "date":
        ours, theirs = utc(rec.get("date")), utc(ref["date"])
        return (ours, ours if ours and theirs and abs((ours - theirs).total_seconds()) < 1 else theirs)
    ours, probe = collapse(rec.get("text")), collapse(ref["body"])[:200]
    return (None, None) if not probe else (ours, ours if probe in ours else probe)


def cause(name, ours, theirs, ref, path):
    if name == "from" and not ours and (theirs or "").startswith("/o="):
        return "Exchange-only sender (an X.500 DN, no SMTP address): corpus keeps the name without an address"
    if name == "date":
        t = mapi_times(path)
        same = lambda d, p: d and p in t and abs((d - t[p]).total_seconds()) < 1
        if not ref["transport_headers"] and "0039" not in t and same(theirs, "3007"):
            return ("unsent item (no transport headers, no submit time): msgconvert dates it by its creation time, "
                    + ("corpus by its delivery time" if same(ours, "0E06") else "corpus leaves it undated" if not ours
                       else "corpus by another time"))
        return f"differs by {(ours - theirs).total_seconds():+.0f} s" if ours and theirs else "one side undated"
    return "corpus has nothing" if not ours else "differs"


def compare(out, check):
    manifest = json.load(open(os.path.join(out, "msg-manifest.json")))
    records = {}  # staged path -> (record, the file it was read from: another when corpus found them one message)
    for line in open(os.path.join(out, "msg-export", "records.jsonl")):
        rec = json.loads(line)
        for source in [rec["source"]] + rec.get("other_sources", []):
            if not source.get("attachment"):
                records.setdefault(os.path.realpath(source["path"]), (rec, os.path.realpath(rec["source"]["path"])))
    emldir = os.path.join(out, "msg-eml")
    shutil.rmtree(emldir, ignore_errors=True)
    os.makedirs(emldir)
    tally, causes, unread = Counter(), defaultdict(list), []
    for entry in manifest:
        path = os.path.realpath(os.path.join(out, "msg", entry["file"]))
        ref = reference(path, emldir)
        if ref is None:
            unread.append(entry["file"])
            continue
        rec, read_from = records.get(path, ({}, path))
        merged = f" [read as the same message as {os.path.basename(read_from)}]" if read_from != path else ""
        for name in FIELDS:
            ours, theirs = field(name, ref, rec)
            name_only = name == "from" and not ours and (rec.get("from") or {}).get("name")
            shown = f"{entry['file']}: msgconvert {show(theirs)!r}, corpus " + \
                (f"the name {name_only!r}, no address" if name_only else repr(show(ours)))
            if failed(collapse(ref["body"])[:200] if name == "body" else ref[name]):
                tally[name, "reference failed"] += 1
                causes[name, "not counted: msgconvert wrote the header's 8-bit bytes raw (undecodable)"].append(shown)
            elif (name, theirs) == ("body", None):
                tally[name, "no body"] += 1
            else:
                tally[name, "compared"] += 1
                tally[name, "agreed"] += ours == theirs
                if ours != theirs:
                    why = ("corpus has no record of the file" if not rec else "the file differs from the one corpus read as"
                           " the same message" if merged and name == "body" else cause(name, ours, theirs, ref, path))
                    causes[name, why].append(shown + merged)

    print(f"{len(manifest)} .msg files; msgconvert fails on {len(unread)}, not compared: {', '.join(unread) or '-'}")
    print(f"{'field':<9}{'compared':>9}{'agreed':>8}{'':>8}   not counted")
    for name in FIELDS:
        extra = ", ".join(f"{k} {tally[name, k]}" for k in ("reference failed", "no body") if tally[name, k])
        print(f"{name:<9}{tally[name, 'compared']:>9}{tally[name, 'agreed']:>8}"
              f"{pct(tally[name, 'agreed'], tally[name, 'compared']):>8}   {extra}")
    print("\ndisagreements, by cause:" if causes else "\nno disagreements")
    for (name, why), files in sorted(causes.items(), key=lambda c: (FIELDS.index(c[0][0]), -len(c[1]))):
        print(f"  [{name}] {why} ({len(files)})")
        print("".join(f"      {f}\n" for f in files), end="")
    if check:
        missed = [f"{name} {pct(tally[name, 'agreed'], tally[name, 'compared'])} < {floor:.0%}"
                  for name, floor in THRESHOLDS.items() if tally[name, "agreed"] < floor * tally[name, "compared"]]
        if missed:
            print("msg: below the thresholds: " + ", ".join(missed), file=sys.stderr)
            sys.exit(1)


def show(value):
    return value.isoformat() if isinstance(value, datetime.datetime) else value[:80] if isinstance(value, str) else value


def pct(n, d):
    return f"{100 * n / d:.1f}%" if d else "—"


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fetch" and len(sys.argv) == 3:
        fetch(sys.argv[2])
    elif command == "stage" and len(sys.argv) == 4:
        stage(sys.argv[2], sys.argv[3])
    elif command == "compare" and len(sys.argv) in (3, 4) and sys.argv[3:] in ([], ["--check"]):
        compare(sys.argv[2], check="--check" in sys.argv)
    else:
        sys.exit(__doc__)
