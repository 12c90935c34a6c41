#!/usr/bin/env python3
"""Cross-validates, and with --write trains, the sentence scorer of source/likely-needs-citation.

usage: citation_need_cv.py DEV_TSV [--folds 10] [--precision 0.85] [--write data/citation_need_model.json]

DEV_TSV is ../shared/benchmarks/citation/dev.tsv: English Wikipedia Featured-Article statements
(Redi et al. 2019; CC BY-SA 3.0), label 1 = the statement carried an inline citation. The units are
those of score_citation.py (its cleaning and sentence split are imported from beside the TSV).

The model is a logistic regression over a few explainable features of one sentence (a dated
event, a quotation, an attribution, a hedge, a lead-style definition, ...), the same features that
rules/source/likely_needs_citation.cpp computes from the token layer. Folds are split by article
title, so no article is both trained on and scored. In each fold the threshold is chosen on the
training folds (the lowest score whose precision there reaches --precision), then applied to the
held-out fold: every printed figure is out-of-fold. --write trains on every row and writes the
weights and threshold, never any text.

Standard library only.
"""
import json, math, os, random, re, sys, zlib

MONTHS = {'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
          'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
          'sep', 'sept', 'oct', 'nov', 'dec'}
# Verbs that credit a statement to someone.
ATTRIBUTION = {'said', 'says', 'wrote', 'writes', 'stated', 'states', 'claimed', 'claims', 'argued',
               'argues', 'suggested', 'suggests', 'believed', 'believes', 'described', 'describes',
               'noted', 'notes', 'recalled', 'recalls', 'remarked', 'commented', 'observed',
               'observes', 'concluded', 'concludes', 'asserted', 'asserts', 'contended', 'contends',
               'considered', 'regarded', 'called', 'calls', 'according', 'told', 'reported',
               'reports', 'explained', 'explains', 'estimated', 'estimates', 'speculated',
               'speculates', 'maintained', 'maintains', 'insisted', 'insists', 'thought', 'felt',
               'praised', 'criticised', 'criticized', 'acknowledged', 'admitted', 'announced',
               'declared'}
# Words that say the writer is unsure: a claim some source has to settle.
# Hearsay adverbs, and "is unclear" said of a fact: a claim some source has to settle.
HEDGES = {'apparently', 'reportedly', 'allegedly', 'rumoured', 'rumored', 'presumably',
          'supposedly', 'evidently'}
UNSETTLED = {'unclear', 'unknown', 'uncertain', 'disputed'}
# Modal words: also a narrative's ordinary "might" or "perhaps", so a feature, never evidence.
MODALS = {'may', 'might', 'seems', 'seemed', 'appears', 'appeared', 'possibly', 'probably',
          'likely', 'perhaps'}
CONTRASTS = {'although', 'however', 'but', 'despite', 'nevertheless', 'though'}
PRONOUNS = {'he', 'she', 'they', 'it', 'his', 'her', 'their', 'this', 'these', 'its'}
LISTING = {'include', 'includes', 'including', 'included'}
# People whose judgement a text reports: the claim is theirs, and a citation names where they made it.
CRITICS = {'historian', 'historians', 'biographer', 'biographers', 'critic', 'critics', 'scholar',
           'scholars', 'reviewer', 'reviewers', 'commentator', 'commentators', 'writer', 'author',
           'journalist', 'contemporaries', 'observers'}
# Words of judgement; in the statements of the set they mark the lead's summary more than the
# body's cited detail, so the weight learnt is what it is.
EVALUATION = {'praised', 'acclaimed', 'criticised', 'criticized', 'successful', 'important',
              'influential', 'significant', 'controversial', 'popular', 'notable', 'remarkable',
              'considered', 'regarded', 'reputation', 'famous', 'celebrated', 'admired',
              'condemned', 'favourable', 'favorable', 'negative', 'positive', 'poor', 'excellent',
              'brilliant'}
# Words that sum up a life or a period, as a lead section does.
SUMMARY = {'career', 'lifetime', 'legacy', 'known', 'remembered', 'throughout', 'subsequently',
           'eventually', 'later', 'also', 'widely', 'generally', 'often', 'many', 'various',
           'several', 'numerous'}
