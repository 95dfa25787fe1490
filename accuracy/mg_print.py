"""Turns messages into printed lines for one print family.

A line is a list of spans; a span is (x, align, pieces) with x measured from
the left margin (points for PDF, character columns for text) and align 'l'
or 'r' (right edge at x).  A piece is one of
    ('t', text, role)              ordinary text, role 'reg' | 'bold'
    ('code', text, role)           an exemption code (counted as a redaction)
    ('box', hidden, role, txt)     a redaction box (PDF: black rectangle the
                                   width of `hidden`, which is NOT printed;
                                   text: `txt`, a run of U+2588)
"""

import re

from mg_content import fmt_date, PERSONAL_DOMAINS

BLOCK = '\u2588'


class Line:
    __slots__ = ('kind', 'spans', 'mult', 'owner', 'part', 'keep', 'newpage', 'body', 'thread',
                 'mark', 'rule_w', 'rule_x0', 'rule_x1', 'gap', 'src')

    def __init__(self, kind='text', spans=None, mult=1.0):
        self.kind = kind
        self.spans = spans or []
        self.mult = mult
        self.owner = None
        self.part = None
        self.keep = None
        self.newpage = False
        self.body = False
        self.thread = None
        self.mark = None
        self.rule_w = 0.8
        self.rule_x0 = None
        self.rule_x1 = None
        self.gap = 1
        self.src = None

    def plain(self):
        out = []
        for _, _, pcs in self.spans:
            for p in pcs:
                out.append(p[3] if p[0] == 'box' else p[1])
            out.append(' ')
        return ''.join(out).strip()

    def has_box(self):
        return any(p[0] == 'box' for _, _, pcs in self.spans for p in pcs)

    def count_redactions(self):
        return sum(1 for _, _, pcs in self.spans for p in pcs if p[0] in ('box', 'code'))


def text_line(pieces, x=0, mult=1.0):
    return Line('text', [(x, 'l', pieces)], mult)


def gap(n=1):
    ln = Line('gap')
    ln.gap = n
    return ln


def rule(w=0.8, x0=None, x1=None):
    ln = Line('rule')
    ln.rule_w = w
    ln.rule_x0 = x0
    ln.rule_x1 = x1
    return ln


# --------------------------------------------------------------------------
# Metrics

class PdfMetrics:
    text = False

    def __init__(self, fonts, size, width):
        from reportlab.pdfbase.pdfmetrics import stringWidth
        self._sw = stringWidth
        self.fonts = fonts          # role -> font name
        self.size = size
        self.width = width          # usable width in points
        self._cache = {}

    def w(self, s, role='reg', mult=1.0):
        k = (s, role)
        v = self._cache.get(k)
        if v is None:
            v = self._sw(s, self.fonts[role], self.size)
            self._cache[k] = v
        return v * mult

    def pw(self, p, mult=1.0):
        if p[0] == 'box':
            return self.w(p[1], p[2], mult) + 2.0
        return self.w(p[1], p[2], mult)

    def inch(self, v):
        return v * 72.0


class TextMetrics:
    text = True

    def __init__(self, width):
        self.width = width

    def w(self, s, role='reg', mult=1.0):
        return len(s)

    def pw(self, p, mult=1.0):
        if p[0] == 'box':
            return len(p[3])
        return len(p[1])

    def inch(self, v):
        return int(round(v * 10))


def words_of(text, role='reg'):
    return [[('t', w, role)] for w in text.split()]


def word_width(m, word, mult):
    return sum(m.pw(p, mult) for p in word)


