#!/usr/bin/python3
"""Layout-randomised generator of printed-email releases with a truth file.

    /usr/bin/python3 accuracy/generate.py --out DIR --seeds 1000-1039 [--max-scans N] [--jobs N]

One seed -> one release file DIR/seed-<seed>.pdf (or .txt), drawn from
random.Random(seed) only; DIR/truth.json describes every email in every file.
See accuracy/README.md.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mg_content as C  # noqa: E402
import mg_print as P  # noqa: E402
import mg_render as R  # noqa: E402

FAMILIES = ['outlook', 'gmail', 'rfc', 'notes', 'apple', 'tracker']
FAMILY_W = [30, 17, 15, 12, 12, 14]
QUOTE_STYLES = {
    'outlook': ['original-message', 'underscore', 'rule', 'bare-header', 'forwarded', 'on-wrote'],
    'gmail': ['on-wrote', 'hidden', 'forwarded'],
    'rfc': ['on-wrote', 'on-wrote-tb', 'original-message', 'forwarded', 'bare-header', 'underscore'],
    'notes': ['notes-header', 'notes-forward', 'original-message', 'rule'],
    'apple': ['on-wrote-apple', 'begin-forwarded', 'forwarded'],
    'tracker': [],
}
FONTS = ['Helvetica', 'Times-Roman', 'Courier', 'DejaVuSans', 'LiberationSerif', 'LiberationSans']
FAMILY_FONTS = {
    'outlook': [3, 4, 1, 2, 4, 3], 'gmail': [4, 1, 0, 3, 1, 4], 'rfc': [2, 3, 4, 2, 2, 1],
    'notes': [3, 3, 2, 2, 2, 2], 'apple': [4, 1, 0, 3, 1, 3], 'tracker': [4, 2, 0, 3, 1, 3],
}
SITES = ['OpenRecords Desk', 'FOIL Ledger', 'Public Requests Hub', 'RecordsWatch', 'Transparency Docket']
REQUEST_TITLES = ['{ag} Facial Recognition Records', '{v} contracts and communications ({ag})',
                  'Records about {v} trial use by {ag}', 'Facial recognition policy and audit logs - {ag}',
                  '{ag} emails mentioning {v}', 'Face recognition searches and ICE referrals ({ag})']
ATTACH = ['Trial Agreement.pdf', 'IMG_{n}.jpg', 'image001.png', 'Quote_{n}.pdf', 'User Guide.pdf',
          'probe_{n}.jpg', 'MOU draft v{k}.docx', 'Pricing {y}.xlsx', 'lead_sheet_{n}.pdf', 'agenda.docx']
BANNERS = ['CONFIDENTIAL', 'LAW ENFORCEMENT SENSITIVE', 'FOR OFFICIAL USE ONLY', 'ATTORNEY-CLIENT PRIVILEGED']
FOIL_CODES = ['\u00a787(2)(b)', '\u00a787(2)(e)(i)', '\u00a787(2)(f)', '\u00a787(2)(g)', '\u00a787(2)(e)(iv)']
FOIA_CODES = ['(b)(6)', '(b)(7)(C)', '(b)(7)(E)', '(b)(5)', '(b)(7)(A)']


def wchoice(rng, items, weights):
    t = rng.random() * sum(weights)
    for it, w in zip(items, weights):
        t -= w
        if t < 0:
            return it
    return items[-1]


def parse_seeds(spec):
    out = []
    for part in spec.split(','):
        part = part.strip()
        if not part:
            continue
        if '-' in part:
            a, b = part.split('-', 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    seen, res = set(), []
    for s in out:
        if s not in seen:
            seen.add(s)
            res.append(s)
    return res


# --------------------------------------------------------------------------
# File-level factors

def draw_factors(rng, force=None):
    """The seed's layout factors. `force` (development seeds only) sets medium, family,
    notes_layout or rfc_order in place of the seed's own draw (which is still made, so that
    the draws before and beside it stay the seed's)."""
    force = force or {}
    F = {}
    r = rng.random()
    F['medium'] = force.get('medium', 'born-digital' if r < 0.6 else ('scan' if r < 0.9 else 'text'))
    fam = force.get('family', wchoice(rng, FAMILIES, FAMILY_W))
    F['family'] = fam
    # scan parameters (always drawn, so capping scans does not shift other draws)
    F['scan'] = {
        'dpi': rng.choice([150, 200, 240, 300]),
        'mode': 'bilevel' if rng.random() < 0.35 else 'gray',
        'skew': round(rng.uniform(-2.0, 2.0), 2),
        'jpeg': rng.randint(35, 85),
        'blur': rng.choice([0, 0, 0, 0.5, 0.8]),
        'speckle': rng.choice([2, 5, 10, 20]),
        'threshold': rng.randint(110, 170),
        'paper': rng.randint(225, 252),
        'ink': rng.randint(0, 45),
        'edge_shadow': rng.random() < 0.15,
        'noise_seed': rng.getrandbits(32),
    }
    F['page_size'] = 'letter' if rng.random() < 0.7 else 'A4'
    F['margins'] = [round(rng.uniform(0.5, 1.25), 2) for _ in range(4)]
    F['font'] = wchoice(rng, FONTS, FAMILY_FONTS[fam])
    F['font_size'] = rng.choice([9, 9.5, 10, 10, 10.5, 11, 11, 12])
    F['line_spacing'] = round(rng.uniform(1.0, 1.4), 2)
    F['labels'] = 'bold' if rng.random() < 0.6 else 'plain'
    F['label_columns'] = 'aligned' if rng.random() < 0.55 else 'flow'
    F['vcol'] = round(rng.uniform(0.85, 1.4), 2)
    F['flow_cont'] = rng.choice([0.0, 0.0, 0.3, 0.5])
    F['quote_label_columns'] = rng.choice(['flow', 'flow', 'aligned'])
    F['colon'] = True
    F['para_gap'] = rng.random() < 0.85
    F['gap_after_header'] = rng.random() < 0.9
    F['new_page_per_email'] = rng.choice(['always', 'never', 'sometimes'])
    F['separator'] = rng.choice(['gap1', 'gap2', 'rule', 'gap+rule', 'none', 'gap1'])
    F['same_sender_runs'] = rng.random() < 0.5
    styles = list(QUOTE_STYLES[fam])
    rng.shuffle(styles)
    F['quote_styles'] = styles[:rng.randint(1, min(3, len(styles)))] if styles else []
    F['quote_rate'] = round(rng.uniform(0.35, 0.9), 2)
    F['quote_indent'] = rng.choice([0.0, 0.0, 0.25, 0.5])
    F['quote_from_style'] = rng.choice(['mailto', 'last_first', 'first_last_addr', 'last_first_addr'])
    F['name_style'] = rng.choice(['exchange', 'full', 'display', 'mixed', 'bare'])
    F['addr_mixed'] = rng.random() < 0.2
    F['order'] = rng.choice(['chronological', 'reverse', 'by-thread'])
    F['emails'] = rng.randint(5, 15)
    F['long_lists'] = rng.random() < 0.6
    F['traps'] = rng.random() < 0.8
    F['personal_rate'] = rng.choice([0.0, 0.3, 0.6])
    # family specifics
    F['owner_line'] = rng.choice(['none', 'bold', 'bold+rule']) if fam == 'outlook' else 'none'
    F['owner_mult'] = rng.choice([1.0, 1.15, 1.3])
    F['owner_rule_w'] = rng.choice([1.0, 2.0, 3.0])
    F['owner_format'] = rng.choice(['last_first', 'first_last'])
    F['owners'] = rng.choice([1, 1, 1, 2, 3])
    if fam == 'outlook':
        F['date_label'] = 'Sent' if rng.random() < 0.8 else 'Date'
        F['date_style'] = rng.choice(['outlook-long', 'outlook-long-pad', 'outlook-long-sec', 'outlook-short'])
    elif fam == 'rfc':
        F['date_label'] = 'Date' if rng.random() < 0.8 else 'Sent'
        F['date_style'] = rng.choice(['rfc', 'rfc-nopad'])
    elif fam == 'gmail':
        F['date_label'] = None
        F['date_style'] = rng.choice(['gmail-a', 'gmail-b'])
    elif fam == 'notes':
        F['date_label'] = None
        F['date_style'] = rng.choice(['notes', 'notes-nopad'])
    elif fam == 'apple':
        F['date_label'] = 'Date'
        F['date_style'] = 'apple'
    else:
        F['date_label'] = None
        F['date_style'] = None
    F['quote_date_style'] = rng.choice(['outlook-long', 'outlook-long-pad', 'outlook-short'])
    F['on_date_style'] = rng.choice(['gmail-a', 'gmail-a', 'gmail-b'])
    order = rng.choice([['Date', 'From', 'To', 'Cc', 'Subject'], ['From', 'Date', 'Subject', 'To', 'Cc'],
                        ['From', 'To', 'Cc', 'Date', 'Subject'], ['Subject', 'From', 'Date', 'To', 'Cc'],
                        ['From', 'Date', 'To', 'Cc', 'Subject']])
    F['rfc_order'] = force['rfc_order'].split(',') if 'rfc_order' in force else order
    F['rfc_contact'] = rng.choice(['first_last_addr', 'first_last_addr', 'quoted_addr', 'addr'])
    F['rfc_attach'] = rng.random() < 0.5
    F['notes_layout'] = force.get('notes_layout', rng.choice(['side', 'stacked']))
    F['notes_col2'] = round(rng.uniform(2.2, 2.8), 2)
    F['notes_indent'] = rng.choice([0.0, 0.3, 0.6])
    F['notes_bcc'] = rng.random() < 0.6
    F['please_respond'] = rng.random() < 0.5
    F['notes_colon'] = rng.random() < 0.3
    F['apple_subject_title'] = rng.random() < 0.3
    F['apple_names'] = rng.random() < 0.5
    F['gmail_logo'] = rng.choice(['Gmail', 'M Gmail'])
    F['gmail_account'] = rng.random() < 0.6
    F['gmail_names'] = rng.random() < 0.6
    F['gmail_rule_between'] = rng.random() < 0.7
    F['title_mult'] = rng.choice([1.3, 1.45, 1.6])
    F['tracker_status'] = rng.choice(['Completed', 'Partially Completed', 'Awaiting Response', 'Rejected',
                                      'Fix Required'])
    F['tracker_date_label'] = rng.random() < 0.5
    F['tracker_msg_dates'] = rng.choice([0.0, 0.0, 0.4, 0.8])
    F['tracker_thread_date'] = rng.random() < 0.6
    # redactions
    F['redaction'] = wchoice(rng, ['none', 'box', 'box+code', 'code', 'bracket'], [20, 28, 30, 10, 12])
    F['codes'] = rng.choice(['foil', 'foia'])
    F['header_redaction'] = rng.random() < 0.4
    # furniture
    furn = []
    for kind, p in [('court-stamp', 0.25), ('state', 0.12), ('bates', 0.45), ('page-number', 0.5),
                    ('foil-header', 0.25), ('banner', 0.15)]:
        if rng.random() < p:
            furn.append(kind)
    if fam in ('gmail', 'tracker') and rng.random() < 0.75:
        furn.append('browser')
    if 'state' in furn:
        F['redaction'] = 'state'
    F['furniture'] = furn
    F['page_number_style'] = rng.choice(['Page {n} of {m}', '{n}', '- {n} -', '{n}/{m}', 'Page {n}'])
    F['page_number_pos'] = rng.choice(['bottom-c', 'bottom-r', 'top-r'])
    F['bates_prefix'] = rng.choice(['NYPD_', 'DEF-', 'ICE-2020-ICFO-{r}-', 'CLEARVIEW_', 'LAS-FOIL-', 'NYC_',
                                    'PROD'])
    F['bates_start'] = rng.randint(1, 40000)
    F['bates_digits'] = rng.choice([6, 7, 6])
    F['banner'] = rng.choice(BANNERS)
    F['banner_pos'] = rng.choice(['top', 'bottom', 'both'])
    # text medium
    F['text_width'] = rng.choice([72, 78, 80, 90, 100])
    F['text_page_lines'] = rng.randint(50, 66)
    F['text_page_sep'] = rng.choice(['formfeed', 'page-line', 'blank', 'none'])
    if F['text_page_sep'] == 'page-line' and 'page-number' in furn:
        F['text_page_sep'] = 'formfeed'
    F['text_page_fmt'] = rng.choice(['Page {n}', '-- Page {n} of {m} --', '[Page {n}]'])
    F['text_rule_char'] = rng.choice(['_', '-', ''])
    return F


