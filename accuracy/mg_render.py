"""Pagination, page furniture, PDF / text output and scan degradation."""

import glob
import os
import subprocess
import time

LIBERATION_DIR = '/usr/share/fonts/truetype/liberation'
FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', LIBERATION_DIR]
TTF = {
    'DejaVuSans': ('DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'),
    'DejaVuSerif': ('DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'),
    'LiberationSerif': ('LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf'),
    'LiberationSans': ('LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'),
    'LiberationMono': ('LiberationMono-Regular.ttf', 'LiberationMono-Bold.ttf'),
}
STD_BOLD = {'Helvetica': 'Helvetica-Bold', 'Times-Roman': 'Times-Bold', 'Courier': 'Courier-Bold'}
# pdftoppm draws the three unembedded fonts above in Liberation's, on every machine
# (fonts.conf says why); their files must be there.
SCAN_ENV = dict(os.environ, FONTCONFIG_FILE=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fonts.conf'))
STAND_INS = ['LiberationMono-Regular.ttf', 'LiberationMono-Bold.ttf', 'LiberationSans-Regular.ttf',
             'LiberationSans-Bold.ttf', 'LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf']
_registered = set()


def font_roles(name):
    """role -> reportlab font name; registers TTFs on first use."""
    if name in STD_BOLD:
        return {'reg': name, 'bold': STD_BOLD[name]}
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    reg, bold = TTF[name]
    for fn, nm in ((reg, name), (bold, name + '-Bold')):
        if nm in _registered:
            continue
        for d in FONT_DIRS:
            p = os.path.join(d, fn)
            if os.path.exists(p):
                pdfmetrics.registerFont(TTFont(nm, p))
                _registered.add(nm)
                break
        else:
            raise RuntimeError('font file missing: ' + fn)
    return {'reg': name, 'bold': name + '-Bold'}


# --------------------------------------------------------------------------
# Pagination (shared by PDF and text: heights are points or text lines)

def paginate(lines, cap, height):
    """Returns list of pages; each page a list of (line, y_offset)."""
    pages = [[]]
    used = 0.0
    has_content = False

    def new_page():
        nonlocal used, has_content
        pages.append([])
        used = 0.0
        has_content = False

    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        h = height(ln)
        if ln.newpage and has_content:
            new_page()
        if ln.keep is not None and (i == 0 or lines[i - 1].keep != ln.keep):
            j, gh = i, 0.0
            while j < n and lines[j].keep == ln.keep:
                gh += height(lines[j])
                j += 1
            # keep the block with the first two lines that follow it
            k, extra = j, 0.0
            while k < n and k < j + 2 and lines[k].owner == lines[j - 1].owner and not lines[k].newpage:
                extra += height(lines[k])
                k += 1
            if has_content and used + gh + extra > cap and gh + extra <= cap:
                new_page()
        if has_content and used + h > cap:
            new_page()
        if not has_content and (ln.kind == 'gap' or (ln.kind == 'rule' and ln.part == 'sep')):
            i += 1
            continue
        pages[-1].append((ln, used))
        used += h
        if ln.kind != 'gap':
            has_content = True
        i += 1
    if not pages[-1]:
        pages.pop()
    return pages


# --------------------------------------------------------------------------
# Furniture: a list of (zone, align, fn(page, total, thread_page, thread_total, thread) -> str, role)

def furniture_rows(furn):
    top = [r for r in furn if r[0] == 'top']
    bottom = [r for r in furn if r[0] == 'bottom']
    return top, bottom


# --------------------------------------------------------------------------
# PDF

def draw_pdf(path, pages, G, furn, roles, thread_pages, marks_font_size=8):
    from reportlab.pdfgen import canvas
    W, H = G['page']
    ml, mr, mt, mb = G['margins']
    size, spacing = G['size'], G['spacing']
    fsz = G['furn_size']
    top, bottom = furniture_rows(furn)
    fh = fsz * 1.35
    c = canvas.Canvas(path, pagesize=(W, H), invariant=1, pageCompression=1)
    c.setAuthor(G.get('author', ''))
    c.setTitle(G.get('title', ''))
    c.setCreator(G.get('creator', ''))
    total = len(pages)
    content_top = H - mt - (len(top) * fh + (fh * 0.6 if top else 0))
    for pi, page in enumerate(pages):
        tp = thread_pages[pi]
        # furniture
        for k, row in enumerate(top):
            y = H - mt - fsz - k * fh
            _furn_text(c, row, pi, total, tp, y, ml, W - mr, fsz)
        for k, row in enumerate(reversed(bottom)):
            y = mb + k * fh
            _furn_text(c, row, pi, total, tp, y, ml, W - mr, fsz)
        for ln, off in page:
            mult = ln.mult
            lh = line_height_pdf(ln, size, spacing)
            ytop = content_top - off
            if ln.kind == 'gap':
                continue
            if ln.kind == 'rule':
                y = ytop - lh / 2
                x0 = ml + (ln.rule_x0 or 0)
                x1 = ml + (ln.rule_x1 if ln.rule_x1 is not None else (W - ml - mr))
                c.setLineWidth(ln.rule_w)
                c.line(x0, y, x1, y)
                continue
            fs = size * mult
            base = ytop - lh + (lh - fs) / 2 + fs * 0.22
            for x, align, pcs in ln.spans:
                widths = []
                for p in pcs:
                    if p[0] == 'box':
                        widths.append(c.stringWidth(p[1], roles[p[2]], fs) + 2.0)
                    else:
                        widths.append(c.stringWidth(p[1], roles[p[2]], fs))
                xx = ml + x if align == 'l' else ml + x - sum(widths)
                for p, w in zip(pcs, widths):
                    if p[0] == 'box':
                        c.rect(xx, base - fs * 0.24, w, fs * 1.02, stroke=0, fill=1)
                    elif p[1].strip():
                        c.setFont(roles[p[2]], fs)
                        c.drawString(xx, base, p[1])
                    xx += w
            if ln.mark:
                c.setFont('Helvetica-Bold', marks_font_size)
                c.drawString(W - mr + 8, base, ln.mark)
        c.showPage()
    c.save()


def _furn_text(c, row, pi, total, tp, y, x0, x1, fsz):
    zone, items = row[0], row[1]
    for align, fn, role in items:
        s = fn(pi, total, tp)
        if not s:
            continue
        font = 'Helvetica-Bold' if role == 'bold' else 'Helvetica'
        c.setFont(font, fsz)
        w = c.stringWidth(s, font, fsz)
        if align == 'l':
            x = x0
        elif align == 'r':
            x = x1 - w
        else:
            x = (x0 + x1 - w) / 2
        c.drawString(x, y, s)


def line_height_pdf(ln, size, spacing):
    if ln.kind == 'gap':
        return size * spacing * ln.gap
    if ln.kind == 'rule':
        return size * 0.7
    return size * spacing * ln.mult


# --------------------------------------------------------------------------
# Text

def render_text_line(ln, width):
    buf = []
    for x, align, pcs in ln.spans:
        s = ''.join(p[3] if p[0] == 'box' else p[1] for p in pcs)
        x = int(x)
        if align == 'r':
            x = max(0, x - len(s))
        cur = len(buf)
        if x < cur:
            if cur and buf[-1] != ' ':
                buf.append(' ')
            if align == 'r' or x < len(buf):
                x = len(buf)
        buf.extend(' ' * (x - len(buf)))
        buf.extend(s)
    out = ''.join(buf).rstrip()
    if ln.mark:
        out = out + '   ' + ln.mark
    return out


def render_text(pages, G, furn, thread_pages):
    """Returns (text, {id(line): line_number})."""
    width = G['text_width']
    top, bottom = furniture_rows(furn)
    out = []
    where = {}
    total = len(pages)
    sep = G['text_page_sep']
    for pi, page in enumerate(pages):
        tp = thread_pages[pi]
        first_of_page = len(out)
        for row in top:
            out.append(_furn_line(row, pi, total, tp, width))
        if top:
            out.append('')
        for ln, off in page:
            if ln.kind == 'gap':
                out.extend([''] * ln.gap)
                continue
            if ln.kind == 'rule':
                out.append(G['text_rule_char'] * min(width, 60) if G['text_rule_char'] else '')
            else:
                out.append(render_text_line(ln, width))
            where[id(ln)] = len(out)
        if bottom:
            out.append('')
        for row in bottom:
            out.append(_furn_line(row, pi, total, tp, width))
        if sep == 'page-line':
            out.append('')
            out.append(G['text_page_fmt'].format(n=pi + 1, m=total))
            out.append('')
        elif sep == 'blank':
            out.append('')
        if sep == 'formfeed' and pi > 0 and len(out) > first_of_page:
            out[first_of_page] = '\f' + out[first_of_page]
    return '\n'.join(out) + '\n', where


def _furn_line(row, pi, total, tp, width):
    buf = ''
    for align, fn, role in row[1]:
        s = fn(pi, total, tp)
        if not s:
            continue
        if align == 'l':
            pos = 0
        elif align == 'r':
            pos = max(0, width - len(s))
        else:
            pos = max(0, (width - len(s)) // 2)
        if pos < len(buf) + 1 and buf:
            pos = len(buf) + 2
        buf = buf + ' ' * (pos - len(buf)) + s
    return buf.rstrip()


# --------------------------------------------------------------------------
# Scans

def make_scan(pdf_in, pdf_out, S, tmpdir):
    import random
    from PIL import Image, ImageDraw, ImageFilter
    dpi = S['dpi']
    missing = [f for f in STAND_INS if not os.path.exists(os.path.join(LIBERATION_DIR, f))]
    if missing:
        raise RuntimeError('font file missing (fonts-liberation): ' + ', '.join(missing))
    prefix = os.path.join(tmpdir, 'pg')
    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', pdf_in, prefix], check=True, env=SCAN_ENV)
    files = sorted(glob.glob(prefix + '-*.pgm'))
    rng = random.Random(S['noise_seed'])
    paper = S['paper']
    ink = S['ink']
    lut = [int(ink + (paper - ink) * v / 255.0) for v in range(256)]
    out = []
    for f in files:
        im = Image.open(f)
        im.load()
        im = im.point(lut)
        ang = S['skew'] + rng.uniform(-0.15, 0.15)
        im = im.rotate(ang, resample=Image.BILINEAR, expand=False, fillcolor=paper)
        d = ImageDraw.Draw(im)
        w, h = im.size
        nspk = int(S['speckle'] * w * h / 1e6)
        for _ in range(nspk):
            x, y = rng.randrange(w), rng.randrange(h)
            r = rng.choice([0, 0, 1, 1, 2]) * dpi / 200.0
            g = rng.randint(0, 140)
            d.ellipse([x - r, y - r, x + r, y + r], fill=g)
        if S['edge_shadow']:
            sw = int(dpi * 0.12)
            d.rectangle([0, 0, sw, h], fill=int(paper * 0.55))
        if S['blur']:
            im = im.filter(ImageFilter.BoxBlur(1) if S['blur'] * dpi >= 180 else ImageFilter.SMOOTH)
        if S['mode'] == 'bilevel':
            thr = S['threshold']
            im = im.point([255 if v > thr else 0 for v in range(256)]).convert('1', dither=Image.Dither.NONE)
        out.append(im)
    fixed = time.strptime('2020-01-01 00:00:00', '%Y-%m-%d %H:%M:%S')
    out[0].save(pdf_out, 'PDF', save_all=True, append_images=out[1:], resolution=float(dpi),
                quality=S['jpeg'], title='scan', creationDate=fixed, modDate=fixed, producer='scanner')
    return len(out)