def wrap(m, words, x0, xcont, right, mult=1.0, prefix=None):
    """Greedy wrap; returns list of span lists (one per line)."""
    prefix = prefix or []
    pre_w = sum(m.pw(p, mult) for p in prefix)
    space = m.w(' ', 'reg', mult)
    out = []
    cur, curw, xs = [], 0.0, x0
    queue = list(words)
    while queue:
        word = queue.pop(0)
        ww = word_width(m, word, mult)
        avail = right - xs - pre_w
        if cur and curw + space + ww > avail:
            out.append((xs, cur))
            cur, curw, xs = [], 0.0, xcont
            avail = right - xs - pre_w
        if not cur and ww > avail and len(word) == 1 and word[0][0] == 't' and len(word[0][1]) > 1:
            # break an over-long token (URLs, long addresses)
            s, role = word[0][1], word[0][2]
            k = len(s)
            while k > 1 and m.w(s[:k], role, mult) > avail:
                k -= 1
            queue.insert(0, [('t', s[k:], role)])
            word = [('t', s[:k], role)]
            ww = word_width(m, word, mult)
        if cur:
            cur.append(('t', ' ', 'reg'))
            curw += space
        cur.extend(word)
        curw += ww
    if cur or not out:
        out.append((xs, cur))
    return [[(x, 'l', prefix + pcs)] for x, pcs in out]


# --------------------------------------------------------------------------
# Marked text -> words with redactions

