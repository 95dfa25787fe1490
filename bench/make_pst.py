#!/usr/bin/env python3
"""make_pst.py - write an Outlook *Unicode* .pst file (MS-PST, wVer 23, no encryption).

Written from the published [MS-PST] specification, standard library only.

  make_pst.py OUT.pst --spec SPEC.json
  make_pst.py OUT.pst --generate N [--seed S] [--dump-spec FILE.jsonl]

Layers implemented (section numbers refer to [MS-PST]):
  NDB (2.2): HEADER/ROOT, AMap/PMap/FMap pages, DList page, data blocks, XBLOCK/XXBLOCK
             data trees, SLBLOCK/SIBLOCK subnode trees, NBT/BBT B-tree pages.
  LTP (2.3): heap-on-node (multi-block), BTree-on-heap, property contexts, table contexts.
  Messaging (2.4): message store, name-to-id map, folders (PC + hierarchy/contents/FAI
             tables), messages with recipient table, attachment table and attachments.
Node data is streamed to disk as messages are produced; only the B-tree entries and the
contents-table row values are kept in memory; B-trees and maps are written at the end.
"""
import argparse, base64, datetime, json, random, re, struct, sys, uuid, zlib
import email.header, email.utils
from array import array

AMAP_SPAN = 496 * 8 * 64          # bytes mapped by one AMap page (2.2.2.7.2)
FIRST_AMAP = 0x4400
DLIST_IB = 0x4200
BLOCK_MAX = 8192 - 16             # max data bytes in one block (block trailer is 16 bytes)
HN_MAX = 3580                     # max size of one heap allocation (2.3.1)
PT_I16, PT_I32, PT_BOOL, PT_I64, PT_TIME, PT_STR, PT_BIN = 2, 3, 0xB, 0x14, 0x40, 0x1F, 0x102
FIXED = {PT_I16: 2, PT_I32: 4, PT_BOOL: 1, PT_I64: 8, PT_TIME: 8}


def crc32(data):                  # 5.3: CRC-32 table algorithm, seed 0, no final inversion
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF


def sig(ib, bid):                 # 5.5: block / page signature
    v = (ib ^ bid) & 0xFFFFFFFF
    return ((v >> 16) ^ v) & 0xFFFF


def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]


def reserved_pages(r):
    """Map pages at the start of AMap region r: AMap, then PMap (every 8th), then FMap."""
    if r >= 8192:                 # an FPMap would be due (> ~2 GB); not implemented
        raise SystemExit("file too large (> 2 GB) for this writer")
    n = 1 + (r % 8 == 0)
    return n + (r >= 128 and (r - 128) % 496 == 0)