# --------------------------------------------------------------------------
# Content assembly

class World:
    def __init__(self, rng, entities, F):
        self.rng = rng
        self.F = F
        self.entities = entities
        allow_intl = F['font'] not in R.STD_BOLD or F['medium'] == 'text'
        self.cast = C.Cast(rng, allow_intl)
        agencies = list(C.AGENCY_INFO)
        vendors = list(C.VENDOR_INFO)
        main_ag = 'NYPD' if rng.random() < 0.45 and 'NYPD' in agencies else rng.choice(
            [a for a in agencies if a != 'Legal Aid Society'])
        main_v = 'Clearview AI' if rng.random() < 0.4 and 'Clearview AI' in vendors else rng.choice(vendors)
        v2 = rng.choice([v for v in vendors if v != main_v])
        self.main_ag, self.main_v, self.v2 = main_ag, main_v, v2
        others = [a for a in agencies if a != main_ag]
        self.other_ags = rng.sample(others, rng.randint(1, 3))
        if 'ICE' not in self.other_ags and main_ag != 'ICE' and rng.random() < 0.4 and 'ICE' in agencies:
            self.other_ags.append('ICE')
        cast = self.cast
        pr = F['personal_rate']
        self.A = [cast.add_agency_person(main_ag, personal_prob=pr) for _ in range(rng.randint(3, 6))]
        self.foil_officer = cast.add_agency_person(main_ag, unit='FOIL Unit' if main_ag == 'NYPD' else
                                                   'Records Access Office')
        self.V = [cast.add_vendor_person(main_v) for _ in range(rng.randint(1, 3))]
        self.V2 = [cast.add_vendor_person(v2) for _ in range(rng.randint(0, 2))]
        self.X = [cast.add_agency_person(a) for a in self.other_ags for _ in range(rng.randint(1, 2))]
        self.O = [cast.add_other_person() for _ in range(rng.randint(0, 2))]
        self.Pub = [cast.add_public_person() for _ in range(rng.randint(0, 2))]
        self.custodian = self.A[0]
        if F['family'] == 'gmail' and not self.custodian.personal and rng.random() < 0.6:
            self.custodian.personal = cast._personal_address(self.custodian)
        self.contacts = {}
        boss_last = rng.choice(C.LAST)
        self.ctx = {
            'vendor': main_v, 'vendor2': v2,
            'unit': self.custodian.unit,
            'boss': rng.choice(['Chief', 'Inspector', 'Deputy Commissioner', 'the DC', 'Captain']) + ' ' + boss_last,
            'foil': 'FOIL-%d-%03d-%05d' % (0, 0, 0),
            'foia': '%d-ICFO-%05d' % (2020, rng.randint(10000, 99999)),
        }
        y0 = rng.randint(2017, 2021)
        self.base = dt.datetime(y0, rng.randint(1, 12), rng.randint(1, 28), 12, 0)
        self.ctx['foil'] = 'FOIL-%d-%03d-%05d' % (y0, rng.randint(1, 120), rng.randint(100, 99999))
        self.msgs = []

    def contact(self, person, personal=None):
        rng = self.rng
        if personal is None:
            personal = person.personal is not None and rng.random() < 0.5
        addr = person.personal if (personal and person.personal) else person.address
        k = (person.key, addr)
        if k not in self.contacts:
            self.contacts[k] = C.Contact(person, addr)
        return self.contacts[k]

    def extra_agency_people(self, n):
        pool = [p for p in self.A + self.X if p is not self.custodian]
        while len(pool) < n:
            p = self.cast.add_agency_person(self.rng.choice([self.main_ag] + self.other_ags))
            (self.A if p.entity == self.main_ag else self.X).append(p)
            pool.append(p)
        return self.rng.sample(pool, n)

    def stamp_after(self, prev_utc, zone, min_minutes=3, max_days=3.0):
        rng = self.rng
        if prev_utc is None:
            prev_utc = self.base + dt.timedelta(days=rng.randint(0, 150))
        for _ in range(50):
            lo = min_minutes
            mins = rng.choice([rng.randint(lo, lo + 90), rng.randint(lo + 60, lo + 600),
                               rng.randint(lo + 600, lo + int(max_days * 1440) + 600)])
            cand = prev_utc + dt.timedelta(minutes=mins, seconds=rng.randint(0, 59))
            st = C.Stamp(cand, zone)
            if 6 <= st.local.hour <= 22 or rng.random() < 0.1:
                return st
        return C.Stamp(prev_utc + dt.timedelta(hours=1), zone)

    def subj_style(self):
        fam = self.F['family']
        if fam == 'outlook':
            return 'outlook'
        if fam in ('gmail', 'apple'):
            return 'lower'
        return self.rng.choice(['outlook', 'lower'])

    def participants(self, topic):
        rng = self.rng
        A = self.A
        if topic in ('trial', 'procurement', 'tech'):
            vend = self.V + (self.V2 if topic == 'tech' else [])
            a, b = rng.choice(vend), rng.choice(A)
            if rng.random() < 0.5:
                a, b = b, a
        elif topic == 'meeting':
            a = rng.choice(A)
            b = rng.choice(self.V + self.X + self.O) if (self.X or self.O) else rng.choice(self.V)
            if rng.random() < 0.5:
                a, b = b, a
        elif topic == 'case':
            a, b = rng.sample(A, 2)
            if self.X and rng.random() < 0.3:
                a = rng.choice(self.X)
        elif topic == 'ice':
            ice = [p for p in self.X if p.entity in ('ICE', 'DHS', 'CBP')] or self.X or A
            a, b = rng.choice(ice), rng.choice(A)
            if rng.random() < 0.4:
                a, b = b, a
        elif topic == 'foil':
            req = self.Pub + [p for p in self.O if getattr(p, 'otherkind', '') in ('press', 'advocacy', 'lawfirm')]
            a = rng.choice(req) if req else self.cast.add_public_person()
            if not req:
                self.Pub.append(a)
            b = self.foil_officer
        else:  # press
            press = [p for p in self.O] or [self.cast.add_other_person()]
            if not self.O:
                self.O += press
            a, b = rng.choice(press), rng.choice(A)
        return a, b

    def pick_topic(self):
        rng = self.rng
        topics = ['trial', 'procurement', 'meeting', 'case', 'tech', 'foil', 'press']
        w = [6, 3, 4, 3, 2, 1, 1]
        if any(p.entity in ('ICE', 'DHS', 'CBP') for p in self.X):
            topics.append('ice')
            w.append(3)
        return wchoice(rng, topics, w)

    def new_msg(self, sender_c, to, cc, stamp, subject, kind, thread, topic, long_body):
        m = C.Msg()
        m.sender, m.to, m.cc, m.stamp = sender_c, to, cc, stamp
        m.subject, m.kind, m.thread, m.topic = subject, kind, thread, topic
        m.reply_to = self.F['family'] == 'apple' and self.rng.random() < 0.1
        m.importance = self.rng.random() < 0.07
        if self.F['family'] == 'outlook' and self.rng.random() < 0.05:
            pool = [p for p in self.A if p is not sender_c.person and all(p is not c.person for c in to + cc)]
            if pool:
                m.bcc = [self.contact(self.rng.choice(pool), False)]
        if self.rng.random() < 0.15:
            m.attachments = [self._attach() for _ in range(self.rng.randint(1, 3))]
        m.paras = C.compose_body(self.rng, m, topic, self.ctx, long_body, self.F['traps'])
        m.qstyle = None
        m.tracker_from = m.tracker_to = m.tracker_subject = m.tracker_date = None
        return m

    def _attach(self):
        rng = self.rng
        a = rng.choice(ATTACH)
        return a.format(n=rng.randint(1000, 9999), k=rng.randint(1, 5), y=rng.randint(2018, 2021))

    def recipients(self, sender_p, primary):
        rng = self.rng
        to = [self.contact(primary)]
        if self.F['long_lists'] and rng.random() < 0.25:
            extra = [p for p in self.extra_agency_people(rng.randint(4, 11)) if p not in (sender_p, primary)]
            to += [self.contact(p, False) for p in extra]
        elif rng.random() < 0.25:
            pool = [p for p in self.A + self.V if p not in (sender_p, primary)]
            if pool:
                to.append(self.contact(rng.choice(pool), False))
        cc = []
        if rng.random() < 0.45:
            pool = [p for p in self.A + self.X if p not in (sender_p, primary) and all(p is not c.person for c in to)]
            k = min(len(pool), rng.choice([1, 1, 2, 3]))
            cc = [self.contact(p, False) for p in rng.sample(pool, k)]
        return to, cc

    def thread(self, tid, n, start_utc=None):
        rng = self.rng
        topic = self.pick_topic()
        a, b = self.participants(topic)
        style = self.subj_style()
        base = C.fill(rng, rng.choice(C.TOPICS[topic]['subjects']),
                      C.make_slots(rng, self.ctx, C.Stamp(self.base, 'eastern'), a, b))
        msgs = []
        sender_p = a
        to, cc = self.recipients(a, b)
        st = self.stamp_after(start_utc, self.F.get('zone_for', {}).get(a.key, a.zone))
        subj = base
        long_first = rng.random() < 0.25
        m = self.new_msg(self.contact(a), to, cc, st, subj, 'new', tid, topic, long_first)
        msgs.append(m)
        for i in range(1, n):
            prev = msgs[-1]
            kind = 'reply' if rng.random() < 0.78 else 'forward'
            if kind == 'reply':
                cands = [c.person for c in prev.to if c.person is not prev.sender.person] or [b]
                sp = cands[0] if rng.random() < 0.7 else rng.choice(cands)
                to = [self.contact(prev.sender.person, prev.sender.personal)]
                cc = list(prev.cc) if rng.random() < 0.6 else []
                if rng.random() < 0.3:
                    to += [c for c in prev.to if c.person is not sp]
            else:
                cands = [c.person for c in prev.to] + [prev.sender.person]
                sp = rng.choice(cands)
                pool = [p for p in self.A + self.X + self.V if p is not sp]
                to = [self.contact(rng.choice(pool), False)]
                cc = []
            to = [c for c in to if c.person is not sp] or [self.contact(prev.sender.person)]
            cc = [c for c in cc if c.person is not sp and c not in to]
            sc = self.contact(sp)
            st = self.stamp_after(prev.stamp.utc, sp.zone)
            subj = C.prefix_subject(rng, prev.subject, kind, style)
            m = self.new_msg(sc, to, cc, st, subj, kind, tid, topic, rng.random() < 0.2)
            m.quote = prev
            msgs.append(m)
        return msgs

    def tracker_thread(self, tid, n):
        rng = self.rng
        req = (self.Pub + [p for p in self.O if getattr(p, 'otherkind', '') in ('press', 'advocacy')])
        requester = rng.choice(req) if req else self.cast.add_public_person()
        officer = self.foil_officer
        ag_long = C.AGENCY_INFO.get(self.main_ag, (0, 0, 0, self.main_ag))[3]
        title = rng.choice(REQUEST_TITLES).format(ag=self.main_ag, v=rng.choice(
            C.VENDOR_INFO.get(self.main_v, (0, [self.main_v]))[1]))
        site = self.F['site']
        msgs = []
        st = self.stamp_after(None, 'eastern')
        subj = title
        for i in range(n):
            if i == 0:
                sender, kind = requester, 'new'
            else:
                sender = officer if (i % 2 == 1 or rng.random() < 0.5) else requester
                kind = 'reply'
            to_c = self.contact(officer if sender is requester else requester, False)
            m = self.new_msg(self.contact(sender, False), [to_c], [], st, subj if i == 0 else
                             C.prefix_subject(rng, subj, 'reply', 'lower'), kind, tid, 'foil', rng.random() < 0.15)
            m.attachments = []
            m.importance = False
            if sender is officer and rng.random() < 0.3:
                m.tracker_from = ag_long
            elif sender is requester or rng.random() < 0.7:
                m.tracker_from = sender.name
            else:
                m.tracker_from = site
            m.tracker_to = (ag_long if sender is requester else requester.name) if rng.random() < 0.5 else None
            m.tracker_subject = rng.random() < 0.4
            if rng.random() < self.F['tracker_msg_dates']:
                m.tracker_date = rng.choice(['date-slash', 'date-long', 'date-long', 'date-noyear'])
            msgs.append(m)
            st = self.stamp_after(st.utc, 'eastern', 600, 12)
        return msgs, title, requester, ag_long