def redact_words(text, decisions, box_txt_len, role='reg'):
    """`text` with [[...]] marks; decisions[i] for the i-th mark is None (keep)
    or ('box',) / ('code', code) / ('boxcode', code)."""
    parts = re.split(r'\[\[(.*?)\]\]', text)
    words = []
    cur = []

    def flush():
        nonlocal cur
        if cur:
            words.append(cur)
            cur = []

    for i, seg in enumerate(parts):
        if i % 2 == 0 or decisions[i // 2] is None:
            chunks = re.split(r'(\s+)', seg)
            for c in chunks:
                if not c:
                    continue
                if c.isspace():
                    flush()
                else:
                    cur.append(('t', c, role))
        else:
            d = decisions[i // 2]
            if d[0] in ('box', 'boxcode'):
                n = max(3, min(len(seg), box_txt_len))
                cur.append(('box', seg, role, BLOCK * n))
                if d[0] == 'boxcode':
                    flush()
                    cur.append(('code', d[1], role))
            else:
                cur.append(('code', d[1], role))
    flush()
    return words


def strip_marks(text):
    return re.sub(r'\[\[(.*?)\]\]', r'\1', text)


# --------------------------------------------------------------------------
# Contacts

def mixed_case_addr(a):
    local, dom = a.split('@', 1)
    return '.'.join(s[:1].upper() + s[1:] for s in local.split('.')) + '@' + dom


class Printer:
    """Builds lines for the emails of one file in one family."""

    def __init__(self, F, m, rng):
        self.F = F
        self.m = m
        self.rng = rng
        self.keep_id = 0
        self.addr_case = {}

    # ---- helpers
    def new_keep(self):
        self.keep_id += 1
        return self.keep_id

    def printed_addr(self, c):
        a = c.address
        if self.F.get('addr_mixed') and c.person.kind == 'agency' and '.' in a.split('@')[0]:
            if c.key not in self.addr_case:
                self.addr_case[c.key] = self.rng.random() < 0.5
            if self.addr_case[c.key]:
                return mixed_case_addr(a)
        return a

    def contact(self, c, style, msg, role='reg', name_role=None):
        """Words and truth for one contact in a given print style."""
        p = c.person
        name_role = name_role or role
        hide = msg is not None and c.key in msg.hidden_addr
        addr = self.printed_addr(c)
        box = ('box', addr, role, BLOCK * min(len(addr), 18))
        if style == 'addr' or (style in ('last_first', 'first_last') and c.personal and p.kind == 'public'):
            return [[('t', addr, role)]], {'name': None, 'address': c.address}
        if style == 'notes':
            if p.kind == 'agency' and p.notes_name and not c.personal:
                return words_of(p.notes_name, name_role), {'name': p.name, 'address': None}
            style = 'first_last_addr'
        lf = style.startswith('last_first')
        nm = p.last_first() if lf else p.name
        nwords = words_of(nm, name_role)
        truth = {'name': p.name, 'address': None}
        if style in ('last_first', 'first_last'):
            return nwords, truth
        if style in ('last_first_addr', 'first_last_addr', 'quoted_addr'):
            if style == 'quoted_addr':
                nwords = words_of('"%s"' % p.last_first(), name_role)
            if hide:
                return nwords + [[('t', '<', role), box, ('t', '>', role)]], truth
            truth['address'] = c.address
            return nwords + [[('t', '<%s>' % addr, role)]], truth
        if style == 'mailto':
            if hide:
                return nwords + [[('t', '[mailto:', role), box, ('t', ']', role)]], truth
            truth['address'] = c.address
            return nwords + [[('t', '[mailto:%s]' % addr, role)]], truth
        raise ValueError(style)

    def contact_list(self, contacts, style_fn, msg, sep):
        words, truths = [], []
        for i, c in enumerate(contacts):
            w, t = self.contact(c, style_fn(c), msg)
            if i < len(contacts) - 1 and w:
                w[-1] = w[-1] + [('t', sep, 'reg')]
            words += w
            truths.append(t)
        return words, truths

    def style_for(self, c, internal_org):
        """Per-file naming convention for header contacts."""
        ns = self.F['name_style']
        p = c.person
        if ns == 'exchange':
            if p.kind == 'agency' and p.entity == internal_org and not c.personal:
                return 'last_first'
            return 'first_last_addr' if p.kind != 'public' else 'addr'
        if ns == 'full':
            return 'last_first_addr'
        if ns == 'display':
            return 'first_last_addr'
        if ns == 'bare':
            return 'addr' if self.rng.random() < 0.7 else 'first_last_addr'
        # mixed: stable per contact
        k = ('style', c.key)
        if k not in self.addr_case:
            self.addr_case[k] = self.rng.choice(['last_first_addr', 'first_last_addr', 'first_last', 'addr',
                                                 'last_first'])
        return self.addr_case[k]

    # ---- header rows
    def hdr(self, label, words, layout=None, x=0, right=None, label_role=None, mult=1.0):
        """Label/value rows.  layout: 'aligned' | 'flow' | 'right' (label right-aligned at column)."""
        F, m = self.F, self.m
        layout = layout or F['label_columns']
        lrole = label_role or ('bold' if F['labels'] == 'bold' else 'reg')
        right = m.width if right is None else right
        colon = F.get('colon', True)
        lab = label + (':' if colon else '')
        if layout == 'aligned':
            vc = x + m.inch(F['vcol'])
            lw = m.w(lab, lrole, mult)
            if lw + m.w(' ', 'reg', mult) > vc - x:
                vc = x + lw + m.w('  ', 'reg', mult)
            rows = wrap(m, words, vc, vc, right, mult)
            rows[0] = [(x, 'l', [('t', lab, lrole)])] + rows[0]
        elif layout == 'right':
            vc = x + m.inch(F['vcol'])
            gapw = m.w(' ', 'reg', mult)
            rows = wrap(m, words, vc, vc, right, mult)
            rows[0] = [(vc - gapw, 'r', [('t', lab, lrole)])] + rows[0]
        else:  # flow
            lw = m.w(lab + ' ', lrole, mult)
            cont = x + m.inch(F.get('flow_cont', 0.0))
            rows = wrap(m, words, x + lw, cont, right, mult)
            rows[0] = [(x, 'l', [('t', lab, lrole)])] + rows[0]
        return [Line('text', r, mult) for r in rows]

    def para_lines(self, words, x=0, prefix=None, cont=None):
        m = self.m
        cont = x if cont is None else cont
        return [Line('text', r) for r in wrap(m, words, x, cont, m.width, 1.0, prefix)]

    # ---- bodies
    def body_lines(self, msg, x=0, prefix=None):
        out = []
        for kind, words in msg.body_words:
            if kind == 'blank':
                out.append(gap(1))
                continue
            lines = self.para_lines(words, x, prefix)
            if kind in ('wrap', 'greet') and self.F.get('para_gap', True):
                lines.append(self.prefixed_gap(prefix))
            out += lines
        while out and (out[-1].kind == 'gap' or not out[-1].plain().strip('> ')):
            out.pop()
        for ln in out:
            ln.body = True
        return out

    def prefixed_gap(self, prefix):
        if prefix:
            return text_line(list(prefix))
        return gap(1)

    # ---- quoted history
    def quote_lines(self, msg, rec, depth=0, x=0, prefix=None):
        """Lines for msg.quote (and its own quotes), recorded in rec['quoted']."""
        q = msg.quote
        style = msg.qstyle
        if q is None or style in (None, 'none') or depth >= 3:
            return []
        F, m = self.F, self.m
        out = [self.prefixed_gap(prefix)]
        if style == 'hidden':
            out.append(text_line((prefix or []) + [('t', '[Quoted text hidden]', 'reg')], x))
            for ln in out:
                ln.src = q
            return out
        qi = x + (m.inch(F['quote_indent']) if style not in ('on-wrote', 'on-wrote-apple', 'on-wrote-tb') else 0)
        entry = {'from': None, 'date': None, 'date_printed': None, 'subject': None,
                 'copies_index': q.file_index, 'style': style}
        rec['quoted'].append(entry)
        pre = list(prefix or [])
        zone = F['zone']
        if style in ('on-wrote', 'on-wrote-apple', 'on-wrote-tb'):
            if style == 'on-wrote':
                dtxt, iso = fmt_date(F.get('on_date_style', 'gmail-a'), q.stamp.in_zone(zone))
                w, t = self.contact(q.sender, 'first_last_addr', q)
                intro = words_of('On ' + dtxt) + w
                intro[-1] = intro[-1] + [('t', ' wrote:', 'reg')]
            elif style == 'on-wrote-apple':
                dtxt, iso = fmt_date('apple-on', q.stamp.in_zone(zone))
                w, t = self.contact(q.sender, 'first_last_addr', q)
                intro = words_of('On ' + dtxt + ',') + w
                intro[-1] = intro[-1] + [('t', ' wrote:', 'reg')]
            else:
                dtxt, iso = fmt_date('thunderbird-on', q.stamp.in_zone(zone))
                w, t = self.contact(q.sender, 'first_last', q)
                intro = words_of('On ' + dtxt + ',') + w
                intro[-1] = intro[-1] + [('t', ' wrote:', 'reg')]
            entry['from'], entry['date'], entry['date_printed'] = t, iso, dtxt
            out += self.para_lines(intro, x, pre if pre else None)
            npre = pre + [('t', '> ', 'reg')]
            out += self.body_lines(q, x, npre)
            for ln in out:
                ln.src = q
            out += self.quote_lines(q, rec, depth + 1, x, npre)
            return out
        # header-block styles
        if style == 'original-message':
            out.append(text_line(pre + [('t', '-----Original Message-----', 'reg')], qi))
        elif style == 'underscore':
            out.append(text_line(pre + [('t', '_' * 32, 'reg')], qi))
        elif style == 'rule':
            out.append(rule(0.6, qi, None) if not m.text else text_line(pre + [('t', F['text_rule_char'] * 40, 'reg')], qi))
        elif style == 'forwarded':
            out.append(text_line(pre + [('t', '---------- Forwarded message ---------', 'reg')], qi))
        elif style == 'begin-forwarded':
            out.append(text_line(pre + [('t', 'Begin forwarded message:', 'reg')], qi))
            out.append(self.prefixed_gap(prefix))
        elif style == 'notes-forward':
            fdt, _ = fmt_date('notes', msg.stamp.in_zone(zone))
            who = msg.sender.person.notes_name or msg.sender.person.name
            out.append(text_line(pre + [('t', '----- Forwarded by %s on %s -----' % (who, fdt), 'reg')], qi))
        # 'bare-header' and 'notes-header' have no marker line
        out += self.quoted_header(q, entry, style, qi)
        out.append(self.prefixed_gap(prefix))
        out += self.body_lines(q, qi, prefix)
        for ln in out:
            ln.src = q
        out += self.quote_lines(q, rec, depth + 1, x, prefix)
        return out

    def quoted_header(self, q, entry, style, x):
        F = self.F
        fam = F['family']
        zone = F['zone']
        saved = dict(F)
        F['label_columns'] = F.get('quote_label_columns', 'flow')
        if style not in ('notes-forward', 'notes-header'):
            F['colon'] = True
        try:
            if style in ('notes-forward', 'notes-header'):
                return self.notes_block(q, entry, x, quoted=True)
            if style in ('forwarded',):
                dstyle, order = 'gmail-a', ['From', 'Date', 'Subject', 'To', 'Cc']
                sty = lambda c: 'first_last_addr' if c.person.kind != 'public' else 'addr'
                dlabel = 'Date'
            elif style == 'begin-forwarded':
                dstyle, order = 'apple', ['From', 'Subject', 'Date', 'To', 'Cc']
                sty = lambda c: 'first_last_addr'
                dlabel = 'Date'
            elif fam == 'rfc':
                dstyle, order = F['date_style'], ['From', 'Date', 'To', 'Cc', 'Subject']
                sty = lambda c: 'first_last_addr'
                dlabel = 'Date'
            else:
                dstyle = F.get('quote_date_style', 'outlook-long')
                order = ['From', 'Sent', 'To', 'Cc', 'Subject']
                fs = F.get('quote_from_style', 'mailto')
                sty = lambda c, fs=fs: fs if c is q.sender else self.style_for(c, F['org'])
                dlabel = 'Sent'
            st = q.stamp if dstyle.startswith('rfc') else q.stamp.in_zone(zone)
            dtxt, iso = fmt_date(dstyle, st)
            entry['date'], entry['date_printed'] = iso, dtxt
            entry['subject'] = q.subject
            lines = []
            for lab in order:
                if lab == 'From':
                    w, t = self.contact(q.sender, sty(q.sender), q)
                    entry['from'] = t
                    lines += self.hdr('From', w, x=x)
                elif lab in ('Date', 'Sent'):
                    lines += self.hdr(dlabel, words_of(dtxt), x=x)
                elif lab == 'To':
                    w, _ = self.contact_list(q.to, sty, q, ';' if fam in ('outlook', 'notes') else ',')
                    lines += self.hdr('To', w, x=x)
                elif lab == 'Cc' and q.cc:
                    w, _ = self.contact_list(q.cc, sty, q, ';' if fam in ('outlook', 'notes') else ',')
                    lines += self.hdr('Cc', w, x=x)
                elif lab == 'Subject':
                    lines += self.hdr('Subject', words_of(q.subject), x=x)
            return lines
        finally:
            F.clear()
            F.update(saved)

    # ---- Lotus Notes block (used for own headers and quoted ones)
    def notes_block(self, msg, rec, x=0, quoted=False):
        F, m = self.F, self.m
        zone = F['zone']
        dtxt, iso = fmt_date(F.get('notes_date_style', 'notes'), msg.stamp.in_zone(zone))
        fw, ft = self.contact(msg.sender, 'notes', msg, name_role='bold' if not quoted else 'reg')
        rec['from'] = ft
        rec['date'], rec['date_printed'] = iso, dtxt
        rec['subject'] = msg.subject
        sty = lambda c: 'notes'
        tw, tt = self.contact_list(msg.to, sty, msg, ',')
        cw, ct = self.contact_list(msg.cc, sty, msg, ',')
        if not quoted:
            rec['to'], rec['cc'] = tt, ct
        colon = F.get('colon', False)
        labs = [('To', tw), ('cc', cw)]
        if F.get('notes_bcc', True):
            labs.append(('bcc', []))
        labs.append(('Subject', words_of(msg.subject)))
        respond = None
        if not quoted and msg.sender.person.kind != 'agency' and F.get('please_respond') and not msg.sender.personal:
            respond = 'Please respond to %s' % self.printed_addr(msg.sender)
        saved = F.get('colon')
        F['colon'] = colon
        lines = []
        if F.get('notes_layout') == 'side' and not quoted:
            col2 = x + m.inch(F.get('notes_col2', 2.6))
            gapw = m.w('   ')
            rwords = words_of(respond) if respond else []
            widest = max([word_width(m, w, 1.0) for w in fw + rwords] + [m.w(dtxt)])
            # widen the left column rather than break an address (up to 60% of the line)
            col2 = max(col2, min(x + widest + gapw, x + 0.6 * (m.width - x)))
            left = wrap(m, fw, x, x, col2 - gapw)
            left.append([(x, 'l', [('t', dtxt, 'reg')])])
            if respond:
                left += wrap(m, rwords, x, x, col2 - gapw)
            right_rows = []
            for lab, w in labs:
                if not w and lab != 'bcc':
                    w = []
                rs = self.hdr(lab, w, layout='aligned', x=col2)
                right_rows += [r.spans for r in rs]
            n = max(len(left), len(right_rows))
            for i in range(n):
                spans = []
                if i < len(left):
                    spans += left[i]
                if i < len(right_rows):
                    spans += right_rows[i]
                lines.append(Line('text', spans))
        else:
            lines += [Line('text', r) for r in wrap(m, fw, x, x, m.width)]
            lines.append(text_line([('t', dtxt, 'reg')], x))
            if respond:
                lines.append(text_line([('t', respond, 'reg')], x))
            ind = x + m.inch(F.get('notes_indent', 0.3))
            for lab, w in labs:
                lines += self.hdr(lab, w, layout='aligned', x=ind)
        F['colon'] = saved
        return lines


# --------------------------------------------------------------------------
# Families: own header + body + quoted history of one email

def _keep(lines, kid):
    for ln in lines:
        ln.keep = kid
    return lines


class FamilyPrinter(Printer):

    def email(self, msg, rec, ctx):
        fam = self.F['family']
        head = getattr(self, 'head_' + fam)(msg, rec, ctx)
        _keep(head, self.new_keep())
        for ln in head:
            ln.part = 'own'
        body = [gap(1)] if self.F.get('gap_after_header', True) else []
        body += self.body_lines(msg)
        for ln in body:
            ln.part = 'own'
        quoted = self.quote_lines(msg, rec)
        for ln in quoted:
            ln.part = 'quote'
        return head + body + quoted

    # ---- Outlook memo
    def head_outlook(self, msg, rec, ctx):
        F, m = self.F, self.m
        L = []
        if F['owner_line'] != 'none':
            owner = ctx['owner'](msg)
            L.append(text_line([('t', owner, 'bold')], 0, F['owner_mult']))
            if F['owner_line'] == 'bold+rule':
                L.append(rule(F['owner_rule_w']))
        sty = lambda c: self.style_for(c, F['org'])
        w, t = self.contact(msg.sender, sty(msg.sender), msg)
        rec['from'] = t
        L += self.hdr('From', w)
        dtxt, iso = fmt_date(F['date_style'], msg.stamp.in_zone(F['zone']))
        rec['date'], rec['date_printed'] = iso, dtxt
        L += self.hdr(F['date_label'], words_of(dtxt))
        w, rec['to'] = self.contact_list(msg.to, sty, msg, ';')
        L += self.hdr('To', w)
        if msg.cc:
            w, rec['cc'] = self.contact_list(msg.cc, sty, msg, ';')
            L += self.hdr('Cc', w)
        if msg.bcc:
            w, rec['bcc'] = self.contact_list(msg.bcc, sty, msg, ';')
            L += self.hdr('Bcc', w)
        rec['subject'] = msg.subject
        L += self.hdr('Subject', words_of(msg.subject))
        if msg.importance:
            L += self.hdr('Importance', words_of('High'))
        if msg.attachments:
            L += self.hdr('Attachments', words_of('; '.join(msg.attachments)))
        return L

    # ---- RFC-style
    def head_rfc(self, msg, rec, ctx):
        F = self.F
        L = []
        sty = lambda c: F['rfc_contact'] if c.person.kind != 'public' else 'first_last_addr'
        for lab in F['rfc_order']:
            if lab == 'From':
                w, t = self.contact(msg.sender, sty(msg.sender), msg)
                rec['from'] = t
                L += self.hdr('From', w)
            elif lab == 'Date':
                dtxt, iso = fmt_date(F['date_style'], msg.stamp)
                rec['date'], rec['date_printed'] = iso, dtxt
                L += self.hdr(F['date_label'], words_of(dtxt))
            elif lab == 'To':
                w, rec['to'] = self.contact_list(msg.to, sty, msg, ',')
                L += self.hdr('To', w)
            elif lab == 'Cc':
                if msg.cc:
                    w, rec['cc'] = self.contact_list(msg.cc, sty, msg, ',')
                    L += self.hdr('Cc', w)
            elif lab == 'Subject':
                rec['subject'] = msg.subject
                L += self.hdr('Subject', words_of(msg.subject))
        if msg.attachments and F.get('rfc_attach'):
            L += self.hdr('Attachments', words_of(', '.join(msg.attachments)))
        return L

    # ---- Apple Mail
    def head_apple(self, msg, rec, ctx):
        F = self.F
        L = []
        sty = lambda c: 'first_last_addr' if c.person.kind != 'public' or F['apple_names'] else 'addr'
        if F.get('apple_subject_title'):
            t = text_line([('t', msg.subject, 'bold')], 0, 1.25)
            L.append(t)
            L.append(gap(1))
        for lab in ['From', 'Subject', 'Date', 'To', 'Cc', 'Reply-To']:
            if lab == 'From':
                w, t = self.contact(msg.sender, sty(msg.sender), msg)
                rec['from'] = t
                L += self.hdr('From', w, layout='right')
            elif lab == 'Subject':
                rec['subject'] = msg.subject
                L += self.hdr('Subject', words_of(msg.subject), layout='right')
            elif lab == 'Date':
                dtxt, iso = fmt_date('apple', msg.stamp.in_zone(F['zone']))
                rec['date'], rec['date_printed'] = iso, dtxt
                L += self.hdr('Date', words_of(dtxt), layout='right')
            elif lab == 'To':
                w, rec['to'] = self.contact_list(msg.to, sty, msg, ',')
                L += self.hdr('To', w, layout='right')
            elif lab == 'Cc' and msg.cc:
                w, rec['cc'] = self.contact_list(msg.cc, sty, msg, ',')
                L += self.hdr('Cc', w, layout='right')
            elif lab == 'Reply-To' and msg.reply_to:
                w, _ = self.contact(msg.sender, 'first_last_addr', msg)
                L += self.hdr('Reply-To', w, layout='right')
        return L

    # ---- Lotus Notes
    def head_notes(self, msg, rec, ctx):
        return self.notes_block(msg, rec, 0, quoted=False)

    # ---- Gmail (thread header printed separately)
    def head_gmail(self, msg, rec, ctx):
        F, m = self.F, self.m
        p = msg.sender.person
        nm_w, t = self.contact(msg.sender, 'first_last_addr' if p.kind != 'public' or F['gmail_names'] else 'addr', msg)
        # name bold, address regular
        if t['name']:
            n_parts = len(p.name.split())
            nm_w = [[(pc[0], pc[1], 'bold') + pc[3:] for pc in w] for w in nm_w[:n_parts]] + nm_w[n_parts:]
        rec['from'] = t
        dtxt, iso = fmt_date(F['date_style'], msg.stamp.in_zone(F['zone']))
        rec['date'], rec['date_printed'] = iso, dtxt
        rec['subject'] = ctx['title']
        dw = m.w(dtxt)
        rows = wrap(m, nm_w, 0, 0, m.width)
        L = []
        first = rows[0]
        row_w = sum(m.pw(pc) for pc in first[0][2])
        if len(rows) == 1 and row_w + dw + m.w('    ') <= m.width:
            L.append(Line('text', first + [(m.width, 'r', [('t', dtxt, 'reg')])]))
        else:
            L += [Line('text', r) for r in rows]
            L.append(Line('text', [(m.width, 'r', [('t', dtxt, 'reg')])]))
        sty = lambda c: 'first_last_addr' if c.person.kind != 'public' or F['gmail_names'] else 'addr'
        w, rec['to'] = self.contact_list(msg.to, sty, msg, ',')
        L += self.hdr('To', w, layout='flow')
        if msg.cc:
            w, rec['cc'] = self.contact_list(msg.cc, sty, msg, ',')
            L += self.hdr('Cc', w, layout='flow')
        return L

    def gmail_thread_head(self, title, count, account):
        F, m = self.F, self.m
        L = []
        logo = 'M Gmail' if F['gmail_logo'] == 'M Gmail' else 'Gmail'
        spans = [(0, 'l', [('t', logo, 'bold')])]
        if account:
            spans.append((m.width, 'r', [('t', account, 'reg')]))
        L.append(Line('text', spans, 1.15))
        L.append(rule(0.6))
        L += [Line('text', r, F['title_mult']) for r in wrap(m, words_of(title, 'bold'), 0, 0, m.width,
                                                                F['title_mult'])]
        L.append(text_line([('t', '%d message%s' % (count, '' if count == 1 else 's'), 'reg')]))
        L.append(rule(0.6))
        return L

    # ---- Web request tracker
    def head_tracker(self, msg, rec, ctx):
        F = self.F
        p = msg.sender.person
        name = msg.tracker_from or p.name
        rec['from'] = {'name': name, 'address': None}
        L = [text_line([('t', 'From:', 'bold'), ('t', ' ', 'reg'), ('t', name, 'bold' if F['labels'] == 'bold' else 'reg')])]
        if msg.tracker_to:
            L += self.hdr('To', words_of(msg.tracker_to), layout='flow')
            rec['to'] = [{'name': msg.tracker_to, 'address': None}]
        if msg.tracker_subject:
            rec['subject'] = msg.subject
            L += self.hdr('Subject', words_of(msg.subject), layout='flow')
        if msg.tracker_date:
            dtxt, iso = fmt_date(msg.tracker_date, msg.stamp.in_zone(F['zone']))
            rec['date'], rec['date_printed'] = iso, dtxt
            if F['tracker_date_label']:
                L += self.hdr('Date', words_of(dtxt), layout='flow')
            else:
                L.append(text_line([('t', dtxt, 'reg')]))
        return L

    def tracker_thread_head(self, site, title, filer, agency_long, tracking, updated_txt):
        F, m = self.F, self.m
        L = [Line('text', [(0, 'l', [('t', site, 'bold')])], 1.1), rule(0.5)]
        L += [Line('text', r, F['title_mult']) for r in wrap(m, words_of(title, 'bold'), 0, 0, m.width,
                                                                F['title_mult'])]
        info = 'Request filed by %s with the %s' % (filer, agency_long)
        L += self.para_lines(words_of(info))
        parts = []
        if tracking:
            parts.append('Tracking #: %s' % tracking)
        parts.append('Status: %s' % F['tracker_status'])
        if updated_txt:
            parts.append('Last updated: %s' % updated_txt)
        L += self.para_lines(words_of('   '.join(parts)))
        L.append(rule(0.5))
        return L