# Words that order events in a narrative, as the body tells them.
TEMPORAL = {'after', 'before', 'when', 'during', 'until', 'following', 'while'}
PRESENT = {'is', 'are', 'has', 'have'}
PAST = {'was', 'were', 'had'}
# "in his diary", "in her memoirs": the sentence names the work a quotation comes from.
NAMED_WORK = re.compile(r'\bin (?:his|her|their|the) (?:\w+ )?(?:diary|diaries|memoirs?|letters?|'
                        r'autobiography|description|account|journal|chronicle|will|preface|'
                        r'introduction|book|essay|article|review|history)\b', re.I)
LIFE_DATES = re.compile(r'\((?:born|c\.|né|née|[^()]*\d{3,4}\s*[–-]\s*[^()]*\d{3,4})')
DEFINITION = re.compile(r'^[^,]{0,80}\b(?:is|was|are|were) (?:an?|the) ')
# "according to Smith", but not the "according to the custom" of conformity.
# "according to Smith", but not the "according to the custom" of conformity, nor a record the
# sentence names as its source ("according to the parish register").
ACCORDING = re.compile(r'\baccording to (?!(?:\w+ ){0,2}(?:practice|'
                       r'customs?|laws?|rules?|terms|plan|usage|needs?|orders?|registers?|records?|'
                       r'catalogue|catalog|chronology|census|minutes|inventory|deed|chronicle|'
                       r'diary|diaries|letters?|ledger|gazette|charter|will)\b)', re.I)
# "Smith said", "Fraser's biographer suggested": a claim credited to a named person; not a
# position ("argued for") or a topic ("told of"). Not "wrote", "called", "thought" or "felt":
# "Smith wrote a poem", "Smith called the ship", "Smith felt ill" author, name or narrate.
NAMED_SAID = re.compile(r"\b[A-Z][a-z]+(?:['’]s)? (?:\w+ )?(?:said|stated|argued|suggested|"
                        r"noted|claimed|described|recalled|commented|observed|concluded|"
                        r"remarked)\b(?! (?:for|against|of|with|about|on)\b)")
# "In 1904,", "On 3 May 1915": a sentence that opens on a date tells an event.
STARTS_DATE = re.compile(r'^(?:In|On|By|From|During|After|Before|Between)\b[^,]{0,30}\d{3,4}')
TOKEN = re.compile(r"(?P<w>[^\W\d_]+(?:['’\-][^\W\d_]+)*)|(?P<n>\d+(?:[.,]\d+)*)|(?P<p>[^\s\w])")
QUOTES_OPEN, QUOTES_CLOSE = ('“', '"', '«', '„'), ('”', '"', '»')

FEATURES = ['year', 'day_date', 'month', 'money_pct', 'quote', 'short_quote', 'attribution', 'attribution_that',
            'that', 'hedge', 'modal', 'contrast', 'possessive_name', 'pronoun_start', 'colon_end',
            'life_dates', 'definition', 'listing', 'present', 'length', 'short', 'according',
            'named_said', 'critic', 'evaluation', 'summary', 'temporal', 'starts_date']
# The features that name a reason an editor cites; a finding needs one of them.
# A date alone is not one (the project's corpora count "began on 9 January 1911" as clean), and a
# quotation is evidence here only when no speech verb or colon credits it: the quotations the text
# credits to someone are source/unsourced-quotation's to judge.
# A claim credited to a named person ("according to Smith", "Smith wrote") still needs the work
# where they made it.
EVIDENCE = ['uncredited_quote', 'attribution_that', 'hedge', 'according', 'named_said']
# Capitalised words that open a sentence and name no one: "The bishop said" is not a name.
NOT_NAMES = {'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'his',
             'her', 'its', 'their', 'in', 'on', 'at', 'when', 'after', 'but', 'and', 'some',
             'many', 'others', 'one'}


