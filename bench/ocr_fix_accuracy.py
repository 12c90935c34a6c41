#!/usr/bin/env python3
"""How often a garble/ fix equals the gold-standard text, on ICDAR 2017 post-OCR files.

Usage: ocr_fix_accuracy.py ICDAR_FOLDER [--bin PATH] [--verbose]

Each ICDAR file has three lines: "[OCR_toInput] " (the raw OCR), "[OCR_aligned] " and
"[ GS_aligned] " (OCR and gold standard aligned character by character, "@" filling gaps, "#"
marking gold text that is unknown). histlint checks the raw OCR of every file; each fix it offers
is compared with the gold text aligned to the span it replaces. Fixes over unknown gold text are
left out. A fix that joins a word the gold keeps split at a line-end hyphen ("intro- duction",
"intro-duction") counts as right. Prints the share of fixes that equal the gold text, per rule and number of
confusions undone, and with --verbose the wrong ones.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HEADS = ('[OCR_toInput] ', '[OCR_aligned] ', '[ GS_aligned] ')


def read_doc(path):
    lines = {}
    with open(path, encoding='utf-8') as f:
        for line in f.read().split('\n'):
            for head in HEADS:
                if line.startswith(head):
                    lines[head] = line[len(head):]
    if len(lines) != 3:
        return None
    return lines[HEADS[0]], lines[HEADS[1]], lines[HEADS[2]]


def aligned_positions(ocr, ocr_al):
    """Index in the aligned line of every character of the raw OCR, or None if they differ."""
    positions = [k for k, c in enumerate(ocr_al) if c != '@']
    if ''.join(ocr_al[k] for k in positions) != ocr:
        return None
    return positions


def char_at_byte(ocr):
    """For every byte offset of the raw OCR, the index of the character it falls in."""
    out = []
    for k, c in enumerate(ocr):
        out.extend([k] * len(c.encode('utf-8')))
    out.append(len(ocr))
    return out


def gold_for(ocr_al, gs_al, positions, chars, byte_start, byte_end):
    """The gold text aligned to the OCR bytes [byte_start, byte_end), or None if unknown."""
    if byte_end >= len(chars):
        return None
    start, end = chars[byte_start], chars[byte_end]
    if end <= start or end > len(positions):
        return None
    a, b = positions[start], positions[end - 1] + 1
    # Gold characters inserted right after the span (OCR "@") belong to it, and so do gold
    # letters inserted right before it (an "li" read as one "H" aligns as "@H").
    while b < len(ocr_al) and ocr_al[b] == '@':
        b += 1
    while a > 0 and ocr_al[a - 1] == '@' and gs_al[a - 1].isalnum():
        a -= 1
    gold = gs_al[a:b].replace('@', '')
    return None if '#' in gold else gold


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    verbose = '--verbose' in argv
    binary = os.environ.get('HISTLINT', 'histlint')
    if '--bin' in argv:
        binary = argv[argv.index('--bin') + 1]
        args.remove(binary)
    if len(args) != 1:
        sys.exit(__doc__)
    docs = {}
    for root, _, files in os.walk(args[0]):
        for name in sorted(files):
            if name.endswith('.txt'):
                doc = read_doc(os.path.join(root, name))
                if doc:
                    docs['%s__%s' % (os.path.basename(root), name)] = doc
    right, offered = collections.Counter(), collections.Counter()
    maps = {}
    wrong = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, '.histlint.json'), 'w') as f:
            json.dump({"thresholds": {"date/conflicting-dates.across-documents": 0}}, f)
        for flat, (ocr, _, _) in docs.items():
            with open(os.path.join(tmp, flat), 'w', encoding='utf-8') as f:
                f.write(ocr + '\n')
        out = subprocess.run([binary, 'check', '--format', 'rdjson', '-j', '1', '--fail-on',
                              'none', '-q', tmp], stdout=subprocess.PIPE, check=False).stdout
    for d in json.loads(out.decode('utf-8')).get('diagnostics', []):
        rule = d.get('code', {}).get('value', '')
        flat = os.path.basename(d['location']['path'])
        if not rule.startswith('garble/') or flat not in docs:
            continue
        ocr, ocr_al, gs_al = docs[flat]
        if flat not in maps:
            maps[flat] = (aligned_positions(ocr, ocr_al), char_at_byte(ocr))
        positions, chars = maps[flat]
        if positions is None:
            continue
        # Two repairs ("“c” for “e”, “o” for “e”) or one, from the message.
        kind = rule + (' (%d confusions)' % d['message'].count('” for “')
                       if '” for “' in d['message'] else '')
        for s in d.get('suggestions', []):
            r = s['range']
            if r['start']['line'] != 1 or r['end']['line'] != 1:
                continue
            byte_start, byte_end = r['start']['column'] - 1, r['end']['column'] - 1
            gold = gold_for(ocr_al, gs_al, positions, chars, byte_start, byte_end)
            if gold is None:
                continue
            offered[kind] += 1
            # The gold keeps the printer's line-end hyphen ("intro- duction"); a fix joining the
            # word restores the same word.
            joined = re.sub('[-\u2010] ?', '', gold)
            if s['text'] == gold or s['text'] == joined:
                right[kind] += 1
            else:
                seen = ocr.encode('utf-8')[byte_start:byte_end].decode('utf-8', 'replace')
                wrong.append((flat, rule, seen, s['text'], gold))
    for rule in sorted(offered):
        print('%-40s fixes %5d  equal to gold %5d (%.3f)' %
              (rule, offered[rule], right[rule], right[rule] / offered[rule]))
    total, good = sum(offered.values()), sum(right.values())
    if verbose:
        for flat, rule, seen, fix, gold in wrong:
            print('  WRONG [%s] %s: %r -> %r, gold %r' % (flat, rule, seen, fix, gold))
    print('SUMMARY fixes=%d right=%d accuracy=%.3f' % (total, good, good / total if total else 0))


if __name__ == '__main__':
    main(sys.argv[1:])
