#!/usr/bin/env python3
"""Generates corpus-sample/: a sample public-records release and its truth file.

Deterministic: the same inputs give the same files (fixed seeds, fixed PDF metadata).
Needs reportlab and Pillow (requirements.txt) and poppler-utils (pdftoppm, pdftotext).
Run from anywhere:  python3 corpus-sample/generate/generate.py
"""
import base64
import email.utils
import io
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone

from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.lib import pdfencrypt

import story
from story import PEOPLE

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
PAGE_W, PAGE_H = letter
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 72, 72, 80, 80
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
FOIL_NO = "2020-PL-00417"
EXEMPTION = re.compile(r"§\s*87\(2\)\([a-z]\)(?:\([ivx]+\))?|\(b\)\(\d\)(?:\([A-F]\))?|\[REDACTED\]")
BOX = re.compile(r"\[\[box:([^\]]*)\]\]")

# ---------------------------------------------------------------- people and dates

def person(key):
    name, address, org = PEOPLE[key]
    return {"name": name, "address": address}

def outlook_name(key):
    """Outlook prints colleagues in the agency's directory as 'Last, First'."""
    name, address, org = PEOPLE[key]
    if address.endswith("@nypd.org") and " " in name and key != "foil":
        first, last = name.split(" ", 1)
        return f"{last}, {first}"
    return name

def printed_person(key, style):
    name, address, _ = PEOPLE[key]
    return f"{outlook_name(key) if style == 'outlook' else name} <{address}>"

def when(d):
    return datetime(*d[:5])