def features(s):
    toks = [(m.lastgroup, m.group()) for m in TOKEN.finditer(s)]
    words = [t for k, t in toks if k == 'w']
    lower = [w.lower() for w in words]
    f = dict.fromkeys(FEATURES + ['uncredited_quote'], 0.0)
    quoted, longest, inside, credited, uncredited = 0, 0, False, False, False
    for i, (k, t) in enumerate(toks):
        if k == 'w' and not inside and t.lower() in ATTRIBUTION | {'found'}:
            credited = True
        if k == 'p' and t in QUOTES_OPEN and not inside:
            inside, quoted = True, 0
            after_colon = i > 0 and toks[i - 1][1] == ':'
            # A term the text names ("the “theory of socialism in one country”") is no claim.
            after_article = i > 0 and toks[i - 1][1].lower() in ('the', 'a', 'an')
            first_quoted = None
        elif k == 'p' and t in QUOTES_CLOSE and inside:
            inside = False
        elif k == 'w' and inside:
            quoted += 1
            longest = max(longest, quoted)
            if first_quoted is None:
                first_quoted = t
            # Words woven into the writer's sentence start in lower case; a capitalised quotation
            # is a whole utterance or a title, which needs a speaker the text does not give.
            if (quoted >= 6 and not credited and not after_colon and not after_article
                    and first_quoted[0].islower()):
                uncredited = True
        if k == 'n':
            digits = t.isdigit()
            if digits and re.fullmatch(r'1\d{3}|20\d\d', t):
                f['year'] = 1
            if digits and 1 <= int(t) <= 31:
                before = toks[i - 1] if i > 0 else None
                after = toks[i + 1] if i + 1 < len(toks) else None
                if before and before[0] == 'p' and before[1] == '.' and i > 1:
                    before = toks[i - 2]
                for nb in (before, after):
                    if nb and nb[0] == 'w' and nb[1][0].isupper() and nb[1].lower() in MONTHS:
                        f['day_date'] = 1
        if k == 'p' and t in '%£$€':
            f['money_pct'] = 1
    for i, w in enumerate(lower):
        if w in MONTHS and words[i][0].isupper() and len(w) > 3:
            f['month'] = 1
        if w == 'percent' or (w == 'per' and i + 1 < len(lower) and lower[i + 1] == 'cent'):
            f['money_pct'] = 1
        if w in HEDGES or (w in UNSETTLED and i > 0 and lower[i - 1] in ('is', 'was', 'remains')):
            f['hedge'] = 1
        if w in MODALS and not (w == 'may' and words[i][0].isupper()):
            f['modal'] = 1
        if (w in ATTRIBUTION and i + 1 < len(lower) and lower[i + 1] == 'that'
                and not NAMED_WORK.search(s)):
            f['attribution_that'] = 1
        if words[i][0].isupper() and re.search(r"['’]s$", words[i]):
            f['possessive_name'] = 1
    ws = set(lower)
    # One quotation of six words or more, from a work the sentence does not name; a shorter one
    # is often a title or a phrase.
    f['quote'] = 1 if longest >= 6 and not NAMED_WORK.search(s) else 0
    f['short_quote'] = 1 if 0 < longest and not f['quote'] else 0
    f['uncredited_quote'] = f['quote'] if uncredited else 0
    f['attribution'] = 1 if ws & ATTRIBUTION else 0
    f['that'] = 1 if ws & {'that', 'which'} else 0
    f['contrast'] = 1 if ws & CONTRASTS else 0
    f['pronoun_start'] = 1 if lower and lower[0] in PRONOUNS else 0
    f['colon_end'] = 1 if s.rstrip().endswith(':') else 0
    f['life_dates'] = 1 if LIFE_DATES.search(s) else 0
    f['definition'] = 1 if DEFINITION.search(s) else 0
    f['listing'] = 1 if ws & LISTING else 0
    f['present'] = 1 if (ws & PRESENT) and not (ws & PAST) else 0
    f['length'] = min(len(words), 60) / 60
    f['short'] = 1 if len(words) < 10 else 0
    f['according'] = 1 if ACCORDING.search(s) else 0
    f['named_said'] = 1 if any(m.group().split()[0].lower() not in NOT_NAMES
                               for m in NAMED_SAID.finditer(s)) else 0
    f['critic'] = 1 if ws & CRITICS else 0
    f['evaluation'] = 1 if ws & EVALUATION else 0
    f['summary'] = 1 if ws & SUMMARY else 0
    f['temporal'] = 1 if ws & TEMPORAL else 0
    f['starts_date'] = 1 if STARTS_DATE.search(s) else 0
    return [f[k] for k in FEATURES] + [f['uncredited_quote']]


def has_evidence(x):
    # x holds the features, then the evidence flags that are not features.
    names = FEATURES + ['uncredited_quote']
    return any(x[names.index(k)] for k in EVIDENCE)