def decide_redactions(rng, F, msg):
    mode = F['redaction']
    # drop the protection markers, remembering which tokens they covered
    paras = []
    protected = []
    for kind, text in msg.paras:
        prot = set()
        toks = text.split(' ')
        inside = False
        for j, t in enumerate(toks):
            if C.PROTECT_ON in t:
                inside = True
            if inside:
                prot.add(j)
            if C.PROTECT_OFF in t:
                inside = False
        paras.append((kind, text.replace(C.PROTECT_ON, '').replace(C.PROTECT_OFF, '')))
        protected.append(prot)
    msg.paras = paras
    if mode == 'none':
        msg.body_words = [(k, P.words_of(P.strip_marks(t))) for k, t in paras]
        return
    k = rng.choice([0, 0, 0, 1, 1, 2, 3, 4])
    marks = []
    for pi, (kind, text) in enumerate(paras):
        for mi in range(len(re.findall(r'\[\[', text))):
            marks.append((pi, mi))
    if len(marks) < k:
        wraps = [i for i, (kind, t) in enumerate(paras) if kind == 'wrap']
        for _ in range(k - len(marks)):
            if not wraps:
                break
            pi = rng.choice(wraps)
            toks = paras[pi][1].split(' ')
            cand = [j for j, t in enumerate(toks) if re.fullmatch(r'[A-Za-z]{4,}', t) and '[[' not in t
                    and j not in protected[pi]]
            if not cand:
                continue
            j = rng.choice(cand)
            toks[j] = '[[' + toks[j] + ']]'
            text = ' '.join(toks)
            paras[pi] = (paras[pi][0], text)
        marks = []
        for pi, (kind, text) in enumerate(paras):
            for mi in range(len(re.findall(r'\[\[', text))):
                marks.append((pi, mi))
    chosen = set(rng.sample(marks, min(k, len(marks))))
    codes = FOIL_CODES if F['codes'] == 'foil' else FOIA_CODES
    out = []
    blen = 16
    for pi, (kind, text) in enumerate(paras):
        n = len(re.findall(r'\[\[', text))
        dec = []
        for mi in range(n):
            if (pi, mi) not in chosen:
                dec.append(None)
            elif mode in ('box', 'state'):
                dec.append(('box',))
            elif mode == 'box+code':
                dec.append(('boxcode', rng.choice(codes)) if rng.random() < 0.65 else ('box',))
            elif mode == 'code':
                dec.append(('code', rng.choice(codes)))
            else:
                dec.append(('code', '[REDACTED]'))
        out.append((kind, P.redact_words(text, dec, blen)))
    msg.body_words = out
    if F['header_redaction'] and rng.random() < 0.2:
        pool = [c for c in msg.to + msg.cc]
        if rng.random() < 0.2:
            pool.append(msg.sender)
        if pool:
            msg.hidden_addr.add(rng.choice(pool).key)


