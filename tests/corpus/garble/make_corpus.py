#!/usr/bin/env python3
"""Builds the garble/ corpus from the hand-written clean texts in this folder.

usage: make_corpus.py            (rewrites the generated documents and labels.json)

The clean_* files are written by hand and are never flagged. From the clean_essay_* files this
script makes garbled documents of every kind the garble/ rules look for, each labelled with the
rule expected to catch it and with clean labels on the paragraphs it left alone:
  spun_*        sentences cut and reglued into fragment salad, spaced punctuation, recycled phrases
  ocr_*         scanner confusions (tbe, rn for m, 1 for l, long s), hyphenation splits, junk
  mojibake_*    UTF-8 misread as Windows-1252 or Latin-1, once or twice
  spam_*        phone numbers, sales pitches, promo codes, keyword stuffing, shouting
  boilerplate_* share bars, comment forms, navigation, image names and glued slugs
A fixed seed makes the output reproducible; commit it with the script.
"""
import json
import pathlib
import random
import re

HERE = pathlib.Path(__file__).resolve().parent
rng = random.Random(1917)
labels = []


def label(doc, expect, text, rule=None):
    entry = {"doc": doc, "family": "garble", "expect": expect, "text": text}
    if rule:
        entry["rule"] = rule
    labels.append(entry)


def paragraphs(name):
    body = (HERE / name).read_text(encoding="utf-8")
    return [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("#")]


def title(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()[0].lstrip("# ")


def sentences(paragraph):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph)


ESSAYS = sorted(p.name for p in HERE.glob("clean_essay_*.md") if p.name != "clean_essay_blog.md")
# Words a scanner or spinner should not produce by accident: the dictionaries' stems.
DICTIONARY = set()
for dic in ("/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_GB.dic"):
    try:
        for line in open(dic, encoding="utf-8", errors="ignore"):
            DICTIONARY.add(line.split("/")[0].strip().lower())
    except OSError:
        pass


def write(name, text):
    (HERE / name).write_text(text, encoding="utf-8")


def token_labels(doc, bad_tokens, rule):
    """One flag label per occurrence of a bad token, widened leftwards until it is unique."""
    raw = (HERE / doc).read_text(encoding="utf-8")
    tokens = list(re.finditer(r"\S+", raw))
    for i, tok in enumerate(tokens):
        if tok.group() not in bad_tokens:
            continue
        start = i
        while raw.count(raw[tokens[start].start():tok.end()]) > 1 and start > 0:
            start -= 1
        label(doc, "flag", raw[tokens[start].start():tok.end()], rule)


# --- spun fragment salad -------------------------------------------------------------------

FUNCTION_TAILS = ["of", "the", "was", "a", "with", "and", "their", "than", "had"]
ENDINGS = [".", "..", "!", "...", ",.", ".", "!", "..", ",..."]