def train(X, y, epochs=30, rate=0.1, l2=1e-3):
    w, b = [0.0] * len(FEATURES), 0.0
    order = list(range(len(X)))
    rng = random.Random(1)
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + 0.2 * epoch)
        for i in order:
            z = b + sum(wi * xi for wi, xi in zip(w, X[i]))
            g = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y[i]
            b -= lr * g
            w = [wi - lr * (g * xi + l2 * wi) for wi, xi in zip(w, X[i])]
    return w, b


def score(model, x):
    w, b = model
    return b + sum(wi * xi for wi, xi in zip(w, x))


def flagged(model, threshold, xs):
    return any(has_evidence(x) and score(model, x) >= threshold for x in xs)


def choose_threshold(model, units, target):
    # The lowest threshold whose precision on these units reaches the target.
    scored = sorted(((max((score(model, x) for x in xs if has_evidence(x)), default=-99), y)
                     for xs, y in units), reverse=True)
    best, tp = scored[0][0] + 1e-6, 0
    for n, (z, y) in enumerate(scored, 1):
        if z == -99:
            break
        tp += y
        if n >= 20 and tp / n >= target:
            best = z
    return best


def prf(pairs):
    tp = sum(1 for p, y in pairs if p and y)
    fp = sum(1 for p, y in pairs if p and not y)
    fn = sum(1 for p, y in pairs if not p and y)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0), tp + fp


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith('-'):
        sys.exit(__doc__)
    opt = lambda name, default: args[args.index(name) + 1] if name in args else default
    folds, target = int(opt('--folds', 10)), float(opt('--precision', 0.85))
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(args[0]))))
    import score_citation
    items, _ = score_citation.read_items(args[0])
    for it in items:
        it['sent_x'] = [features(it['sentence'])]
        it['stmt_x'] = [features(s) for s in score_citation.split_sentences(it['statement'])]
    y = [it['label'] for it in items]
    fold = [zlib.crc32(it['title'].encode()) % folds for it in items]
    oof = {'sentence': [], 'statement': []}
    for k in range(folds):
        train_rows = [i for i in range(len(items)) if fold[i] != k]
        model = train([items[i]['sent_x'][0] for i in train_rows], [y[i] for i in train_rows])
        threshold = choose_threshold(model, [(items[i]['sent_x'], y[i]) for i in train_rows], target)
        for i in range(len(items)):
            if fold[i] == k:
                oof['sentence'].append((flagged(model, threshold, items[i]['sent_x']), y[i]))
                oof['statement'].append((flagged(model, threshold, items[i]['stmt_x']), y[i]))
    print(f'{len(items)} units, {folds} folds by article, threshold for training precision {target}')
    for unit, pairs in oof.items():
        P, R, F, n = prf(pairs)
        print(f'out-of-fold {unit:9s}: flagged {n:4d} precision {P:.3f} recall {R:.3f} F1 {F:.3f}')
    model = train([it['sent_x'][0] for it in items], y)
    threshold = choose_threshold(model, [(it['sent_x'], it['label']) for it in items], target)
    print(f'all rows: threshold {threshold:.3f}, bias {model[1]:+.3f}')
    for name, wi in sorted(zip(FEATURES, model[0]), key=lambda p: -p[1]):
        print(f'  {name:17s} {wi:+.3f}')
    if '--write' in args:
        with open(opt('--write', None), 'w') as f:
            json.dump({'about': 'Weights of the sentence scorer of source/likely-needs-citation '
                                '(rules/source/likely_needs_citation.cpp holds a copy that its '
                                'test checks), written by bench/citation_need_cv.py --write.',
                       'provenance': 'Trained on the citation-need statements of Redi et al., '
                                     '"Citation Needed" (The Web Conference 2019): English '
                                     'Wikipedia Featured Articles, 2018 revisions, from '
                                     'github.com/mirrys/uncited-statement-detection '
                                     'data_clean/english_short.tsv as copied into the shared '
                                     'benchmarks (citation/dev.tsv, 3,350 scored rows).',
                       'licence': 'Derived from Wikipedia text, CC BY-SA 3.0. The file holds '
                                  'only feature weights, never any text of the set.',
                       'threshold': round(threshold, 4), 'bias': round(model[1], 4),
                       'weights': {n: round(wi, 4) for n, wi in zip(FEATURES, model[0])}},
                      f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    main()