def iso(d):
    s = when(d).strftime("%Y-%m-%dT%H:%M:%S")
    if len(d) > 5:
        off = d[5]
        s += ("-" if off < 0 else "+") + "%02d:%02d" % (abs(off) // 60, abs(off) % 60)
    return s

def outlook_date(d):
    t = when(d)
    return t.strftime("%A, %B ") + str(t.day) + t.strftime(", %Y ") + t.strftime("%I:%M %p").lstrip("0")

def gmail_date(d):
    t = when(d)
    return t.strftime("%a, %b ") + str(t.day) + t.strftime(", %Y at ") + t.strftime("%I:%M %p").lstrip("0")

def rfc_date(d):
    off = d[5] if len(d) > 5 else 0
    t = datetime(*d[:5], tzinfo=timezone(timedelta(minutes=off)))
    return email.utils.format_datetime(t)

# ---------------------------------------------------------------- truth of an email

def visible(text):
    """Text as printed: a redaction box hides its words."""
    return BOX.sub(" ", text)

def redaction_count(text):
    return len(BOX.findall(text)) + len(EXEMPTION.findall(visible(text)))

def vendors_named(text):
    found = set()
    for vendor, names in story.VENDOR_MENTIONS.items():
        for n in names:
            if re.search(r"(?<![\w@.])" + re.escape(n) + r"(?![\w@])", text):
                found.add(vendor)
    return found

def email_truth(e, printed_text):
    """Agencies: correspondents' organisations known from their domains, and the sender's
    from the signature when the sender writes from a personal account. Vendors: vendor
    correspondents and vendors the printed text names."""
    agencies, vendors = set(), set()
    for i, key in enumerate([e["frm"]] + e["to"] + e["cc"]):
        name, address, org = PEOPLE[key]
        personal = address.split("@")[1] in story.PERSONAL_DOMAINS
        if personal and i > 0:
            continue
        (agencies if org in story.AGENCIES else vendors).add(org)
    vendors |= vendors_named(printed_text)
    return dict(kind="email", subject=e["subject"], **{"from": person(e["frm"])},
                to=[person(k) for k in e["to"]], cc=[person(k) for k in e["cc"]], date=iso(e["date"]),
                agencies=sorted(agencies), vendors=sorted(vendors), redactions=redaction_count(printed_text))

# ---------------------------------------------------------------- layout engine

class Layout:
    """Flows lines onto letter pages; remembers on which page each mark falls. Pages are
    drawn after layout, so that furniture can say 'Page 3 of 41'."""

    def __init__(self, furniture):
        self.pages = [[]]
        self.y = PAGE_H - MARGIN_T
        self.furniture = furniture

    @property
    def page(self):
        return len(self.pages)

    def new_page(self):
        self.pages.append([])
        self.y = PAGE_H - MARGIN_T

    def space(self, h):
        self.y -= h

    def ensure(self, h):
        if self.y - h < MARGIN_B:
            self.new_page()

    def line(self, items, lead=13):
        """items: (x, kind, value, font, size); kind 'text', 'right' (right-aligned) or 'box'."""
        self.ensure(lead)
        self.y -= lead
        self.pages[-1].append((self.y, items))

    def rule(self, weight=0.6):
        self.ensure(8)
        self.y -= 6
        self.pages[-1].append((self.y, [(MARGIN_L, "rule", weight, None, None)]))

    def paragraph(self, text, x=MARGIN_L, font="Helvetica", size=10, lead=13, width=None):
        width = width or (PAGE_W - MARGIN_R - x)
        for raw in text.split("\n"):
            if not raw.strip():
                self.space(lead * 0.6)
                continue
            tokens = re.findall(r"\[\[box:[^\]]*\]\]|\S+", raw)
            line, used = [], 0.0
            space = stringWidth(" ", font, size)
            for tok in tokens:
                m = BOX.fullmatch(tok)
                w = stringWidth(m.group(1), font, size) + 4 if m else stringWidth(tok, font, size)
                if line and used + space + w > width:
                    self._emit(line, x, font, size, lead)
                    line, used = [], 0.0
                line.append((tok, w))
                used += (space if len(line) > 1 else 0) + w
            if line:
                self._emit(line, x, font, size, lead)

    def _emit(self, tokens, x, font, size, lead):
        items, cx = [], x
        space = stringWidth(" ", font, size)
        text = []
        for tok, w in tokens:
            if BOX.fullmatch(tok):
                if text:
                    s = " ".join(text) + " "
                    items.append((cx, "text", s, font, size))
                    cx += stringWidth(s, font, size)
                    text = []
                items.append((cx, "box", w, font, size))
                cx += w + space
            else:
                text.append(tok)
        if text:
            items.append((cx, "text", " ".join(text), font, size))
        self.line(items, lead)

    def field(self, label, value, label_x=MARGIN_L, value_x=MARGIN_L + 78, size=10):
        """A header line 'Label: value', the value wrapping under itself."""
        first = True
        words = value.split(" ")
        width = PAGE_W - MARGIN_R - value_x
        chunk = ""
        lines = []
        for w in words:
            trial = (chunk + " " + w).strip()
            if stringWidth(trial, "Helvetica", size) > width and chunk:
                lines.append(chunk)
                chunk = w
            else:
                chunk = trial
        lines.append(chunk)
        for text in lines:
            items = [(value_x, "text", text, "Helvetica", size)]
            if first:
                items.insert(0, (label_x, "text", label, "Helvetica-Bold", size))
                first = False
            self.line(items, 13)

    def render(self, path, encrypt=None):
        c = canvas.Canvas(path, pagesize=letter, invariant=1, encrypt=encrypt)
        c.setTitle("")
        c.setAuthor("")
        c.setCreator("")
        c.setProducer("")
        total = len(self.pages)
        for n, items in enumerate(self.pages, start=1):
            for (x, y, text, font, size) in self.furniture(n, total):
                c.setFont(font, size)
                if x < 0:
                    c.drawRightString(-x, y, text)
                else:
                    c.drawString(x, y, text)
            for y, line in items:
                for (x, kind, value, font, size) in line:
                    if kind == "text":
                        c.setFont(font, size)
                        c.drawString(x, y, value)
                    elif kind == "right":
                        c.setFont(font, size)
                        c.drawRightString(PAGE_W - MARGIN_R, y, value)
                    elif kind == "box":
                        c.rect(x, y - 2.5, value, size + 2, stroke=0, fill=1)
                    elif kind == "rule":
                        c.setLineWidth(value)
                        c.line(MARGIN_L, y + 3, PAGE_W - MARGIN_R, y + 3)
            c.showPage()
        c.save()

def foil_furniture(prefix, start, header):
    def furniture(n, total):
        return [
            (MARGIN_L, PAGE_H - 40, header, "Helvetica", 8),
            (MARGIN_L, 40, f"Page {n} of {total}", "Helvetica", 8),
            (-(PAGE_W - 40), 28, f"{prefix}{start + n - 1:06d}", "Helvetica-Bold", 9),
        ]
    return furniture

# ---------------------------------------------------------------- the three print layouts

def quote_block_outlook(q):
    lines = ["-----Original Message-----",
             f"From: {printed_person(q['frm'], 'outlook')}",
             f"Sent: {outlook_date(q['date'])}",
             "To: " + "; ".join(printed_person(k, "outlook") for k in q["to"]),
             f"Subject: {q['subject']}", "", q["text"]]
    return "\n".join(lines)

def outlook_email(layout, e, owner):
    layout.ensure(120)
    layout.space(14)
    start = layout.page
    layout.line([(MARGIN_L, "text", outlook_name(owner), "Helvetica-Bold", 12)], 16)
    layout.rule(1.5)
    layout.field("From:", printed_person(e["frm"], "outlook"))
    layout.field("Sent:", outlook_date(e["date"]))
    layout.field("To:", "; ".join(printed_person(k, "outlook") for k in e["to"]))
    if e["cc"]:
        layout.field("Cc:", "; ".join(printed_person(k, "outlook") for k in e["cc"]))
    layout.field("Subject:", e["subject"])
    if e["attachments"]:
        layout.field("Attachments:", "; ".join(e["attachments"]))
    layout.space(10)
    body = e["body"] + ("\n\n" + quote_block_outlook(e["quote"]) if e["quote"] else "")
    layout.paragraph(body)
    return start, layout.page, body

def rfc_email(layout, e):
    layout.ensure(110)
    layout.space(12)
    start = layout.page
    layout.rule(0.8)
    layout.field("From:", printed_person(e["frm"], "rfc"), value_x=MARGIN_L + 60)
    layout.field("Date:", rfc_date(e["date"]), value_x=MARGIN_L + 60)
    layout.field("To:", ", ".join(printed_person(k, "rfc") for k in e["to"]), value_x=MARGIN_L + 60)
    if e["cc"]:
        layout.field("Cc:", ", ".join(printed_person(k, "rfc") for k in e["cc"]), value_x=MARGIN_L + 60)
    layout.field("Subject:", e["subject"], value_x=MARGIN_L + 60)
    layout.space(10)
    layout.paragraph(e["body"])
    return start, layout.page, e["body"]

def gmail_quote(q):
    if q.get("forward"):
        return "\n".join(["---------- Forwarded message ---------",
                          f"From: {printed_person(q['frm'], 'gmail')}",
                          f"Date: {gmail_date(q['date'])}",
                          f"Subject: {q['subject']}",
                          "To: " + ", ".join(printed_person(k, "gmail") for k in q["to"]), "", q["text"]])
    name, address, _ = PEOPLE[q["frm"]]
    return f"On {gmail_date(q['date'])} {name} <{address}> wrote:\n" + "\n".join("> " + l for l in q["text"].split("\n"))

def gmail_thread(layout, thread, truths, path):
    if layout.pages[-1]:
        layout.new_page()
    owner_name, owner_address, _ = PEOPLE[thread["owner"]]
    layout.line([(MARGIN_L, "text", "Gmail", "Helvetica-Bold", 14),
                 (0, "right", f"{owner_name} <{owner_address}>", "Helvetica", 9)], 18)
    layout.rule(0.8)
    layout.line([(MARGIN_L, "text", thread["subject"], "Helvetica-Bold", 13)], 18)
    n = len(thread["messages"])
    layout.line([(MARGIN_L, "text", f"{n} message{'s' if n > 1 else ''}", "Helvetica", 9)], 13)
    for i, e in enumerate(thread["messages"]):
        layout.ensure(90)
        layout.rule(0.4)
        start = layout.page
        name, address, _ = PEOPLE[e["frm"]]
        layout.line([(MARGIN_L, "text", f"{name} <{address}>", "Helvetica-Bold", 10),
                     (0, "right", gmail_date(e["date"]), "Helvetica", 9)], 14)
        layout.field("To:", ", ".join(printed_person(k, "gmail") for k in e["to"]), value_x=MARGIN_L + 22, size=9)
        if e["cc"]:
            layout.field("Cc:", ", ".join(printed_person(k, "gmail") for k in e["cc"]), value_x=MARGIN_L + 22, size=9)
        layout.space(8)
        body = e["body"]
        if e["quote"]:
            body += "\n\n" + gmail_quote(e["quote"])
        elif i > 0:
            body += "\n[Quoted text hidden]"
        layout.paragraph(body)
        # A Gmail print shows the thread's subject once; that is each message's subject as printed.
        truths.append((dict(e, subject=thread["subject"]), body, path, start, layout.page))

# ---------------------------------------------------------------- scans

def scan(pdf_in, pdf_out, seed, dpi=200):
    """Image-only copy of a PDF, as if printed and fed through an office scanner:
    grayscale, slightly rotated, specks of noise, JPEG-compressed."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf_in, os.path.join(tmp, "p")], check=True)
        images = []
        for name in sorted(os.listdir(tmp)):
            img = Image.open(os.path.join(tmp, name)).convert("L")
            img = img.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=255)
            px = img.load()
            w, h = img.size
            for _ in range(w * h // 900):
                x, y = rng.randrange(w), rng.randrange(h)
                px[x, y] = rng.randrange(60, 200)
            img = img.filter(ImageFilter.GaussianBlur(0.45))
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=55, dpi=(dpi, dpi))
            images.append(Image.open(io.BytesIO(buf.getvalue())))
        fixed = time.gmtime(1583150400)  # 2020-03-02, the release date
        images[0].save(pdf_out, "PDF", resolution=dpi, save_all=True, append_images=images[1:],
                       creationDate=fixed, modDate=fixed)

def page_texts(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), pdf, "-"], capture_output=True, text=True).stdout
            for i in range(1, n + 1)]

# ---------------------------------------------------------------- emails as files

def eml_bytes(e, style, attachment=None):
    name, address, _ = PEOPLE[e["frm"]]
    msg_id = f"<{when(e['date']).strftime('%Y%m%d%H%M')}.{e['frm']}@{address.split('@')[1]}>"
    def hdr_people(keys):
        return ", ".join(email.utils.formataddr((PEOPLE[k][0], PEOPLE[k][1])) for k in keys)
    headers = [f"From: {email.utils.formataddr((name, address))}", f"To: {hdr_people(e['to'])}"]
    if e["cc"]:
        headers.append(f"Cc: {hdr_people(e['cc'])}")
    subject = e["subject"]
    if style == "qp-encoded-subject" or style == "latin1":
        charset = "ISO-8859-1" if style == "latin1" else "UTF-8"
        enc = subject.encode("latin-1" if style == "latin1" else "utf-8")
        subject = f"=?{charset}?Q?" + "".join(chr(b) if (48 <= b < 127 and chr(b) not in "=?_") else ("_" if b == 32 else "=%02X" % b) for b in enc) + "?="
    headers += [f"Subject: {subject}", f"Date: {rfc_date(e['date'])}", f"Message-ID: {msg_id}", "MIME-Version: 1.0"]
    body = e["body"]
    if style == "base64":
        headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
        payload = base64.encodebytes(body.encode()).decode()
    elif style in ("qp", "qp-encoded-subject"):
        import quopri
        headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        payload = quopri.encodestring(body.encode()).decode()
    elif style == "latin1":
        headers += ["Content-Type: text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: 8bit"]
        return ("\r\n".join(headers) + "\r\n\r\n").encode() + body.replace("\n", "\r\n").encode("latin-1")
    elif style == "alternative":
        import quopri
        html = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "<p><a href=\"https://clearview.ai/unsubscribe\">Unsubscribe</a></p></body></html>"
        headers.append('Content-Type: multipart/alternative; boundary="alt-boundary-1"')
        payload = ("--alt-boundary-1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                   + quopri.encodestring(body.encode()).decode() + "\r\n--alt-boundary-1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                   + html + "\r\n--alt-boundary-1--\r\n")
    elif style == "html-only":
        html = "<html><head><style>p {color: #333}</style></head><body>" + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in body.split("\n\n")) + "</body></html>"
        headers += ["Content-Type: text/html; charset=utf-8"]
        payload = html
    elif style == "attachment":
        fname, data = attachment
        headers.append('Content-Type: multipart/mixed; boundary="mixed-boundary-7"')
        payload = ("This is a multi-part message in MIME format.\r\n--mixed-boundary-7\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                   + body + "\r\n--mixed-boundary-7\r\n"
                   + f'Content-Type: application/pdf; name="{fname}"\r\nContent-Disposition: attachment; filename="{fname}"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
                   + base64.encodebytes(data).decode() + "--mixed-boundary-7--\r\n")
    else:
        raise ValueError(style)
    return ("\r\n".join(headers) + "\r\n\r\n" + payload.replace("\r\n", "\n").replace("\n", "\r\n")).encode()

def mbox_bytes(messages):
    out = []
    for e in messages:
        raw = eml_bytes(e, "qp").decode().replace("\r\n", "\n")
        # mboxrd: a body line starting with "From " is escaped.
        raw = re.sub(r"^(>*From )", r">\1", raw.split("\n\n", 1)[1], flags=re.M)
        head = eml_bytes(e, "qp").decode().replace("\r\n", "\n").split("\n\n", 1)[0]
        stamp = when(e["date"]).strftime("%a %b %d %H:%M:%S %Y")
        out.append(f"From {PEOPLE[e['frm']][1]} {stamp}\n{head}\n\n{raw.rstrip()}\n\n")
    return "".join(out).encode()

# ---------------------------------------------------------------- documents

def document_pdf(doc, path, furniture=None):
    layout = Layout(furniture or (lambda n, total: []))
    layout.paragraph(doc["title"], font="Helvetica-Bold", size=14, lead=20)
    layout.space(8)
    for p in doc["paragraphs"]:
        layout.paragraph(p, lead=14)
        layout.space(6)
    layout.render(path)
    return layout

def document_truth(doc, path, pages, scanned):
    text = doc["title"] + "\n" + "\n".join(visible(p) for p in doc["paragraphs"])
    agencies = set()
    for agency, names in {"NYPD": ["NYPD", "New York City Police Department"], "Legal Aid Society": ["Legal Aid Society"]}.items():
        if any(n in text for n in names):
            agencies.add(agency)
    date = doc["date"]
    return dict(kind="document", subject=doc["title"], **{"from": None}, to=[], cc=[],
                date="%04d-%02d-%02d" % date, agencies=sorted(agencies), vendors=sorted(vendors_named(text)),
                source=dict(path=path, pages=[1, pages]), ocr=scanned,
                redactions=sum(redaction_count(p) for p in doc["paragraphs"]))

# ---------------------------------------------------------------- phrases

def words(text):
    return re.findall(r"[A-Za-z0-9]+", visible(text))

def pick_phrases(records, all_texts):
    """A 4-word phrase from each record's own text that no other text of the sample holds."""
    corpus = [" ".join(w.lower() for w in words(t)) for t in all_texts]
    for r in records:
        own = words(r.pop("_own"))
        skip = min(6, max(0, len(own) - 4))
        for start in list(range(skip, len(own) - 3)) + list(range(0, skip)):
            cand = own[start:start + 4]
            if sum(len(w) < 3 for w in cand) > 1:
                continue
            phrase = " ".join(cand)
            if sum(f" {phrase.lower()} " in f" {t} " for t in corpus) == 1:
                r["phrase"] = phrase
                break
        else:
            raise SystemExit(f"no unique phrase for {r['subject']}")

# ---------------------------------------------------------------- main

def main():
    for sub in ("releases", "email", "documents", "bad"):
        shutil.rmtree(os.path.join(OUT, sub), ignore_errors=True)
        os.makedirs(os.path.join(OUT, sub))
    records, all_texts, scan_sources = [], [], {}

    def add_email(e, body, path, first, last, ocr):
        printed = e["subject"] + "\n" + body
        t = email_truth(e, printed)
        t["source"] = dict(path=path, pages=[first, last] if first else None)
        t["ocr"] = ocr
        t["_own"] = e["body"]
        records.append(t)
        all_texts.append(printed)

    header = f"FOIL Request No. {FOIL_NO} - Responsive Records - NYPD Legal Bureau"
    # Part 1: Outlook, born-digital.
    path = "releases/NYPD_FOIL_2020-PL-00417_Part1.pdf"
    layout = Layout(foil_furniture("NYPD_", 1, header))
    spans = [outlook_email(layout, e, e["owner"] or "oneill") for e in story.NYPD_PART1]
    layout.render(os.path.join(OUT, path))
    for e, (first, last, body) in zip(story.NYPD_PART1, spans):
        add_email(e, body, path, first, last, False)
    bates = len(layout.pages) + 1

    # Part 2: Gmail threads, born-digital, printed from a browser (its own header and footer).
    path = "releases/NYPD_FOIL_2020-PL-00417_Part2_personal_accounts.pdf"
    def gmail_furniture(n, total):
        return [(MARGIN_L, PAGE_H - 30, "Gmail - Printed thread", "Helvetica", 7),
                (MARGIN_L, 30, f"https://mail.google.com/mail/u/0/?ik=4f2a&view=pt&search=all&permthid=thread-f%3A16{n:02d}", "Helvetica", 7),
                (-(PAGE_W - 72), 30, f"{n}/{total}", "Helvetica", 7),
                (-(PAGE_W - 40), 16, f"NYPD_{bates + n - 1:06d}", "Helvetica-Bold", 9)]
    layout = Layout(gmail_furniture)
    truths = []
    for thread in story.NYPD_PART2_THREADS:
        gmail_thread(layout, thread, truths, path)
    layout.render(os.path.join(OUT, path))
    for e, body, p, first, last in truths:
        add_email(e, body, p, first, last, False)
    bates += len(layout.pages)

    # Part 3: Outlook, scanned.
    path = "releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf"
    layout = Layout(foil_furniture("NYPD_", bates, header))
    spans = [outlook_email(layout, e, "oneill") for e in story.NYPD_SCANS]
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean.pdf")
        layout.render(clean)
        scan(clean, os.path.join(OUT, path), seed=3)
        scan_sources[path] = page_texts(clean)
    for e, (first, last, body) in zip(story.NYPD_SCANS, spans):
        add_email(e, body, path, first, last, True)

    # ICE's release: RFC-style print, scanned.
    path = "releases/ICE_FOIA_2020-ICFO-10233_scanned.pdf"
    layout = Layout(foil_furniture("ICE-2020-", 45, "U.S. Immigration and Customs Enforcement - FOIA 2020-ICFO-10233"))
    spans = [rfc_email(layout, e) for e in story.ICE_SCANS]
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean.pdf")
        layout.render(clean)
        scan(clean, os.path.join(OUT, path), seed=4)
        scan_sources[path] = page_texts(clean)
    for e, (first, last, body) in zip(story.ICE_SCANS, spans):
        add_email(e, body, path, first, last, True)

    # Documents.
    for doc in story.DOCUMENTS:
        path = "documents/" + doc["file"]
        if doc["scanned"]:
            with tempfile.TemporaryDirectory() as tmp:
                clean = os.path.join(tmp, "clean.pdf")
                layout = document_pdf(doc, clean)
                scan(clean, os.path.join(OUT, path), seed=5)
                scan_sources[path] = page_texts(clean)
        else:
            layout = document_pdf(doc, os.path.join(OUT, path))
        t = document_truth(doc, path, len(layout.pages), doc["scanned"])
        t["_own"] = " ".join(doc["paragraphs"])
        records.append(t)
        all_texts.append(doc["title"] + "\n" + "\n".join(doc["paragraphs"]))

    # Email files.
    with tempfile.TemporaryDirectory() as tmp:
        attached = os.path.join(tmp, "a.pdf")
        att_layout = document_pdf(story.ATTACHMENT_DOC, attached)
        attachment = (story.ATTACHMENT_DOC["file"], open(attached, "rb").read())
    for fname, style, e in story.EML:
        path = "email/" + fname
        with open(os.path.join(OUT, path), "wb") as f:
            f.write(eml_bytes(e, style, attachment if style == "attachment" else None))
        add_email(e, e["body"], path, None, None, False)
        if style == "attachment":
            t = document_truth(story.ATTACHMENT_DOC, path, len(att_layout.pages), False)
            t["source"]["attachment"] = attachment[0]
            t["attachment_of"] = e["subject"]
            t["_own"] = " ".join(story.ATTACHMENT_DOC["paragraphs"])
            records.append(t)
            all_texts.append(" ".join(story.ATTACHMENT_DOC["paragraphs"]))
    path = "email/vendor_outreach.mbox"
    with open(os.path.join(OUT, path), "wb") as f:
        f.write(mbox_bytes(story.MBOX))
    for e in story.MBOX:
        add_email(e, e["body"], path, None, None, False)

    # Quoted copies: text that appears only inside another email's quote.
    quoted = []
    for e in story.NYPD_PART1 + story.NYPD_SCANS + [m for t in story.NYPD_PART2_THREADS for m in t["messages"]]:
        if e["quote"]:
            quoted.append(dict(quoted_in=e["subject"], quoted_subject=e["quote"]["subject"], text=e["quote"]["text"]))
            all_texts.append(e["quote"]["text"])

    pick_phrases(records, all_texts)

    # Bad files.
    bad = []
    def write_bad(name, data, reason):
        with open(os.path.join(OUT, "bad", name), "wb") as f:
            f.write(data)
        bad.append(dict(path="bad/" + name, reason=reason))
    part1 = open(os.path.join(OUT, "releases/NYPD_FOIL_2020-PL-00417_Part1.pdf"), "rb").read()
    write_bad("truncated.pdf", part1[: len(part1) * 2 // 5], "damaged or truncated PDF")
    write_bad("empty.pdf", b"", "empty file")
    write_bad("random_bytes.pdf", random.Random(7).randbytes(20000), "not a PDF")
    with tempfile.TemporaryDirectory() as tmp:
        enc = os.path.join(tmp, "e.pdf")
        lay = Layout(lambda n, t: [])
        lay.paragraph("Confidential: this file is protected with a password.")
        lay.render(enc, encrypt=pdfencrypt.StandardEncryption("foil-2020", ownerPassword="owner", strength=128))
        write_bad("password_protected.pdf", open(enc, "rb").read(), "encrypted PDF: needs a password")
    write_bad("garbage.eml", b"%%%% scanner log 0x3F\nsector 12 unreadable; retry 3 of 3\n\x01\x02 binary tail \x00\x00", "not an email")
    full = mbox_bytes(story.MBOX[:1])
    write_bad("truncated.mbox", full[: full.index(b"Subject:") - 20], "no complete message in this mbox")

    truth = dict(
        description="The sample release's truth: every record corpus should find, with the CLI contract's fields. "
                    "Dates carry an offset only where the layout prints one (Outlook and Gmail prints do not). "
                    "Agencies come from correspondents' domains and from the signature of a sender on a personal "
                    "account; vendors from vendor correspondents and vendors the text names. Redactions count black "
                    "boxes and exemption codes. 'phrase' is found in that record's text and nowhere else.",
        records=records, quoted=quoted, scan_sources=scan_sources, bad=bad)
    with open(os.path.join(OUT, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    print(f"{len(records)} records ({sum(r['kind'] == 'email' for r in records)} emails), {len(bad)} bad files")

if __name__ == "__main__":
    main()
