// garble/mojibake: UTF-8 text decoded as Windows-1252 or Latin-1 ("â€™", "Ã©", "Ã¢â‚¬Å“"),
// Windows-1252 text decoded as Latin-1 (C1 control characters), and U+FFFD replacement
// characters. Offers the repair when every character maps back under one codec.
#include <cstdio>
#include <string>
#include <vector>

#include "rules/garble/rules.h"
#include "rules/garble/signals.h"
#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

// What Windows-1252 shows for bytes 0x80–0x9F; 0 where it defines nothing.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Codecs under which a character can stand for a byte.
constexpr unsigned kCp1252 = 1;
constexpr unsigned kLatin1 = 2;

// The byte a mis-decoded character stands for, and the codecs that show the byte that way.
bool byte_of(char32_t c, unsigned& byte, unsigned& codecs) {
  if (c >= 0x80 && c <= 0x9F) {  // C1 controls: Latin-1, or bytes Windows-1252 leaves undefined
    byte = c;
    codecs = kCp1252High[c - 0x80] == 0 ? (kCp1252 | kLatin1) : kLatin1;
    return true;
  }
  if (c >= 0xA0 && c <= 0xFF) {
    byte = c;
    codecs = kCp1252 | kLatin1;
    return true;
  }
  for (unsigned i = 0; i < 32; ++i) {
    if (kCp1252High[i] == c && c != 0) {
      byte = 0x80 + i;
      codecs = kCp1252;
      return true;
    }
  }
  return false;
}

// Code points a lead byte plausibly encodes in real text; anything else is left alone, so
// "CAFÉ”" (É then ”) is not read as U+0254.
bool plausible(unsigned lead, char32_t cp) {
  switch (lead) {
    case 0xC2:  // C1 controls only arise inside text encoded twice ("Â\u009D" in "â€\u009D")
      return cp >= 0x80 && cp <= 0xBF;
    case 0xC3:
      return cp >= 0xC0 && cp <= 0xFF;
    case 0xC4:
    case 0xC5:
      return cp >= 0x100 && cp <= 0x17F;
    case 0xCE:
    case 0xCF:
      return cp >= 0x386 && cp <= 0x3CE;
    case 0xD0:
    case 0xD1:
      return cp >= 0x400 && cp <= 0x45F;
    case 0xE1:
      return cp >= 0x1E00 && cp <= 0x1EFF;
    case 0xE2:
      return (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
             (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2190 && cp <= 0x21FF);
    case 0xEF:
      return cp == 0xFEFF;
    case 0xF0:
      return cp >= 0x1F000 && cp <= 0x1FAFF;
    default:
      return false;
  }
}

bool is_greek_or_cyrillic(char32_t cp) {
  return cp >= 0x370 && cp <= 0x45F;
}

struct Sequence {
  size_t begin = 0;
  size_t end = 0;
  std::string repaired;
  unsigned codecs = 0;
  bool script_letter = false;  // decodes to Greek or Cyrillic: only trusted in runs
};

// Mis-decoded UTF-8 sequences in s: a lead character and its continuation characters.
std::vector<Sequence> find_sequences(std::string_view s) {
  std::vector<Sequence> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len = 0;
    const char32_t c = utf8::decode(s, pos, len);
    unsigned lead = 0, codecs = 0;
    if (c < 0x80 || !byte_of(c, lead, codecs) || lead < 0xC2 || lead > 0xF4) {
      pos += len;
      continue;
    }
    const size_t continuation = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    std::string bytes(1, static_cast<char>(lead));
    size_t next = pos + len;
    for (size_t k = 0; k < continuation && next < s.size(); ++k) {
      size_t clen = 0;
      unsigned b = 0, cc = 0;
      if (!byte_of(utf8::decode(s, next, clen), b, cc) || b < 0x80 || b > 0xBF) break;
      bytes += static_cast<char>(b);
      codecs &= cc;
      next += clen;
    }
    size_t decoded = 0;
    const char32_t cp = bytes.size() == continuation + 1 ? utf8::decode(bytes, 0, decoded) : 0;
    if (decoded != bytes.size() || cp == utf8::kReplacement || !plausible(lead, cp) ||
        codecs == 0) {
      pos += len;
      continue;
    }
    out.push_back({pos, next, bytes, codecs, is_greek_or_cyrillic(cp)});
    pos = next;
  }
  return out;
}

// Applies find_sequences until nothing changes, for text encoded twice or more.
struct Repair {
  std::string text;
  unsigned codecs = kCp1252 | kLatin1;
  int rounds = 0;
};

void repair_further(Repair& r) {
  for (int round = 0; round < 3; ++round) {
    const auto seqs = find_sequences(r.text);
    if (seqs.empty()) return;
    std::string next;
    size_t at = 0;
    for (const auto& q : seqs) {
      next.append(r.text, at, q.begin - at);
      next += q.repaired;
      r.codecs &= q.codecs;
      at = q.end;
    }
    next.append(r.text, at);
    r.text = std::move(next);
    ++r.rounds;
  }
}

std::string codec_name(unsigned codecs) {
  return (codecs & kCp1252) ? "Windows-1252" : "Latin-1";
}