# --------------------------------------------------------------------------

def build(seed, entities, allow_scan, workdir, force=None):
    rng = random.Random(seed)
    F = draw_factors(rng, force)
    medium = F['medium']
    demoted = False
    if medium == 'scan' and not allow_scan:
        medium = 'born-digital'
        demoted = True
    fam = F['family']
    F['site'] = rng.choice(SITES)
    W = World(rng, entities, F)
    F['zone'] = W.custodian.zone if fam != 'rfc' else 'eastern'
    F['org'] = W.main_ag

    # ---- messages
    groups = []   # list of lists of msgs (threads as printed)
    total = F['emails']
    tid = 0
    tracker_info = {}
    run_msgs = []
    if F['same_sender_runs'] and fam != 'tracker':
        k = rng.randint(2, 4)
        sp = W.custodian if rng.random() < 0.6 else rng.choice(W.A + W.V)
        sc = W.contact(sp)
        st = None
        for i in range(k):
            tid += 1
            topic = W.pick_topic()
            _, b = W.participants(topic)
            if b is sp:
                b = rng.choice([p for p in W.A + W.V if p is not sp])
            to, cc = W.recipients(sp, b)
            to = [c for c in to if c.person is not sp] or [W.contact(b)]
            st = W.stamp_after(st.utc if st else None, sp.zone, 30, 2)
            subj = C.fill(rng, rng.choice(C.TOPICS[topic]['subjects']),
                          C.make_slots(rng, W.ctx, st, sp, b))
            m = W.new_msg(sc, to, cc, st, subj, 'new', tid, topic, rng.random() < 0.3)
            m.force_new_page = True
            m.run_id = 1
            run_msgs.append(m)
        total = max(total - k, 2)
    printed = []
    while sum(len(g) for g in groups) < total:
        tid += 1
        if fam == 'tracker':
            n = rng.randint(3, 7)
            msgs, title, requester, ag_long = W.tracker_thread(tid, n)
            tracker_info[tid] = (title, requester, ag_long)
        else:
            n = rng.randint(1, 6)
            msgs = W.thread(tid, n)
        # sometimes the start of the thread is not in the release (only quoted)
        if len(msgs) > 1 and fam != 'tracker' and rng.random() < 0.3:
            msgs_p = msgs[rng.randint(1, len(msgs) - 1):]
        else:
            msgs_p = msgs
        room = total - sum(len(g) for g in groups)
        groups.append(msgs_p[:room])
    # quote styles
    allm = [m for g in groups for m in g]
    for m in allm:
        if m.quote is not None and F['quote_styles']:
            if m.kind == 'forward' or rng.random() < F['quote_rate']:
                m.qstyle = rng.choice(F['quote_styles'])
    # also quoted-only messages may themselves quote (nested history)
    seen = set(id(m) for m in allm)
    for m in allm:
        q = m.quote
        while q is not None and id(q) not in seen:
            seen.add(id(q))
            if q.quote is not None and F['quote_styles'] and rng.random() < F['quote_rate']:
                q.qstyle = rng.choice(F['quote_styles'])
            q = q.quote
    # order
    if fam in ('gmail', 'tracker') or F['order'] == 'by-thread':
        ordered_groups = [sorted(g, key=lambda m: m.stamp.utc) for g in groups]
        if fam not in ('gmail', 'tracker') and rng.random() < 0.3:
            ordered_groups = [list(reversed(g)) for g in ordered_groups]
    else:
        flat = sorted(allm, key=lambda m: m.stamp.utc)
        if F['order'] == 'reverse':
            flat.reverse()
        ordered_groups = [[m] for m in flat]
    if run_msgs:
        pos = rng.randint(0, len(ordered_groups))
        ordered_groups[pos:pos] = [[m] for m in run_msgs]
    order = [m for g in ordered_groups for m in g]
    for i, m in enumerate(order):
        m.file_index = i
    # redactions (message level, so quoted copies match)
    done = set()
    for m in order:
        q = m
        chain = []
        while q is not None and id(q) not in done:
            chain.append(q)
            q = q.quote
        for q in chain:
            done.add(id(q))
            decide_redactions(rng, F, q)

    # ---- furniture dates (all after the last email, so never equal to an email date)
    last_local = max(mm.stamp.local for mm in order)
    rel = last_local + dt.timedelta(days=rng.randint(20, 700), hours=rng.randint(0, 8))
    furniture_dates = []
    fd = {}

    def fdate(key, days_after):
        d = rel + dt.timedelta(days=days_after)
        fd[key] = d
        furniture_dates.append(d.strftime('%Y-%m-%d'))
        return d

    tracker_updated = None
    if fam == 'tracker' and F['tracker_thread_date']:
        d = fdate('tracker', rng.randint(0, 60))
        tracker_updated = '%s %d, %d' % (C.MONTHS[d.month - 1], d.day, d.year)

    # ---- geometry / metrics
    psize = (612.0, 792.0) if F['page_size'] == 'letter' else (595.28, 841.89)
    ml, mr, mt, mb = [v * 72 for v in F['margins']]
    if 'state' in F['furniture']:
        mr = max(mr, 54)
    text_mode = medium == 'text'
    if text_mode:
        m = P.TextMetrics(F['text_width'])
        roles = None
    else:
        roles = R.font_roles(F['font'])
        m = P.PdfMetrics(roles, F['font_size'], psize[0] - ml - mr)
    Fp = dict(F)
    if fam == 'notes':
        Fp['colon'] = F['notes_colon']
        Fp['label_columns'] = 'aligned'
    if fam == 'notes' and F['notes_layout'] == 'side':
        Fp['colon'] = F['notes_colon']
    if fam == 'apple':
        Fp['vcol'] = max(F['vcol'], 0.75)
    Fp['notes_date_style'] = F['date_style'] if fam == 'notes' else 'notes'
    pr = P.FamilyPrinter(Fp, m, rng)

    owners = [W.custodian] + [p for p in W.A[1:]][:F['owners'] - 1]

    def owner_of(msg):
        o = owners[msg.file_index % len(owners)] if len(owners) > 1 and msg.file_index % 3 == 2 else owners[0]
        if msg.run_id:
            o = owners[0]
        return o.last_first() if F['owner_format'] == 'last_first' else o.name

    lines = []
    recs = []
    thread_of_line = []
    new_page_mode = F['new_page_per_email']
    sep_mode = F['separator']
    account = None
    if fam == 'gmail' and F['gmail_account']:
        c = W.custodian
        account = '%s <%s>' % (c.name, c.personal or c.address)
    gi = 0
    for g in ordered_groups:
        gi += 1
        group_start = True
        for j, msg in enumerate(g):
            idx = msg.file_index
            rec = {'index': idx, 'from': None, 'to': [], 'cc': [], 'bcc': [], 'date': None, 'date_printed': None,
                   'subject': None, 'quoted': []}
            ctx = {'owner': owner_of}
            pre = []
            if fam == 'gmail' and group_start:
                ctx['title'] = g[0].subject
                pre = pr.gmail_thread_head(g[0].subject, len(g), account)
                for ln in pre:
                    ln.part = 'thread'
                    ln.newpage = False
                pre[0].newpage = True
            elif fam == 'tracker' and group_start:
                title, requester, ag_long = tracker_info[msg.thread]
                upd = tracker_updated
                pre = pr.tracker_thread_head(F['site'], title, requester.name, ag_long, W.ctx['foil']
                                             if rng.random() < 0.6 else None, upd)
                for ln in pre:
                    ln.part = 'thread'
                pre[0].newpage = (gi > 1 and rng.random() < 0.7)
            if fam == 'gmail':
                ctx['title'] = g[0].subject
            body = pr.email(msg, rec, ctx)
            # separators between emails when not starting a group
            seps = []
            if lines and not pre:
                if fam == 'gmail':
                    seps = [P.gap(1)] + ([P.rule(0.5)] if F['gmail_rule_between'] else []) + [P.gap(1)]
                elif sep_mode == 'gap1':
                    seps = [P.gap(1)]
                elif sep_mode == 'gap2':
                    seps = [P.gap(2)]
                elif sep_mode == 'rule':
                    seps = [P.gap(1), P.rule(1.0), P.gap(1)]
                elif sep_mode == 'gap+rule':
                    seps = [P.gap(2), P.rule(0.5)]
                else:
                    seps = [P.gap(1)]
                for ln in seps:
                    ln.part = 'sep'
            for ln in body:
                ln.owner = idx
            for ln in pre:
                ln.keep = body[0].keep
            start_page = False
            if msg.force_new_page:
                start_page = True
            elif fam in ('gmail', 'tracker'):
                start_page = bool(pre) and pre[0].newpage
            elif new_page_mode == 'always':
                start_page = True
            elif new_page_mode == 'sometimes':
                start_page = rng.random() < 0.5
            first = (pre or body)[0]
            if start_page:
                first.newpage = True
            elif fam == 'gmail' and pre:
                first.newpage = True
            for ln in seps + pre + body:
                ln.thread = msg.thread if fam in ('gmail', 'tracker') else None
            lines += seps + pre + body
            recs.append((msg, rec))
            group_start = False
    if F['redaction'] == 'state':
        for ln in lines:
            if ln.kind == 'text' and ln.has_box():
                ln.mark = 'B6' if rng.random() < 0.8 else 'B5'

    furn = []
    top, bottom = [], []

    if 'court-stamp' in F['furniture']:
        d = fdate('court', rng.randint(30, 900))
        case = '%d:%02d-cv-%05d-%s' % (rng.randint(1, 2), rng.randint(14, 23), rng.randint(1000, 9999),
                                       rng.choice(['LAP', 'JMF', 'PKC', 'ER', 'KPF', 'LGS', 'VSB']))
        docno = '%d-%d' % (rng.randint(40, 1500), rng.randint(1, 30))
        off = rng.choice([0, 0, rng.randint(1, 30)])
        extra = rng.choice([0, rng.randint(1, 60)])
        filed = '%02d/%02d/%02d' % (d.month, d.day, d.year % 100)
        top.append([('l', lambda pi, tot, tp, case=case, docno=docno, off=off, extra=extra, filed=filed:
                     'Case %s Document %s Filed %s Page %d of %d' % (case, docno, filed, pi + 1 + off,
                                                                      tot + off + extra), 'reg')])
    if 'state' in F['furniture']:
        d = fdate('state', rng.randint(0, 400))
        case = 'F-%d-%05d' % (d.year - rng.randint(0, 2), rng.randint(1000, 99999))
        docs = 'C%08d' % rng.randint(5000000, 9999999)
        s = 'UNCLASSIFIED U.S. Department of State Case No. %s Doc No. %s Date: %02d/%02d/%d' % (
            case, docs, d.month, d.day, d.year)
        top.append([('l', lambda pi, tot, tp, s=s: s, 'reg')])
        bottom.append([('l', lambda pi, tot, tp, s=s: s, 'reg')])
        rip = 'RELEASE IN PART B6' if F['redaction'] != 'none' else 'RELEASE IN FULL'
        every = rng.random() < 0.5
        top.append([('r', lambda pi, tot, tp, rip=rip, every=every: rip if (pi == 0 or every) else '', 'bold')])
    if 'browser' in F['furniture']:
        pd = fdate('browser', rng.randint(0, 30))
        h, ap = C.hour12(pd)
        pts = '%d/%d/%02d, %d:%02d %s' % (pd.month, pd.day, pd.year % 100, h, rng.randint(0, 59), ap)
        titles = {}
        urls = {}
        for g in ordered_groups:
            t = g[0].thread
            if fam == 'gmail':
                titles[t] = 'Gmail - ' + g[0].subject
                urls[t] = 'https://mail.google.com/mail/u/0/?ik=%010x&view=pt&search=all&permthid=thread-f%%3A%d' % (
                    rng.getrandbits(40), rng.randint(10 ** 18, 10 ** 19 - 1))
            else:
                titles[t] = '%s \u2022 %s' % (tracker_info[t][0] if t in tracker_info else '', F['site'])
                urls[t] = 'https://www.%s.org/requests/%d-%s/' % (
                    F['site'].lower().replace(' ', ''), rng.randint(1000, 99999),
                    re.sub(r'[^a-z0-9]+', '-', (tracker_info[t][0] if t in tracker_info else 'request').lower())[:40])
        top.append([('l', lambda pi, tot, tp, pts=pts: pts, 'reg'),
                    ('c', lambda pi, tot, tp: titles.get(tp[2], ''), 'reg')])
        bottom.append([('l', lambda pi, tot, tp: urls.get(tp[2], '')[:95], 'reg'),
                       ('r', lambda pi, tot, tp: '%d/%d' % (tp[0], tp[1]), 'reg')])
    if 'foil-header' in F['furniture']:
        num = W.ctx['foil'] if rng.random() < 0.6 else W.ctx['foia']
        with_date = rng.random() < 0.6
        if with_date:
            d = fdate('foil', rng.randint(0, 200))
            s = rng.choice(['%s  Released %02d/%02d/%d', '%s - Response dated %02d/%02d/%d',
                            '%s  Production %02d/%02d/%d']) % (num, d.month, d.day, d.year)
        else:
            s = num
        top.append([(rng.choice(['l', 'r']), lambda pi, tot, tp, s=s: s, 'reg')])
    if 'banner' in F['furniture']:
        b = F['banner']
        if F['banner_pos'] in ('top', 'both'):
            top.insert(0, [('c', lambda pi, tot, tp, b=b: b, 'bold')])
        if F['banner_pos'] in ('bottom', 'both'):
            bottom.append([('c', lambda pi, tot, tp, b=b: b, 'bold')])
    brow = []
    if 'page-number' in F['furniture']:
        fmt = F['page_number_style']
        pos = F['page_number_pos']
        item = ('c' if pos == 'bottom-c' else 'r', lambda pi, tot, tp, fmt=fmt: fmt.format(n=pi + 1, m=tot), 'reg')
        if pos == 'top-r':
            top.append([item])
        else:
            brow.append(item)
    if 'bates' in F['furniture']:
        pfx = F['bates_prefix'].format(r=rng.randint(10000, 99999))
        start, dig = F['bates_start'], F['bates_digits']
        brow.append(('r', lambda pi, tot, tp, pfx=pfx, start=start, dig=dig: '%s%0*d' % (pfx, dig, start + pi), 'bold'))
        if len(brow) == 2 and brow[0][0] == 'r':
            brow[0] = ('c',) + brow[0][1:]
    if brow:
        bottom.append(brow)
    furn = [('top', r) for r in top] + [('bottom', r) for r in bottom]

    # ---- paginate
    if text_mode:
        cap = F['text_page_lines'] - len(top) - len(bottom) - (1 if top else 0) - (1 if bottom else 0)
        pages = R.paginate(lines, cap, lambda ln: ln.gap if ln.kind == 'gap' else 1)
    else:
        fsz = 8 if 'state' in F['furniture'] else rng.choice([8, 9, 9, 10])
        fh = fsz * 1.35
        content_top = psize[1] - mt - (len(top) * fh + (fh * 0.6 if top else 0))
        content_bot = mb + (len(bottom) * fh + (fh * 0.8 if bottom else 0))
        cap = content_top - content_bot
        size, spacing = F['font_size'], F['line_spacing']
        pages = R.paginate(lines, cap, lambda ln: R.line_height_pdf(ln, size, spacing))
    # thread page numbering (browser furniture)
    thread_pages = []
    counts = {}
    page_thread = []
    for page in pages:
        t = None
        for ln, _ in page:
            if ln.thread is not None:
                t = ln.thread
                break
        page_thread.append(t)
        counts[t] = counts.get(t, 0) + 1
    seen_t = {}
    for t in page_thread:
        seen_t[t] = seen_t.get(t, 0) + 1
        thread_pages.append((seen_t[t], counts[t], t))

    # ---- output
    base = 'seed-%d' % seed
    if text_mode:
        text, where = R.render_text(pages, {'text_width': F['text_width'], 'text_page_sep': F['text_page_sep'],
                                            'text_page_fmt': F['text_page_fmt'],
                                            'text_rule_char': F['text_rule_char']}, furn, thread_pages)
        fname = base + '.txt'
        with open(os.path.join(workdir, fname), 'w', encoding='utf-8') as f:
            f.write(text)
        loc = {id(ln): where.get(id(ln)) for page in pages for ln, _ in page}
    else:
        fname = base + '.pdf'
        G = {'page': psize, 'margins': (ml, mr, mt, mb), 'size': F['font_size'], 'spacing': F['line_spacing'],
             'furn_size': fsz, 'title': '', 'author': '', 'creator': ''}
        if medium == 'scan':
            with tempfile.TemporaryDirectory(dir=workdir) as td:
                src = os.path.join(td, 'src.pdf')
                R.draw_pdf(src, pages, G, furn, roles, thread_pages)
                R.make_scan(src, os.path.join(workdir, fname), F['scan'], td)
        else:
            R.draw_pdf(os.path.join(workdir, fname), pages, G, furn, roles, thread_pages)
        loc = {}
        for pi, page in enumerate(pages):
            for ln, _ in page:
                loc[id(ln)] = pi + 1

    # ---- truth
    emails = []
    owned = {}
    for page in pages:
        for ln, _ in page:
            if ln.owner is not None and ln.kind != 'gap':
                owned.setdefault(ln.owner, []).append(ln)
    texts = {}
    for msg, rec in recs:
        ls = owned.get(msg.file_index, [])
        texts[msg.file_index] = ls
    for msg, rec in recs:
        i = msg.file_index
        ls = texts[i]
        span = [min(loc[id(ln)] for ln in ls), max(loc[id(ln)] for ln in ls)] if ls else None
        own_text = ' '.join(ln.plain() for ln in ls if ln.part == 'own')
        quote_text = ' '.join(ln.plain() for ln in ls if ln.part == 'quote')
        addrs = [t['address'] for t in [rec['from']] + rec['to'] + rec['cc'] if t and t.get('address')]
        agencies = C.domain_entities(addrs, entities, 'agency')
        sp = msg.sender.person
        if fam != 'tracker' and msg.sender.personal and sp.kind == 'agency':
            canon = C.entity_for(sp.entity, 'agency', entities)
            if canon and canon not in agencies:
                agencies.append(canon)
        vendors = C.domain_entities(addrs, entities, 'vendor')
        for v in C.vendor_mentions(' '.join([rec['subject'] or '', own_text, quote_text]), entities):
            if v not in vendors:
                vendors.append(v)
        agencies = [e.name for e in entities if e.name in agencies]
        vendors = [e.name for e in entities if e.name in vendors]
        red = sum(ln.count_redactions() for ln in ls)
        first_line = ls[0] if ls else None
        start = None
        if first_line is not None and not text_mode:
            pg = pages[loc[id(first_line)] - 1]
            firsts = [l for l, _ in pg if l.kind != 'gap']
            own_first = [l for l in firsts if l.owner is not None]
            start = 'page-top' if own_first and own_first[0] is first_line and \
                all(l.part == 'thread' for l in firsts[:firsts.index(first_line)]) else 'mid-page'
        emails.append({
            'index': i,
            'pages': span if not text_mode else None,
            'lines': span if text_mode else None,
            'from': rec['from'],
            'to': rec['to'],
            'cc': rec['cc'],
            'bcc': rec['bcc'],
            'date': rec['date'],
            'date_printed': rec['date_printed'],
            'subject': rec['subject'],
            'redactions': red,
            'agencies': agencies,
            'vendors': vendors,
            'phrase': None,
            'quoted': [{'from': q['from'], 'date': q['date'], 'date_printed': q['date_printed'],
                        'subject': q['subject'], 'copies_index': q['copies_index'], 'style': q['style']}
                       for q in rec['quoted']],
            'start': start,
            'same_sender_run': bool(msg.run_id),
            'thread': msg.thread,
        })
    # phrases
    norm = lambda s: ' '.join(s.lower().split())
    msg_by_index = {msg.file_index: msg for msg, _ in recs}
    for e in emails:
        i = e['index']
        me = msg_by_index[i]
        others = []
        for msg, _ in recs:
            if msg.file_index == i:
                continue
            others.append(norm(' '.join(ln.plain() for ln in texts[msg.file_index]
                                        if not (ln.part == 'quote' and ln.src is me))))
        other_blob = '\n'.join(others)
        cands = []
        tokre = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.,;:$%()/&-]*")
        body = [ln for ln in texts[i] if ln.part == 'own' and ln.body and ln.kind == 'text']
        # token stream; a window may cross a line break only between consecutive
        # lines of the same page (PDF) / adjacent lines (text) without margin marks
        stream = []
        prev = None
        for ln in body:
            toks = ln.plain().split()
            if not toks or toks[0].startswith('>'):
                prev = None
                continue
            joined = prev is not None and not prev.mark and not ln.mark and (
                (loc[id(ln)] == loc[id(prev)]) if not text_mode else (loc[id(ln)] == loc[id(prev)] + 1))
            if not joined:
                stream.append(None)
            for t in toks:
                stream.append((t, id(ln)) if tokre.fullmatch(t) else None)
            prev = ln
        for n in (6, 7, 5, 8):
            for st_i in range(0, len(stream) - n + 1):
                win = stream[st_i:st_i + n]
                if any(w is None for w in win):
                    continue
                single = len(set(w[1] for w in win)) == 1
                cands.append((0 if single else 1, ' '.join(w[0] for w in win)))
        rng.shuffle(cands)
        cands.sort(key=lambda c: (c[0], 0 if 6 <= len(c[1].split()) <= 7 else 1))
        for _, cnd in cands:
            if norm(cnd) not in other_blob:
                e['phrase'] = cnd
                break

    n_pages = len(pages)
    layout = {
        'family': fam,
        'owner_line': F['owner_line'] if fam == 'outlook' else None,
        'label_columns': ('aligned' if fam == 'notes' else ('right' if fam == 'apple' else F['label_columns']))
        if fam not in ('gmail', 'tracker') else 'flow',
        'labels': F['labels'],
        'date_label': F['date_label'],
        'date_style': F['date_style'],
        'name_style': F['name_style'] if fam == 'outlook' else None,
        'new_page_per_email': F['new_page_per_email'] if fam not in ('gmail', 'tracker') else 'per-thread',
        'separator': F['separator'] if fam != 'gmail' else 'gmail',
        'same_sender_runs': bool(run_msgs),
        'quote_styles': sorted(set(q['style'] for e in emails for q in e['quoted']) |
                               set(m.qstyle for m in order if m.qstyle == 'hidden')),
        'quote_indent': F['quote_indent'],
        'order': 'by-thread' if fam in ('gmail', 'tracker') else F['order'],
        'furniture': F['furniture'],
        'redaction_style': F['redaction'] + ('-' + F['codes'] if F['redaction'] in ('box+code', 'code') else ''),
        'header_redaction': F['header_redaction'],
        'font': F['font'] if not text_mode else None,
        'font_size': F['font_size'] if not text_mode else None,
        'line_spacing': round(F['line_spacing'], 1) if not text_mode else None,
        'page_size': F['page_size'] if not text_mode else None,
        'margins': (('narrow' if min(F['margins']) < 0.75 else ('wide' if min(F['margins']) > 1.0 else 'normal'))
                    if not text_mode else None),
        'scan': ({k: F['scan'][k] for k in ('dpi', 'mode', 'skew', 'jpeg', 'blur', 'speckle')}
                 if medium == 'scan' else None),
        'scan_demoted': demoted,
        'text': ({'width': F['text_width'], 'page_sep': F['text_page_sep']} if text_mode else None),
    }
    if fam == 'notes':
        layout['notes_layout'] = F['notes_layout']
    if fam == 'rfc':
        layout['rfc_order'] = ','.join(F['rfc_order'])
    if fam == 'gmail':
        layout['subject_source'] = 'thread-title'
    # exact numbers behind the (categorical) layout factors
    geometry = {
        'page_points': list(psize) if not text_mode else None,
        'margins_in': F['margins'] if not text_mode else None,
        'line_spacing': F['line_spacing'] if not text_mode else None,
        'text_page_lines': F['text_page_lines'] if text_mode else None,
        'scan': F['scan'] if medium == 'scan' else None,
    }
    truth = {
        'path': fname, 'seed': seed, 'medium': medium, 'pages': n_pages,
        'layout': layout,
        'geometry': geometry,
        'furniture_dates': sorted(set(furniture_dates)),
        'emails': emails,
    }
    return truth