def spin(pool, count):
    """Fragment salad: halves of different sentences glued, cut off and re-punctuated."""
    out = []
    recycled = None
    for i in range(count):
        a, b = rng.sample(pool, 2)
        wa, wb = a.rstrip(".!?").split(), b.rstrip(".!?").split()
        head = wa[: rng.randint(3, max(3, len(wa) // 2))]
        tail = wb[rng.randint(len(wb) // 3, max(len(wb) // 3, len(wb) - 3)):]
        words = head + tail
        if recycled is None and len(wa) >= 9:
            recycled = " ".join(wa[2:9])
        if recycled and i % 4 == 3:
            words = words[:3] + recycled.split() + words[3:6]
        if rng.random() < 0.35:
            words.append(rng.choice(FUNCTION_TAILS))
        text = " ".join(words)
        text = re.sub(r"(\w)'s\b", lambda m: m.group(1) + rng.choice([" ’ s", " 's", "'s"]), text)
        if rng.random() < 0.3:
            k = rng.randrange(1, len(words))
            text = text.replace(" " + words[k] + " ", " “ " + words[k].lower() + " ” ", 1)
        if rng.random() < 0.2:
            text = text.replace(", ", " ( e.g ", 1)
        text = text[0].upper() + text[1:] if rng.random() < 0.8 else text[0].lower() + text[1:]
        out.append(text.rstrip(",;:") + rng.choice(ENDINGS))
    return " ".join(out)


def spin_mildly(pool, count):
    """Milder salad: glued halves of sentences with ordinary full stops, no stray punctuation."""
    out = []
    for _ in range(count):
        a, b = rng.sample(pool, 2)
        wa, wb = a.rstrip(".!?").split(), b.rstrip(".!?").split()
        words = wa[: rng.randint(3, max(3, len(wa) // 2))] + wb[len(wb) // 2:]
        if rng.random() < 0.3:
            words.append(rng.choice(FUNCTION_TAILS))
        text = " ".join(words)
        out.append(text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!"]))
    return " ".join(out)


def make_spun():
    pool = [s for e in ESSAYS for p in paragraphs(e) for s in sentences(p) if len(s.split()) > 10]
    for n, essay in enumerate(ESSAYS):
        paras = paragraphs(essay)
        salad = spin(pool, rng.randint(12, 18))
        doc = f"spun_{n}.md"
        write(doc, f"# {title(essay)}\n\n{paras[0]}\n\n{salad}\n\n{paras[-1]}\n")
        label(doc, "flag", salad, "garble/spun-text")
        label(doc, "clean", [paras[0], paras[-1]])
    for n, essay in enumerate(ESSAYS):
        paras = paragraphs(essay)
        salad = spin_mildly(pool, rng.randint(10, 16))
        doc = f"spun_mild_{n}.md"
        write(doc, f"# {title(essay)}\n\n{paras[1]}\n\n{salad}\n\n{paras[2]}\n")
        label(doc, "flag", salad, "garble/spun-text")
        label(doc, "clean", [paras[1], paras[2]])
    # A single-line page like seed 003: coherent sentences, then salad, on one line.
    coherent = " ".join(paragraphs(ESSAYS[0])[1:3])
    salad = spin(pool, 30)
    write("spun_single_line.txt", coherent + " " + salad + "\n")
    label("spun_single_line.txt", "flag", salad, "garble/spun-text")
    label("spun_single_line.txt", "clean", coherent)


# --- OCR noise -----------------------------------------------------------------------------

WORD_SWAPS = {"the": ["tbe", "tlie", "tiie", "thc"], "and": ["aud", "arid"], "which": ["wliich"],
              "with": ["witli", "vvith", "w|th"], "that": ["tbat", "tliat"], "from": ["frorn"],
              "have": ["liave"], "this": ["tbis"], "their": ["tbeir"], "when": ["wben"]}
LETTER_SWAPS = [("m", "rn"), ("h", "li"), ("e", "c"), ("n", "ii"), ("l", "1"), ("o", "0"),
                ("d", "cl"), ("w", "vv"), ("s", "f"), ("u", "ii")]


def corrupt(word):
    low = word.lower()
    if word in WORD_SWAPS:
        return rng.choice(WORD_SWAPS[word])
    if not re.fullmatch(r"[a-z]{4,}", word):
        return None
    for _ in range(6):
        good, bad = rng.choice(LETTER_SWAPS)
        positions = [i for i, c in enumerate(low) if c == good]
        if not positions:
            continue
        i = rng.choice(positions)
        out = low[:i] + bad + low[i + 1:]
        if out not in DICTIONARY:
            return out
    return None


def wrap(text, width=72):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def make_ocr():
    for n, essay in enumerate(ESSAYS):
        paras = paragraphs(essay)
        out, flags = [], []
        for k, para in enumerate(paras):
            if k % 2 == 0:  # every other paragraph stays clean
                out.append(wrap(para))
                continue
            words = para.split(" ")
            for i, w in enumerate(words):
                core = w.strip(".,;:!?\"'")
                if i == 0 or rng.random() > 0.12:
                    continue
                bad = corrupt(core)
                if bad:
                    words[i] = w.replace(core, bad, 1)
                    flags.append(words[i])
            # One word split by hyphenation with a space.
            long_words = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{9,}", w)]
            if long_words:
                i = rng.choice(long_words)
                cut = len(words[i]) // 2
                words[i] = words[i][:cut] + "- " + words[i][cut:]
                flags.append(words[i].split(" ")[0])
            text = " ".join(words)
            out.append(wrap(text))
        doc = f"ocr_{n}.txt"
        write(doc, title(essay) + "\n\n" + "\n\n".join(out) + "\n")
        token_labels(doc, set(flags), "garble/ocr-noise")
        label(doc, "clean", [wrap(p) for k, p in enumerate(paras) if k % 2 == 0])


# --- mojibake ------------------------------------------------------------------------------

def typographic(text):
    text = re.sub(r"(\w)'(\w)", "\\1’\\2", text)
    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    return text.replace(" - ", " — ")


def cp1252_decode(data):
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # what browsers show for the five undefined bytes
    return "".join(out)


def misdecode(text, how):
    if how == "cp1252":
        return cp1252_decode(text.encode("utf-8"))
    if how == "latin1":
        return text.encode("utf-8").decode("latin-1")
    if how == "twice":
        return cp1252_decode(cp1252_decode(text.encode("utf-8")).encode("utf-8"))
    if how == "c1":  # Windows-1252 text read as Latin-1
        return text.encode("cp1252").decode("latin-1")
    raise ValueError(how)


ACCENTED = ["the émigré press in Zürich", "a café near the Gare de l’Est", "the naïve hopes of 1917",
            "letters posted from Kraków and Łódź", "a price of 15 roubles — about £1 10s"]


def make_mojibake():
    for n, (essay, how) in enumerate(zip(ESSAYS, ["cp1252", "latin1", "twice", "c1"])):
        paras = paragraphs(essay)
        out, flags = [], []
        for k, para in enumerate(paras):
            para = typographic(para)
            if k % 2 == 1:
                extra = ACCENTED[k % len(ACCENTED)] if how != "c1" else "the “new course”"
                para = para.rstrip(".") + f", as one observer wrote of {extra}’s critics."
                bad = misdecode(para, how)
                for good_word, bad_word in zip(para.split(" "), bad.split(" ")):
                    if good_word != bad_word:
                        flags.append(bad_word)
                para = bad
            out.append(para)
        doc = f"mojibake_{n}.md"
        write(doc, f"# {title(essay)}\n\n" + "\n\n".join(out) + "\n")
        token_labels(doc, set(flags), "garble/mojibake")
        label(doc, "clean", [typographic(p) for k, p in enumerate(paras) if k % 2 == 0])


# --- spam ----------------------------------------------------------------------------------

SPAM = [
    "Buy now and get free shipping on every history book in our catalogue!",
    "Call 415-555-0132 today for the best prices on replica watches.",
    "Use code HISTORY20 at checkout and save on your next order.",
    "Visit our online store at www.cheap-essay-shop.com for more great deals.",
    "Cheap essays, cheap essays online, best cheap essays, buy cheap essays, cheap essays fast, "
    "cheap essays help, cheap essays now.",
    "AMAZING DEALS ON HISTORY BOOKS TODAY ONLY!!!",
    "Email sales@bestbook-deals.com or call (212) 555-0187 now to claim your discount code.",
    "Make money online from home with our proven system, click here to start.",
]


def make_spam():
    for n, essay in enumerate(ESSAYS):
        paras = paragraphs(essay)
        out = []
        inserts = rng.sample(SPAM, 3)
        for k, para in enumerate(paras):
            if 1 <= k <= 3:
                parts = sentences(para)
                spot = rng.randrange(1, len(parts) + 1)
                parts.insert(spot, inserts[k - 1])
                para = " ".join(parts)
                label(f"spam_{n}.md", "flag", inserts[k - 1], "garble/spam")
            else:
                label(f"spam_{n}.md", "clean", para)
            out.append(para)
        write(f"spam_{n}.md", f"# {title(essay)}\n\n" + "\n\n".join(out) + "\n")


# --- boilerplate ---------------------------------------------------------------------------

FURNITURE_TOP = ["Facebook Twitter Pinterest Email", "Share this:", "Skip to content"]
FURNITURE_MIDDLE = ["IMG_2041.JPG", "Read more", "You might also like: Ten Facts About the Tsars",
                    "railway-station-1905.jpg", "Subscribe to our newsletter"]
FURNITURE_END = [
    ["Posted in History | Tagged railways, archives", "Leave a Reply",
     "Your email address will not be published. Required fields are marked *", "Post Comment"],
    ["Share this:", "Twitter Facebook Reddit", "Related Posts", "← Older posts"],
    ["Notify me of new posts via email.", "© 2023 The History Desk. All rights reserved.",
     "Privacy Policy | Terms of Use"],
    ["3 Responses to Notes on the Provinces", "Loading...", "Back to top"],
]


def make_boilerplate():
    for n, essay in enumerate(ESSAYS):
        paras = paragraphs(essay)
        out, flags = [FURNITURE_TOP[n % len(FURNITURE_TOP)]], []
        flags.append(out[0])
        for k, para in enumerate(paras):
            if k == 1:  # a slug glued after the last sentence, as scrapers leave them
                slug = rng.choice(["archive5archive-1891-1892", "tsar_nicholas_portrait2",
                                   "Zemstvo-School-Tver-fasad"])
                para = para + " " + slug if n % 2 else para + slug
                flags.append(slug)
            out.append(para)
            if k == 2:
                item = FURNITURE_MIDDLE[n % len(FURNITURE_MIDDLE)]
                out.append(item)
                flags.append(item)
        out.extend(FURNITURE_END[n % len(FURNITURE_END)])
        flags.extend(FURNITURE_END[n % len(FURNITURE_END)])
        doc = f"boilerplate_{n}.txt"
        write(doc, title(essay) + "\n\n" + "\n\n".join(out) + "\n")
        for f in dict.fromkeys(flags):
            label(doc, "flag", f, "garble/boilerplate")
        label(doc, "clean", [p for k, p in enumerate(paras) if k != 1])


def main():
    for old in HERE.glob("*"):
        if old.name.startswith(("spun_", "ocr_", "mojibake_", "spam_", "boilerplate_")):
            old.unlink()
    for clean in sorted(HERE.glob("clean_*")):
        label(clean.name, "clean", None)
    make_spun()
    make_ocr()
    make_mojibake()
    make_spam()
    make_boilerplate()
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    print(f"{len(labels)} labels")


if __name__ == "__main__":
    main()