void report_run(const Document& doc, size_t begin, size_t end, Repair repair,
                std::vector<Finding>& out) {
  const std::string_view original = std::string_view(doc.text()).substr(begin, end - begin);
  repair_further(repair);
  Finding f;
  f.severity = Severity::Warning;
  f.span = {begin, end - begin};
  const std::string shown = quote_excerpt(original);
  if (repair.codecs == 0) {
    f.message = "Mojibake: “" + shown +
                "” is UTF-8 text decoded with the wrong encoding; the characters do not map "
                "back under one encoding, so it needs retyping.";
  } else {
    const std::string twice =
        repair.rounds > 1 ? " " + std::to_string(repair.rounds) + " times" : "";
    f.message = "Mojibake: “" + shown + "” is UTF-8 text misread as " + codec_name(repair.codecs) +
                twice + "; it should read “" + quote_excerpt(repair.text) + "”.";
    Fix fix;
    fix.title = "Repair the encoding: “" + quote_excerpt(repair.text) + "”";
    fix.edits.push_back({f.span, repair.text});
    f.fixes.push_back(std::move(fix));
  }
  out.push_back(std::move(f));
}

void check_mojibake(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const std::string_view prose = doc.prose();
  const auto seqs = find_sequences(prose);
  // Sequences within one word (no white space between them) form one run.
  for (size_t i = 0; i < seqs.size();) {
    size_t j = i;
    while (j + 1 < seqs.size()) {
      const std::string_view gap = prose.substr(seqs[j].end, seqs[j + 1].begin - seqs[j].end);
      if (gap.size() > 24 || gap.find_first_of(" \t\r\n") != std::string_view::npos) break;
      ++j;
    }
    // One Greek or Cyrillic letter alone may be a real capital and a sign ("VIÐ”"); a run is not.
    if (!seqs[i].script_letter || j > i) {
      Repair repair;
      size_t at = seqs[i].begin;
      for (size_t k = i; k <= j; ++k) {
        repair.text.append(prose.substr(at, seqs[k].begin - at));
        repair.text += seqs[k].repaired;
        repair.codecs &= seqs[k].codecs;
        at = seqs[k].end;
      }
      repair.rounds = 1;
      report_run(doc, seqs[i].begin, seqs[j].end, std::move(repair), out);
    }
    i = j + 1;
  }
  // C1 controls left over (Windows-1252 read as Latin-1) and U+FFFD replacement characters.
  size_t seq = 0;
  for (size_t pos = 0; pos < prose.size();) {
    while (seq < seqs.size() && seqs[seq].end <= pos) ++seq;
    if (seq < seqs.size() && seqs[seq].begin <= pos) {
      pos = seqs[seq].end;
      continue;
    }
    size_t len = 0;
    const char32_t c = utf8::decode(prose, pos, len);
    if (c == utf8::kReplacement && len == 3) {
      const size_t begin = pos;
      while (pos < prose.size() && utf8::decode(prose, pos, len) == utf8::kReplacement &&
             len == 3) {
        pos += len;
      }
      Finding f;
      f.severity = Severity::Warning;
      f.span = {begin, pos - begin};
      f.message =
          "Replacement character “\xEF\xBF\xBD”: the original character was lost when the text "
          "was decoded with the wrong encoding.";
      out.push_back(std::move(f));
      continue;
    }
    if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] != 0) {
      std::string repaired;
      const char32_t cp = kCp1252High[c - 0x80];
      if (cp < 0x800) {
        repaired += static_cast<char>(0xC0 | (cp >> 6));
        repaired += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        repaired += static_cast<char>(0xE0 | (cp >> 12));
        repaired += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        repaired += static_cast<char>(0x80 | (cp & 0x3F));
      }
      Finding f;
      f.severity = Severity::Warning;
      f.span = {pos, len};
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      f.message = std::string("Mojibake: control character ") + code +
                  " is Windows-1252 text misread as Latin-1; it should read “" + repaired + "”.";
      Fix fix;
      fix.title = "Repair the encoding: “" + repaired + "”";
      fix.edits.push_back({f.span, repaired});
      f.fixes.push_back(std::move(fix));
      out.push_back(std::move(f));
    }
    pos += len;
  }
}

}  // namespace

RuleDef mojibake_rule() {
  RuleDef rule;
  rule.info.id = "garble/mojibake";
  rule.info.summary = "Text decoded with the wrong character encoding (â€™, Ã©)";
  rule.info.explanation =
      "Flags mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 (\"â€™\" for ’, "
      "\"Ã©\" for é, \"Ã¢â‚¬Å“\" for “ when it happened twice), Windows-1252 text read as "
      "Latin-1 (invisible control characters U+0080–U+009F), and U+FFFD replacement "
      "characters where a character was lost. When every character of the run maps back to a "
      "byte under one encoding, the code action restores the original text exactly.";
  rule.info.example = "Trotskyâ€™s exile took him to CoyoacÃ¡n.";
  rule.info.default_severity = Severity::Warning;
  rule.info.scope = RuleScope::Paragraph;  // runs end at white space, so never leave a block
  rule.check = check_mojibake;
  return rule;
}

}  // namespace histlint::garble
