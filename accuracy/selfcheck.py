#!/usr/bin/python3
"""Checks a generated directory against its own truth.json using poppler's
pdftotext (born-digital PDFs), pdfinfo (page counts, scans included) and the
.txt files themselves.  It tests the generator, not the parser.

    /usr/bin/python3 accuracy/selfcheck.py DIR
"""

import json
import os
import re
import subprocess
import sys


def norm(s):
    return ' '.join(s.split()).lower()


def page_texts(path, n):
    out = []
    for p in range(1, n + 1):
        t = subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), path, '-'], capture_output=True,
                           text=True, check=True).stdout
        out.append(norm(t))
    return out


def main(d):
    truth = json.load(open(os.path.join(d, 'truth.json'), encoding='utf-8'))
    problems = []
    checked = 0
    for f in truth['files']:
        path = os.path.join(d, f['path'])
        emails = f['emails']
        if f['medium'] != 'text':
            info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
            pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
            if pages != f['pages']:
                problems.append('%s: %d pages, truth says %d' % (f['path'], pages, f['pages']))
            if f['medium'] == 'scan':
                continue
            texts = page_texts(path, pages)
            prev_first = 0
            for e in emails:
                a, b = e['pages']
                checked += 1
                if a < prev_first:
                    problems.append('%s #%d starts before the previous email' % (f['path'], e['index']))
                prev_first = a
                ph = e['phrase']
                if ph is None:
                    problems.append('%s #%d has no phrase' % (f['path'], e['index']))
                elif not any(norm(ph) in texts[p - 1] for p in range(a, b + 1)):
                    problems.append('%s #%d phrase not on pages %d-%d: %r' % (f['path'], e['index'], a, b, ph))
                if e['date_printed'] and norm(e['date_printed']) not in texts[a - 1]:
                    problems.append('%s #%d date %r not on first page %d' % (f['path'], e['index'],
                                                                             e['date_printed'], a))
                fr = e['from'] or {}
                key = fr.get('address') or (fr.get('name') or '').split()[-1:]
                if isinstance(key, list):
                    key = key[0] if key else None
                if key and norm(key) not in texts[a - 1]:
                    problems.append('%s #%d sender %r not on first page %d' % (f['path'], e['index'], key, a))
                for fdate in f['furniture_dates']:
                    if e['date'] and e['date'][:10] == fdate:
                        problems.append('%s #%d date equals a furniture date' % (f['path'], e['index']))
        else:
            lines = open(path, encoding='utf-8').read().split('\n')
            for e in emails:
                a, b = e['lines']
                checked += 1
                seg = norm(' '.join(lines[a - 1:b]))
                if e['phrase'] is None or norm(e['phrase']) not in seg:
                    problems.append('%s #%d phrase not in lines %d-%d' % (f['path'], e['index'], a, b))
                head = norm(' '.join(lines[a - 1:a + 8]))
                if e['date_printed'] and norm(e['date_printed']) not in head:
                    problems.append('%s #%d date not near line %d' % (f['path'], e['index'], a))
    print('%d emails checked, %d problems' % (checked, len(problems)))
    for p in problems[:60]:
        print('  ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