def _build_job(args):
    seed, allow_scan, out, force = args
    entities = C.load_entities()
    return build(seed, entities, allow_scan, out, force)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seeds', required=True, help='e.g. 1000-1039 or 1000,1003,1010-1012')
    ap.add_argument('--max-scans', type=int, default=None, help='render at most N of the seeds as scans')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--force', action='append', default=[], metavar='FACTOR=VALUE',
                    help='development seeds only: set medium, family, notes_layout or rfc_order '
                         '(e.g. --force medium=scan --force family=notes --force notes_layout=stacked)')
    a = ap.parse_args(argv)
    seeds = parse_seeds(a.seeds)
    force = dict(item.split('=', 1) for item in a.force)
    unknown = set(force) - {'medium', 'family', 'notes_layout', 'rfc_order'}
    if unknown:
        ap.error('--force knows medium, family, notes_layout and rfc_order, not ' + ', '.join(sorted(unknown)))
    if force and any(s >= 1000 for s in seeds):
        ap.error('--force is for development seeds (0-999): the evaluation draw stays as drawn')
    os.makedirs(a.out, exist_ok=True)
    # which seeds may be scans: decided by seed order, from each seed's first draws
    allow = {}
    nscan = 0
    for s in sorted(seeds):
        F = draw_factors(random.Random(s), force)
        ok = True
        if F['medium'] == 'scan':
            if a.max_scans is not None and nscan >= a.max_scans:
                ok = False
            else:
                nscan += 1
        allow[s] = ok
    jobs = [(s, allow[s], a.out, force) for s in seeds]
    if a.jobs > 1 and len(jobs) > 1:
        import multiprocessing as mp
        with mp.get_context('fork').Pool(a.jobs) as pool:
            results = pool.map(_build_job, jobs, chunksize=1)
    else:
        results = [_build_job(j) for j in jobs]
    ent_sha = hashlib.sha256(C.entities_csv().encode('utf-8')).hexdigest()
    truth = {
        'generator': 'accuracy/generate.py',
        'seeds': seeds,
        **({'forced': force} if force else {}),
        'entities_sha256': ent_sha,
        'line_numbering': '1-based; lines are separated by \\n only (a form feed is an ordinary character '
                          'at the start of the first line of a page)',
        'files': results,
    }
    with open(os.path.join(a.out, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