# ----------------------------------------------------------------------------- NDB layer
class NDB:
    def __init__(self, path):
        self.f = open(path, 'wb')
        self.f.write(bytes(FIRST_AMAP + 1024))   # header + reserved + DList/AMap/PMap (later)
        self.fpos = self.pos = FIRST_AMAP + 1024
        self.next_bid = 1
        self.slots = bytearray()                 # one byte per 64-byte slot after FIRST_AMAP
        self.bbt = (array('Q'), array('Q'), array('H'))   # bid, ib, cb
        self.nbt = []                            # (nid, bidData, bidSub, nidParent)

    def new_bid(self, internal=False):           # 2.2.2.2: bidIndex << 2, bit 1 = internal
        b = (self.next_bid << 2) | (2 if internal else 0)
        self.next_bid += 1
        return b

    def alloc(self, size, align=64):
        """Sequential allocator that skips the map pages at each AMap region start."""
        while True:
            r = (self.pos - FIRST_AMAP) // AMAP_SPAN
            start = FIRST_AMAP + r * AMAP_SPAN
            self.pos = max(self.pos, start + 512 * reserved_pages(r))
            self.pos = -(-self.pos // align) * align
            if self.pos + size <= start + AMAP_SPAN:
                break
            self.pos = start + AMAP_SPAN
        ib, self.pos = self.pos, self.pos + size
        a, b = (ib - FIRST_AMAP) // 64, (ib + size - FIRST_AMAP) // 64
        if len(self.slots) < b:
            self.slots.extend(bytes(b - len(self.slots) + 4096))
        self.slots[a:b] = b'\x01' * (b - a)
        return ib

    def _write_at(self, ib, data):               # writes are strictly sequential
        if ib > self.fpos:
            self.f.write(bytes(ib - self.fpos))
        self.f.write(data)
        self.fpos = ib + len(data)

    def block(self, data, internal=False):       # 2.2.2.8: data + padding + BLOCKTRAILER
        cb = len(data)
        assert cb <= BLOCK_MAX
        total = (cb + 16 + 63) & ~63
        bid, ib = self.new_bid(internal), self.alloc(total)
        self._write_at(ib, data + bytes(total - 16 - cb) +
                       struct.pack('<HHIQ', cb, sig(ib, bid), crc32(data), bid))
        self.bbt[0].append(bid); self.bbt[1].append(ib); self.bbt[2].append(cb)
        return bid

    def blocks(self, parts):
        """Store a list of block payloads as one node stream (XBLOCK/XXBLOCK if > 1)."""
        bids, total = [self.block(p) for p in parts], sum(map(len, parts))
        if len(bids) == 1:
            return bids[0]
        xb = [self.block(struct.pack('<BBHI', 1, 1, len(g), sum(map(len, parts[i*1021:i*1021+len(g)])))
                         + struct.pack('<%dQ' % len(g), *g), True)
              for i, g in enumerate(chunks(bids, 1021))]
        if len(xb) == 1:
            return xb[0]
        assert len(xb) <= 1021
        return self.block(struct.pack('<BBHI', 1, 2, len(xb), total) +
                          struct.pack('<%dQ' % len(xb), *xb), True)

    def data(self, raw):                         # arbitrary byte stream -> data tree
        return self.blocks(chunks(raw, BLOCK_MAX) or [b''])

    def subnodes(self, entries):                 # 2.2.2.8.3.3: SLBLOCK (+SIBLOCK if > 340)
        if not entries:
            return 0
        entries.sort()
        sl = [(g[0][0], self.block(struct.pack('<BBHI', 2, 0, len(g), 0) +
                                   b''.join(struct.pack('<QQQ', *e) for e in g), True))
              for g in chunks(entries, 340)]
        if len(sl) == 1:
            return sl[0][1]
        assert len(sl) <= 510
        return self.block(struct.pack('<BBHI', 2, 1, len(sl), 0) +
                          b''.join(struct.pack('<QQ', *e) for e in sl), True)

    def node(self, nid, bid_data, bid_sub, parent=0):
        self.nbt.append((nid, bid_data, bid_sub, parent))

    def btree(self, ptype, items, cb_ent):
        """Write a BBT/NBT (2.2.2.7.7) bottom-up; items = sorted [(key, packed leaf entry)]."""
        level = 0
        while True:
            refs, per, it = [], 488 // cb_ent, iter(items)
            for g in iter(lambda: [kv for _, kv in zip(range(per), it)], []):
                refs.append(self._btpage(ptype, g, per, cb_ent, level))
            if len(refs) <= 1:
                return refs[0][1:] if refs else self._btpage(ptype, [], per, cb_ent, 0)[1:]
            items = [(k, struct.pack('<QQQ', k, b, i)) for k, b, i in refs]
            level, cb_ent = level + 1, 24

    def _btpage(self, ptype, g, per, cb_ent, level):   # BTPAGE + PAGETRAILER
        body = b''.join(e for _, e in g).ljust(488, b'\0') + struct.pack('<BBBBI', len(g), per, cb_ent, level, 0)
        bid, ib = self.new_bid(), self.alloc(512, 512)
        self._write_at(ib, body + struct.pack('<BBHIQ', ptype, ptype, sig(ib, bid), crc32(body), bid))
        return (g[0][0] if g else 0, bid, ib)

    def close(self, rgnid):
        # blocks were allocated in increasing BID order, so the BBT leaf level can be streamed
        bbt_root = self.btree(0x80, ((b, struct.pack('<QQHHI', b, i, c, 2, 0)) for b, i, c in zip(*self.bbt)), 24)
        self.nbt.sort()
        nbt_root = self.btree(0x81, ((n[0], struct.pack('<QQQII', *n, 0)) for n in self.nbt), 32)
        self.bbt = self.nbt = None
        # --- map pages: extend the file to a whole number of AMap regions (like Outlook)
        nreg = (self.pos - 1 - FIRST_AMAP) // AMAP_SPAN + 1
        eof = FIRST_AMAP + nreg * AMAP_SPAN
        nslots = (eof - FIRST_AMAP) // 64
        self.slots.extend(bytes(max(0, nslots - len(self.slots))))
        del self.slots[nslots:]
        for r in range(nreg):
            s = r * AMAP_SPAN // 64
            self.slots[s:s + 8 * reserved_pages(r)] = b'\x01' * (8 * reserved_pages(r))
        if self.fpos < eof:
            self._write_at(eof - 1, b'\0')
        # pack slot bytes into MSB-first bits with big-int arithmetic (fast, C level)
        x = 0
        for k in range(8):
            x |= int.from_bytes(self.slots[k::8], 'little') << (7 - k)
        bits = x.to_bytes(nslots // 8, 'little')
        free = [3968 - bin(int.from_bytes(bits[r*496:(r+1)*496], 'big')).count('1') for r in range(nreg)]
        runs = [max((len(m) for m in re.findall(b'\x00+', bytes(self.slots[r*3968:(r+1)*3968]))), default=0)
                for r in range(nreg)]

        def page(ib, ptype, payload, bid=None):  # map pages use bid = ib and wSig = 0
            bid = ib if bid is None else bid
            w = 0 if bid == ib else sig(ib, bid)
            self.f.seek(ib)
            self.f.write(payload + struct.pack('<BBHIQ', ptype, ptype, w, crc32(payload), bid))
        for r in range(nreg):
            ib = FIRST_AMAP + r * AMAP_SPAN
            page(ib, 0x84, bits[r*496:(r+1)*496])                       # AMap
            if r % 8 == 0:
                page(ib + 512, 0x83, b'\xff' * 496)                      # PMap (deprecated)
            if r >= 128 and (r - 128) % 496 == 0:                        # FMap (deprecated)
                fm = bytes(min(255, runs[q]) if q < nreg else 0 for q in range(r, r + 496))
                page(ib + 1024, 0x82, fm)
        # --- density list (2.2.2.7.4): AMaps ordered by descending free space
        order = sorted(range(nreg), key=lambda r: -free[r])[:119]
        dl = struct.pack('<BBHI', 1, len(order), 0, nreg - 1) + \
            b''.join(struct.pack('<I', r | (min(free[r], 4095) << 20)) for r in order)
        page(DLIST_IB, 0x86, dl.ljust(496, b'\0'), self.new_bid())
        # --- HEADER (2.2.2.6) with ROOT (2.2.2.5)
        root = struct.pack('<IQQQQQQQQBBH', 0, eof, FIRST_AMAP + (nreg - 1) * AMAP_SPAN,
                           sum(free) * 64, 0, nbt_root[0], nbt_root[1], bbt_root[0], bbt_root[1], 2, 0, 0)
        h = bytearray(b'!BDN' + bytes(4) + struct.pack('<HHHBBII', 0x4D53, 23, 19, 1, 1, 0, 0))
        h += struct.pack('<QQI', 0, self.next_bid << 2, 1) + struct.pack('<32I', *rgnid)
        h += struct.pack('<Q', 0) + root + struct.pack('<I', 0) + b'\xff' * 256
        h += struct.pack('<BBH', 0x80, 0, 0) + struct.pack('<Q', self.next_bid << 2)
        h[4:8] = struct.pack('<I', crc32(bytes(h[8:8 + 471])))
        h += struct.pack('<I', crc32(bytes(h[8:8 + 516]))) + bytes(36)
        assert len(h) == 0x234
        self.f.seek(0)
        self.f.write(h)
        self.f.close()
        return eof


# ----------------------------------------------------------------------------- LTP layer
FILL = [3584, 2560, 2048, 1792, 1536, 1280, 1024, 768, 512, 256, 128, 64, 32, 16, 8]


def fill_level(free):
    return next((i for i, t in enumerate(FILL) if free >= t), 15)


class Heap:
    """Heap-on-node (2.3.1); may span several blocks of a data tree."""
    def __init__(self, client_sig):
        self.client_sig, self.root, self.blocks = client_sig, 0, [[]]
        self.used = [0]

    @staticmethod
    def hdr(i):                   # HNHDR / HNBITMAPHDR / HNPAGEHDR sizes
        return 12 if i == 0 else 66 if i % 128 == 8 else 2

    def alloc(self, data):
        assert len(data) <= HN_MAX
        i, n = len(self.blocks) - 1, len(self.blocks[-1])
        need = self.hdr(i) + self.used[i] + len(data)
        if need + (need & 1) + 4 + 2 * (n + 2) > BLOCK_MAX or n >= 2047:
            self.blocks.append([]); self.used.append(0)
            i, n = i + 1, 0
        self.blocks[i].append(data)
        self.used[i] += len(data)
        return (i << 16) | ((n + 1) << 5)          # HID (2.3.1.1)

    def serialize(self):
        bodies, out = [], []
        for i, allocs in enumerate(self.blocks):
            offs, o = [], self.hdr(i)
            for a in allocs:
                offs.append(o); o += len(a)
            offs.append(o)
            ibh = o + (o & 1)
            body = b''.join(allocs) + bytes(ibh - o) + struct.pack('<HH', len(allocs), 0) + \
                struct.pack('<%dH' % len(offs), *offs)
            bodies.append((ibh, body))
        lv = [fill_level(BLOCK_MAX - self.hdr(i) - len(b)) for i, (_, b) in enumerate(bodies)]

        def levels(a, n):
            v = (lv[a:a + n] + [0] * n)[:n]
            return bytes(v[j] | (v[j + 1] << 4) for j in range(0, n, 2))
        for i, (ibh, body) in enumerate(bodies):
            if i == 0:
                h = struct.pack('<HBBI', ibh, 0xEC, self.client_sig, self.root) + levels(0, 8)
            elif i % 128 == 8:
                h = struct.pack('<H', ibh) + levels(i, 128)
            else:
                h = struct.pack('<H', ibh)
            out.append(h + body)
        return out


def bth(heap, cb_key, cb_ent, records):
    """BTree-on-heap (2.3.2); records are sorted key+data byte strings. Returns header HID."""
    levels, root = 0, 0
    if records:
        groups = chunks(records, HN_MAX // (cb_key + cb_ent))
        refs = [(g[0][:cb_key], heap.alloc(b''.join(g))) for g in groups]
        while len(refs) > 1:
            levels += 1
            recs = [k + struct.pack('<I', h) for k, h in refs]
            refs = [(g[0][:cb_key], heap.alloc(b''.join(g))) for g in chunks(recs, HN_MAX // (cb_key + 4))]
        root = refs[0][1]
    return heap.alloc(struct.pack('<BBBBI', 0xB5, cb_key, cb_ent, levels, root))


def encode(ptype, v):
    if ptype == PT_STR:
        return v.encode('utf-16-le')
    if ptype == PT_BIN:
        return bytes(v)
    return struct.pack({PT_I16: '<h', PT_I32: '<I', PT_BOOL: '<B', PT_I64: '<q', PT_TIME: '<Q'}[ptype],
                       (v & 0xFFFFFFFF) if ptype == PT_I32 else int(v))


class Node:
    """A node (or subnode) whose data is a heap; collects its own subnodes."""
    def __init__(self, ndb, client_sig):
        self.ndb, self.heap, self.subs, self.next_idx = ndb, Heap(client_sig), [], 0x400

    def new_nid(self, nid_type):
        self.next_idx += 1
        return (self.next_idx << 5) | nid_type

    def hnid(self, raw):          # variable-size value: heap item, or subnode if too big
        if len(raw) <= HN_MAX:
            return self.heap.alloc(raw)
        nid = self.new_nid(0x1F)  # NID_TYPE_LTP
        self.subs.append((nid, self.ndb.data(raw), 0))
        return nid

    def add_child(self, nid, child):
        self.subs.append((nid,) + child.finish())

    def finish(self):
        return self.ndb.blocks(self.heap.serialize()), self.ndb.subnodes(self.subs)

    # ---- property context (2.3.3)
    def pc(self, props):
        recs = []
        for tag, v in sorted(props, key=lambda p: p[0] >> 16):
            pt = tag & 0xFFFF
            raw = encode(pt, v)
            if pt in FIXED and FIXED[pt] <= 4:
                val = struct.unpack('<I', raw.ljust(4, b'\0'))[0]
            elif pt in FIXED:
                val = self.heap.alloc(raw)
            else:
                val = self.hnid(raw)
            recs.append(struct.pack('<HHI', tag >> 16, pt, val))
        self.heap.root = bth(self.heap, 2, 6, recs)
        return self

    # ---- table context (2.3.4); rows = [(row_id, {tag: value})]
    def tc(self, columns, rows):
        cols = [0x67F20003, 0x67F30003] + sorted(c for c in columns if c >> 16 not in (0x67F2, 0x67F3))
        size = lambda t: FIXED.get(t & 0xFFFF, 4)
        layout, ib = [], 0
        for group in ([0x67F20003, 0x67F30003], [c for c in cols[2:] if size(c) == 8],
                      [c for c in cols[2:] if size(c) == 4], [c for c in cols[2:] if size(c) == 2],
                      [c for c in cols[2:] if size(c) == 1]):
            for c in group:
                layout.append((c, ib, size(c), len(layout)))
                ib += size(c)
        ends = [8 + sum(size(c) for c in cols[2:] if size(c) >= 4)]
        ends.append(ends[0] + sum(size(c) for c in cols[2:] if size(c) == 2))
        ends.append(ends[1] + sum(size(c) for c in cols[2:] if size(c) == 1))
        ends.append(ends[2] + (len(cols) + 7) // 8)
        rowsize = ends[3]
        matrix = []
        for idx, (rid, vals) in enumerate(rows):
            row = bytearray(rowsize)
            vals = dict(vals)
            vals.setdefault(0x67F30003, 1)
            for tag, off, cb, bit in layout:
                v = rid if tag == 0x67F20003 else vals.get(tag)
                if v is None:
                    continue
                pt = tag & 0xFFFF
                raw = encode(pt, v) if pt in FIXED else struct.pack('<I', self.hnid(encode(pt, v)))
                row[off:off + cb] = raw
                row[ends[2] + bit // 8] |= 0x80 >> (bit % 8)     # cell existence bit
            matrix.append(bytes(row))
        if not matrix:
            hnid_rows = 0
        elif len(matrix) * rowsize <= HN_MAX:
            hnid_rows = self.heap.alloc(b''.join(matrix))
        else:                     # row matrix in a subnode: rows never straddle blocks and every
            per = BLOCK_MAX // rowsize   # block but the last is padded to the full 8176 bytes
            parts = [b''.join(g) for g in chunks(matrix, per)]
            parts = [p.ljust(BLOCK_MAX, b'\0') for p in parts[:-1]] + parts[-1:]
            hnid_rows = self.new_nid(0x1F)
            self.subs.append((hnid_rows, self.ndb.blocks(parts), 0))
        index = [struct.pack('<II', rid, i) for rid, i in sorted((rid, i) for i, (rid, _) in enumerate(rows))]
        hid_index = bth(self.heap, 4, 4, index)
        info = struct.pack('<BB4HIII', 0x7C, len(cols), *ends, hid_index, hnid_rows, 0) + \
            b''.join(struct.pack('<IHBB', t, o, c, b) for t, o, c, b in sorted(layout))
        self.heap.root = self.heap.alloc(info)
        return self


# ----------------------------------------------------------------------------- messaging layer
def filetime(s):
    if isinstance(s, int):
        return s
    dt = datetime.datetime.fromisoformat(s)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=datetime.timezone.utc)
    d = dt - datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)
    return (d.days * 86400 + d.seconds) * 10**7 + d.microseconds * 10


def one_off_entryid(name, addr):  # [MS-OXCDATA] one-off EntryID, Unicode strings
    return (bytes(4) + bytes.fromhex('812b1fa4bea310199d6e00dd010f5402') + struct.pack('<HH', 0, 0x8000 | 0x1000)
            + (name + '\0SMTP\0' + addr + '\0').encode('utf-16-le'))


RECIP_COLS = [0x0C150003, 0x0E0F000B, 0x0FF90102, 0x0FFE0003, 0x0FFF0102, 0x3001001F, 0x3002001F,
              0x3003001F, 0x300B0102, 0x39000003, 0x39FE001F, 0x39FF001F, 0x3A40000B, 0x5FF6001F]
ATTACH_COLS = [0x0E200003, 0x3704001F, 0x37050003, 0x370B0003]
CONTENTS_COLS = [0x00170003, 0x001A001F, 0x00360003, 0x0037001F, 0x00390040, 0x0042001F, 0x0057000B,
                 0x0058000B, 0x0070001F, 0x00710102, 0x0E03001F, 0x0E04001F, 0x0E060040, 0x0E070003,
                 0x0E080003, 0x0E170003, 0x0E300003, 0x0E330014, 0x0E340102, 0x0E380003, 0x0E3C0102,
                 0x0E3D0102, 0x30080040, 0x10970003]
HIER_COLS = [0x0E300003, 0x0E330014, 0x0E340102, 0x0E380003, 0x3001001F, 0x36020003, 0x36030003,
             0x360A000B, 0x3613001F, 0x66350003, 0x66360003]
FAI_COLS = [0x001A001F, 0x0E070003, 0x0E170003, 0x0E300003, 0x0E330014, 0x0E340102, 0x0E380003,
            0x3001001F, 0x30080040, 0x67090040, 0x7C050102]


TRANSPORT_HEADERS = True


def rfc822_headers(m, to, cc):
    addr = lambda n, a: email.utils.formataddr((n, a), charset='utf-8')
    subj = m.get('subject', '')
    if not subj.isascii():
        subj = email.header.Header(subj, 'utf-8').encode()
    dt = datetime.datetime.fromisoformat(m.get('date', '2000-01-01T00:00:00+00:00'))
    h = [('Message-ID', m.get('message_id')), ('Date', email.utils.format_datetime(dt)),
         ('From', addr(m.get('from_name', ''), m.get('from_email', ''))),
         ('To', ', '.join(addr(n, a) for n, a in to)), ('Cc', ', '.join(addr(n, a) for n, a in cc)),
         ('Subject', subj), ('MIME-Version', '1.0'), ('Content-Type', 'text/plain; charset="utf-8"')]
    return ''.join('%s: %s\r\n' % (k, v) for k, v in h if v) + '\r\n'


def write_message(ndb, nid, parent, m):
    """Write one message node; returns the values kept for the folder's contents table."""
    node = Node(ndb, 0xBC)
    subj, body = m.get('subject', ''), m.get('body', '')
    fname, femail = m.get('from_name', ''), m.get('from_email', '')
    to, cc = [tuple(r) for r in m.get('to', [])], [tuple(r) for r in m.get('cc', [])]
    t = filetime(m.get('date', '2000-01-01T00:00:00+00:00'))
    atts = m.get('attachments', [])
    # recipient table (subnode NID 0x692)
    rows = []
    for i, (rtype, (name, addr)) in enumerate([(1, r) for r in to] + [(2, r) for r in cc]):
        rows.append((i, {0x0C150003: rtype, 0x0E0F000B: 1, 0x0FFE0003: 6, 0x39000003: 0,
                         0x0FFF0102: one_off_entryid(name, addr), 0x0FF90102: uuid.uuid4().bytes,
                         0x3001001F: name, 0x3002001F: 'SMTP', 0x3003001F: addr, 0x39FE001F: addr,
                         0x39FF001F: name, 0x5FF6001F: name, 0x3A40000B: 0,
                         0x300B0102: ('SMTP:' + addr.upper() + '\0').encode('ascii', 'replace')}))
    node.add_child(0x692, Node(ndb, 0x7C).tc(RECIP_COLS, rows))
    # attachments: one PC subnode each (NID_TYPE_ATTACHMENT) + attachment table (NID 0x671)
    arows, size = [], 0
    for i, a in enumerate(atts):
        data = base64.b64decode(a.get('data_base64', ''))
        name = a.get('name', 'attachment%d' % i)
        anid = node.new_nid(5)
        an = Node(ndb, 0xBC).pc([(0x37050003, 1), (0x37010102, data), (0x3704001F, name),
                                 (0x3707001F, name), (0x3001001F, name), (0x0E200003, len(data)),
                                 (0x370B0003, -1), (0x0E210003, i), (0x37140003, 0),
                                 (0x370E001F, a.get('mime_type', 'application/octet-stream')),
                                 (0x0FFE0003, 7)])
        node.add_child(anid, an)
        arows.append((anid, {0x0E200003: len(data), 0x3704001F: name, 0x37050003: 1, 0x370B0003: -1}))
        size += len(data)
    if atts:
        node.add_child(0x671, Node(ndb, 0x7C).tc(ATTACH_COLS, arows))
    disp_to = '; '.join(n for n, _ in to)
    disp_cc = '; '.join(n for n, _ in cc)
    flags = 1 | (0x10 if atts else 0)                   # MSGFLAG_READ | MSGFLAG_HASATTACH
    size += 2 * (len(body) + len(subj)) + 1024
    props = [(0x001A001F, 'IPM.Note'), (0x0037001F, subj), (0x0E1D001F, subj), (0x0070001F, subj),
             (0x00390040, t), (0x0E060040, t), (0x30070040, t), (0x30080040, t),
             (0x0C1A001F, fname), (0x0C1F001F, femail), (0x0C1E001F, 'SMTP'), (0x5D01001F, femail),
             (0x0042001F, fname), (0x0065001F, femail), (0x0064001F, 'SMTP'), (0x5D02001F, femail),
             (0x0C190102, one_off_entryid(fname, femail)), (0x00410102, one_off_entryid(fname, femail)),
             (0x0E04001F, disp_to), (0x0E03001F, disp_cc), (0x0E02001F, ''),
             (0x1000001F, body), (0x10160003, 1), (0x0E070003, flags), (0x0E080003, size),
             (0x00170003, 1), (0x00360003, 0), (0x0E1B000B, 1 if atts else 0), (0x3FDE0003, 65001),
             (0x0E170003, 0), (0x3FF10003, 1033)]
    if m.get('message_id'):
        props.append((0x1035001F, m['message_id']))
    if TRANSPORT_HEADERS:         # PidTagTransportMessageHeaders, as stored for internet mail
        props.append((0x007D001F, rfc822_headers(m, to, cc)))
    node.pc(props)
    bd, bs = node.finish()
    ndb.node(nid, bd, bs, parent)
    return (nid, subj, fname, disp_to, disp_cc, t, flags, size)


class Folder:
    def __init__(self, nid, name, parent):
        self.nid, self.name, self.parent, self.children, self.msgs = nid, name, parent, [], []


def write_folder(ndb, f, cls='IPF.Note'):
    idx = f.nid >> 5
    props = [(0x3001001F, f.name), (0x36020003, len(f.msgs)), (0x36030003, 0),
             (0x360A000B, 1 if f.children else 0)]
    if cls:
        props.append((0x3613001F, cls))
    pc = Node(ndb, 0xBC).pc(props)
    ndb.node(f.nid, *pc.finish(), parent=f.parent)
    h = Node(ndb, 0x7C).tc(HIER_COLS, [(c.nid, {0x3001001F: c.name, 0x36020003: len(c.msgs), 0x36030003: 0,
                                                 0x360A000B: 1 if c.children else 0, 0x3613001F: 'IPF.Note'})
                                        for c in f.children])
    ndb.node((idx << 5) | 0x0D, *h.finish())
    rows = [(nid, {0x00170003: 1, 0x001A001F: 'IPM.Note', 0x00360003: 0, 0x0037001F: subj,
                   0x00390040: t, 0x0042001F: fname, 0x0057000B: 0, 0x0058000B: 0, 0x0070001F: subj,
                   0x0E03001F: cc, 0x0E04001F: to, 0x0E060040: t, 0x0E070003: flags, 0x0E080003: size,
                   0x0E170003: 0, 0x30080040: t})
            for nid, subj, fname, to, cc, t, flags, size in f.msgs]
    ndb.node((idx << 5) | 0x0E, *Node(ndb, 0x7C).tc(CONTENTS_COLS, rows).finish())
    ndb.node((idx << 5) | 0x0F, *Node(ndb, 0x7C).tc(FAI_COLS, []).finish())


def build_pst(path, folders_spec, messages, store_name='Personal Folders'):
    """folders_spec: list of paths; messages: iterable of (path_tuple, message_dict)."""
    ndb = NDB(path)
    nid = lambda idx, t: (idx << 5) | t
    root = Folder(0x122, '', 0x122)
    ipm = Folder(nid(0x401, 2), 'Top of Personal Folders', root.nid)
    search = Folder(nid(0x402, 2), 'Search Root', root.nid)
    trash = Folder(nid(0x403, 2), 'Deleted Items', ipm.nid)
    root.children, ipm.children = [ipm, search], [trash]
    by_path, next_folder, next_msg = {(): ipm}, [0x404], [0x10001]

    def folder(p):
        p = tuple(p)
        if p not in by_path:
            par = folder(p[:-1])
            f = Folder(nid(next_folder[0], 2), p[-1], par.nid)
            next_folder[0] += 1
            par.children.append(f)
            by_path[p] = f
        return by_path[p]
    for p in folders_spec:
        folder(p)
    for p, m in messages:
        f = folder(p)
        f.msgs.append(write_message(ndb, nid(next_msg[0], 4), f.nid, m))
        next_msg[0] += 1
    for f in [root, search, trash] + list(by_path.values()):
        write_folder(ndb, f, None if f in (root, search) else 'IPF.Note')
    # message store (2.4.3): EntryIDs are flags(4) + store record key(16) + nid(4)
    rk = uuid.uuid4().bytes
    eid = lambda n: bytes(4) + rk + struct.pack('<I', n)
    ndb.node(0x21, *Node(ndb, 0xBC).pc([(0x0FF90102, rk), (0x3001001F, store_name),
                                         (0x35E00102, eid(ipm.nid)), (0x35E30102, eid(trash.nid)),
                                         (0x35E70102, eid(search.nid)), (0x35DF0003, 0x89)]).finish())
    # name-to-id map (2.4.7): 251 hash buckets; two entries (readers want non-empty streams):
    # PidLidInternetAccountName {PSETID_Common, 0x8580} -> 0x8000, PidNameKeywords -> 0x8001
    guids = uuid.UUID('00062008-0000-0000-c000-000000000046').bytes_le
    name = 'Keywords'.encode('utf-16-le')
    strings = struct.pack('<I', len(name)) + name
    e1 = struct.pack('<IHH', 0x8580, 3 << 1, 0)        # numeric, GUID index 3 (first in stream)
    e2 = struct.pack('<IHH', 0, (2 << 1) | 1, 1)       # string at offset 0, PS_PUBLIC_STRINGS
    buckets = {}
    for e, h in ((e1, 0x8580 ^ (3 << 1)), (e2, crc32(name) ^ ((2 << 1) | 1))):
        buckets.setdefault(h % 251, []).append(e)
    ndb.node(0x61, *Node(ndb, 0xBC).pc([(0x00010003, 251), (0x00020102, guids), (0x00030102, e1 + e2),
                                         (0x00040102, strings.ljust(-(-len(strings) // 4) * 4, b'\0'))] +
                                        [(((0x1000 + b) << 16) | PT_BIN, b''.join(v))
                                         for b, v in buckets.items()]).finish())
    # folder templates and table templates (2.4.1 / 2.4.4.x); search queues as empty streams
    ndb.node(0xA1, *Node(ndb, 0xBC).pc([]).finish())
    ndb.node(0xC1, *Node(ndb, 0xBC).pc([]).finish())
    for tn, cols in ((0x60D, HIER_COLS), (0x60E, CONTENTS_COLS), (0x60F, FAI_COLS), (0x610, CONTENTS_COLS),
                     (0x671, ATTACH_COLS), (0x692, RECIP_COLS)):
        ndb.node(tn, *Node(ndb, 0x7C).tc(cols, []).finish())
    for qn in (0x1E1, 0x201, 0x261, 0x281, 0x2A1, 0x321):
        ndb.node(qn, ndb.block(b''), 0)
    rgnid = [0x400] * 32
    rgnid[2], rgnid[3], rgnid[4], rgnid[8] = next_folder[0], 0x4000, max(0x10000, next_msg[0]), 0x8000
    return ndb.close(rgnid), next_msg[0] - 0x10001


# ----------------------------------------------------------------------------- input
def spec_messages(spec):
    for fo in spec.get('folders', []):
        for m in fo.get('messages', []):
            yield tuple(fo['path']), m


GEN_FOLDERS = [('Inbox',), ('Inbox', 'Projects'), ('Inbox', 'Projects', 'Alpha'), ('Inbox', 'Projects', 'Beta'),
               ('Inbox', 'Receipts'), ('Sent Items',), ('Archive',), ('Archive', '2018'), ('Archive', '2019'),
               ('Archive', '2019', 'Q1')]
FIRST = ['Alice', 'Bob', 'Carol', 'Dave', 'Eve', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'José', 'Zoë',
         'Mallory', 'Niaj', 'Olivia', 'Peggy', 'Rupert', 'Sybil', 'Trent', 'Victor', 'Walter', '李雷']
LAST = ['Smith', 'Jones', 'Müller', 'García', 'Nguyen', 'Kowalski', 'Okafor', 'Tanaka', 'Ivanova', 'Brown']
WORDS = ('budget report meeting schedule review quarterly launch update draft invoice contract design '
         'server backup release notes agenda lunch travel request approval feedback plan roadmap '
         'migration outage ticket customer proposal summary minutes offsite hiring security').split()


def gen_messages(n, seed):
    rng = random.Random(seed)
    people = []
    for i in range(200):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        people.append(('%s %s' % (f, l), '%s.%s%d@example%d.com' % (
            f.encode('ascii', 'ignore').decode().lower() or 'user', l.encode('ascii', 'ignore').decode().lower(),
            i, i % 7)))
    t0 = datetime.datetime(2018, 1, 1, tzinfo=datetime.timezone.utc)
    for i in range(n):
        fr = rng.choice(people)
        to = rng.sample(people, rng.randint(1, 4))
        cc = rng.sample(people, rng.choice([0, 0, 1, 2]))
        subj = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(2, 9))).capitalize() + ' #%d' % i
        nwords = 3000 if rng.random() < 0.02 else rng.choice([20, 40, 60, 100, 150, 250, 400, 800])
        lines, line = [], []
        for _ in range(nwords):
            line.append(rng.choice(WORDS))
            if len(line) >= 12:
                lines.append(' '.join(line)); line = []
        lines.append(' '.join(line))
        body = 'Hi %s,\n\n%s\n\nRegards,\n%s\n' % (to[0][0].split()[0], '\n'.join(lines), fr[0])
        tz = datetime.timezone(datetime.timedelta(hours=rng.choice([-8, -5, 0, 1, 2, 9])))
        date = (t0 + datetime.timedelta(seconds=rng.randint(0, 3 * 365 * 86400))).astimezone(tz)
        m = {'subject': subj, 'from_name': fr[0], 'from_email': fr[1], 'to': [list(p) for p in to],
             'cc': [list(p) for p in cc], 'date': date.isoformat(), 'body': body,
             'message_id': '<gen.%d.%d@example.com>' % (seed, i)}
        if rng.random() < 0.05:
            data = rng.randbytes(rng.choice([100, 3000, 20000]))
            m['attachments'] = [{'name': 'file%d.bin' % i, 'data_base64': base64.b64encode(data).decode()}]
        yield GEN_FOLDERS[rng.randrange(len(GEN_FOLDERS))], m


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('--spec')
    g.add_argument('--generate', type=int)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--dump-spec', help='with --generate: also write the generated messages as JSON lines')
    ap.add_argument('--store-name', default='Personal Folders')
    ap.add_argument('--no-transport-headers', action='store_true',
                    help='do not store PidTagTransportMessageHeaders (readpst then shows To/Cc names only)')
    a = ap.parse_args()
    global TRANSPORT_HEADERS
    TRANSPORT_HEADERS = not a.no_transport_headers
    if a.spec:
        with open(a.spec, encoding='utf-8') as fh:
            spec = json.load(fh)
        folders, msgs = [tuple(f['path']) for f in spec.get('folders', [])], spec_messages(spec)
    else:
        folders, msgs = GEN_FOLDERS, gen_messages(a.generate, a.seed)
        if a.dump_spec:
            dump = open(a.dump_spec, 'w', encoding='utf-8')

            def tee(it):
                for p, m in it:
                    dump.write(json.dumps({'path': p, 'message': m}, ensure_ascii=False) + '\n')
                    yield p, m
            msgs = tee(msgs)
    size, count = build_pst(a.out, folders, msgs, a.store_name)
    print('wrote %s: %d messages, %d bytes' % (a.out, count, size))


if __name__ == '__main__':
    main()
