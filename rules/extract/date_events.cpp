#include "rules/extract/date_events.h"

#include <algorithm>
#include <cstdlib>

#include "rules/analysis.h"
#include "rules/extract/date_people.h"
#include "rules/extract/date_tokens.h"
#include "rules/text/utf8.h"

namespace histlint {

namespace {

using date_parse::equals_folded;

// How the object of a verb is introduced: a preposition, or directly ("reached Mexico").
struct VerbEntry {
  std::string_view verb;
  EventKind kind;
  std::string_view prepositions[2];  // empty: the object follows the verb
  bool passive;                      // only as "was …": "was expelled", "was assassinated"
  bool violent;
  bool active_only = false;  // never after "was": "Trotsky was published in 1989" is posthumous
};

constexpr VerbEntry kVerbs[] = {
    {"born", EventKind::Birth, {"", ""}, true, false},
    {"died", EventKind::Death, {"", ""}, false, false},
    {"killed", EventKind::Death, {"", ""}, true, true},
    {"assassinated", EventKind::Death, {"", ""}, true, true},
    {"murdered", EventKind::Death, {"", ""}, true, true},
    {"executed", EventKind::Death, {"", ""}, true, true},
    {"arrived", EventKind::Arrival, {"in", "at"}, false, false},
    {"landed", EventKind::Arrival, {"in", "at"}, false, false},
    {"reached", EventKind::Arrival, {"", ""}, false, false},
    {"settled", EventKind::Settlement, {"in", "at"}, false, false},
    {"moved", EventKind::Settlement, {"to", ""}, false, false},
    {"emigrated", EventKind::Settlement, {"to", ""}, false, false},
    {"relocated", EventKind::Settlement, {"to", ""}, false, false},
    {"departed", EventKind::Departure, {"from", ""}, false, false},
    {"returned", EventKind::Return, {"to", ""}, false, false},
    {"expelled", EventKind::Expulsion, {"from", ""}, true, false},
    {"exiled", EventKind::Exile, {"to", "from"}, true, false},
    {"deported", EventKind::Exile, {"to", "from"}, true, false},
    {"banished", EventKind::Exile, {"to", "from"}, true, false},
    {"founded", EventKind::Founding, {"", ""}, false, false},
    {"married", EventKind::Marriage, {"", ""}, false, false},
    {"promoted", EventKind::Promotion, {"to", ""}, true, false},
    {"wrote", EventKind::Activity, {"", ""}, false, false, true},
    {"published", EventKind::Activity, {"", ""}, false, false, true},
    {"spoke", EventKind::Activity, {"", ""}, false, false, true},
    {"travelled", EventKind::Activity, {"", ""}, false, false, true},
    {"traveled", EventKind::Activity, {"", ""}, false, false, true},
    {"visited", EventKind::Activity, {"", ""}, false, false, true},
    {"met", EventKind::Activity, {"", ""}, false, false, true},
    {"lectured", EventKind::Activity, {"", ""}, false, false, true},
    {"negotiated", EventKind::Activity, {"", ""}, false, false, true},
    {"declared", EventKind::Activity, {"", ""}, false, false, true},
    {"announced", EventKind::Activity, {"", ""}, false, false, true},
    {"organised", EventKind::Activity, {"", ""}, false, false, true},
    {"organized", EventKind::Activity, {"", ""}, false, false, true},
    {"edited", EventKind::Activity, {"", ""}, false, false, true},
    {"lived", EventKind::Activity, {"", ""}, false, false, true},
    {"worked", EventKind::Activity, {"", ""}, false, false, true},
    {"taught", EventKind::Activity, {"", ""}, false, false, true},
    {"attended", EventKind::Activity, {"", ""}, false, false, true},
    {"resigned", EventKind::Activity, {"", ""}, false, false, true},
    {"joined", EventKind::Activity, {"", ""}, false, false, true},
    {"led", EventKind::Activity, {"", ""}, false, false, true},
    {"commanded", EventKind::Activity, {"", ""}, false, false, true},
    {"signed", EventKind::Activity, {"", ""}, false, false, true},
    {"granted", EventKind::Activity, {"", ""}, false, false, true},
    {"issued", EventKind::Activity, {"", ""}, false, false, true},
    {"built", EventKind::Activity, {"", ""}, false, false, true},
    {"commissioned", EventKind::Activity, {"", ""}, false, false, true},
    {"composed", EventKind::Activity, {"", ""}, false, false, true},
    {"painted", EventKind::Activity, {"", ""}, false, false, true},
    {"preached", EventKind::Activity, {"", ""}, false, false, true},
    {"proposed", EventKind::Activity, {"", ""}, false, false, true},
    {"fled", EventKind::Activity, {"", ""}, false, false, true},
    {"arrested", EventKind::Activity, {"", ""}, true, false},
    {"imprisoned", EventKind::Activity, {"", ""}, true, false},
    {"jailed", EventKind::Activity, {"", ""}, true, false},
    {"elected", EventKind::Activity, {"", ""}, true, false},
    {"appointed", EventKind::Activity, {"", ""}, true, false},
    {"interviewed", EventKind::Activity, {"", ""}, true, false},
};

// Events named by a noun after a possessive: "his expulsion from the party in 1929", "her
// arrival at Zanzibar in 1878", "Trotsky's death in 1940". Marriages are left out: without the
// spouse's name, two marriages are two events.
constexpr VerbEntry kNouns[] = {
    {"birth", EventKind::Birth, {"", ""}, false, false},
    {"death", EventKind::Death, {"", ""}, false, false},
    {"assassination", EventKind::Death, {"", ""}, false, true},
    {"murder", EventKind::Death, {"", ""}, false, true},
    {"execution", EventKind::Death, {"", ""}, false, true},
    {"arrival", EventKind::Arrival, {"in", "at"}, false, false},
    {"emigration", EventKind::Settlement, {"to", ""}, false, false},
    {"departure", EventKind::Departure, {"from", ""}, false, false},
    {"return", EventKind::Return, {"to", ""}, false, false},
    {"expulsion", EventKind::Expulsion, {"from", ""}, false, false},
    {"exile", EventKind::Exile, {"to", ""}, false, false},
    {"deportation", EventKind::Exile, {"to", ""}, false, false},
    {"promotion", EventKind::Promotion, {"to", ""}, false, false},
};

// Words that make a clause hypothetical, negative or repeated: no claim is read from it.
bool is_hedging_word(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"not",      "never",      "no",        "failed",     "tried",    "planned",  "hoped",
          "wanted",   "would",      "could",     "might",      "should",   "refused",  "intended",
          "expected", "again",      "first",     "second",     "once",     "if",       "almost",
          "nearly",   "reportedly", "allegedly", "supposedly", "probably", "possibly", "perhaps"});
}

// Words that attribute what follows to someone other than the author.
bool is_reporting_word(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"said",     "says",     "claimed",   "claims",     "claim",     "stated",   "states",
          "reported", "reports",  "believed",  "believe",    "believes",  "thought",  "asserted",
          "alleged",  "alleges",  "according", "maintained", "insisted",  "wrote",    "writes",
          "argued",   "argues",   "suggested", "suggests",   "rumoured",  "rumored",  "legend",
          "myth",     "although", "though",    "whereas",    "pretended", "imagined", "dreamed"});
}

// Words that attribute a whole sentence to a source, wherever they stand in it.
bool is_attribution_word(std::string_view w) {
  return date_parse::equals_any_folded(
      w,
      {"claimed", "claims", "claim", "alleged", "alleges", "according", "reportedly", "allegedly",
       "supposedly", "rumoured", "rumored", "legend", "myth", "apocryphal", "said", "says"});
}

bool is_passive_auxiliary(std::string_view w) {
  return equals_folded(w, "was") || equals_folded(w, "were") || equals_folded(w, "been") ||
         equals_folded(w, "being");
}

bool is_object_stop(std::string_view w) {
  return date_parse::equals_any_folded(
      w, {"in",    "on",     "at",     "for",  "by",    "with",   "and",   "from", "to",
          "after", "before", "during", "when", "where", "aboard", "under", "as",   "where",
          "which", "who",    "but",    "or",   "until", "since",  "via"});
}

bool is_article(std::string_view w) {
  return equals_folded(w, "the") || equals_folded(w, "a") || equals_folded(w, "an") ||
         equals_folded(w, "his") || equals_folded(w, "her") || equals_folded(w, "their");
}

struct Word {
  size_t offset = 0;
  size_t end = 0;
  bool capitalised = false;
};

// The words of a sentence; punctuation other than apostrophes and hyphens splits them, and
// `breaks` marks where a comma, semicolon or bracket stood before a word.
void sentence_words(std::string_view prose, Span sentence, std::vector<Word>& words,
                    std::vector<bool>& breaks) {
  words.clear();
  breaks.clear();
  size_t pos = sentence.offset;
  bool pending_break = false;
  while (pos < sentence.end()) {
    size_t len = 0;
    const char32_t c = utf8::decode(prose, pos, len);
    if (!utf8::is_letter(c)) {
      if (c == ',' || c == ';' || c == '(' || c == ')' || c == ':' || utf8::is_digit(c)) {
        pending_break = true;
      }
      pos += len;
      continue;
    }
    Word w{pos, pos, utf8::is_upper(c)};
    while (pos < sentence.end()) {
      const char32_t d = utf8::decode(prose, pos, len);
      if (!utf8::is_letter(d)) break;
      pos += len;
    }
    w.end = pos;
    words.push_back(w);
    breaks.push_back(pending_break);
    pending_break = false;
  }
}

// True when only "and" stands between two offsets: "He and Natalya".
bool only_and_between(std::string_view prose, size_t from, size_t to) {
  std::string_view gap = prose.substr(from, to - from);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return equals_folded(gap, "and");
}

// What may stand between a possessor and its noun: a space, or "’s " / "'s ".
bool only_possessive_gap(std::string_view gap) {
  if (gap.starts_with("\xE2\x80\x99s")) {
    gap.remove_prefix(4);
  } else if (gap.starts_with("'s")) {
    gap.remove_prefix(2);
  }
  return gap == " ";
}

std::string fold_ascii(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view event_kind_phrase(EventKind kind) {
  switch (kind) {
    case EventKind::Birth:
      return "birth";
    case EventKind::Death:
      return "death";
    case EventKind::Arrival:
      return "arrival in";
    case EventKind::Settlement:
      return "settling in";
    case EventKind::Departure:
      return "departure from";
    case EventKind::Return:
      return "return to";
    case EventKind::Expulsion:
      return "expulsion from";
    case EventKind::Exile:
      return "exile to";
    case EventKind::Founding:
      return "founding of";
    case EventKind::Marriage:
      return "marriage to";
    case EventKind::Promotion:
      return "promotion to";
    case EventKind::Activity:
      return "activity";
  }
  return "";
}

EventFacts EventFacts::extract(const Analysis& analysis) {
  EventFacts out;
  const auto& dates = analysis.facts<DateFacts>();
  if (dates.dates.empty()) return out;
  const auto& references = analysis.facts<SentencePeople>();
  const Document& doc = analysis.doc();
  const std::string_view prose = doc.prose();
  std::vector<Word> words;
  std::vector<bool> breaks;

  for (uint32_t s = 0; s < doc.sentences().size(); ++s) {
    const auto [lo, hi] = dates.dates_in_sentence(s);
    const auto refs = references.in_sentence(s);
    if (lo == hi || refs.empty()) continue;
    sentence_words(prose, doc.sentences()[s].span, words, breaks);
    for (size_t v = 0; v < words.size(); ++v) {
      const std::string_view w = prose.substr(words[v].offset, words[v].end - words[v].offset);
      const VerbEntry* entry = nullptr;
      for (const VerbEntry& e : kVerbs) {
        if (!words[v].capitalised && equals_folded(w, e.verb)) entry = &e;
      }
      // "thrown out of the party"
      size_t object_from = v + 1;
      if (!entry && equals_folded(w, "thrown") && v + 2 < words.size()) {
        const std::string_view out_word =
            prose.substr(words[v + 1].offset, words[v + 1].end - words[v + 1].offset);
        const std::string_view of_word =
            prose.substr(words[v + 2].offset, words[v + 2].end - words[v + 2].offset);
        if (equals_folded(out_word, "out") && equals_folded(of_word, "of")) {
          static constexpr VerbEntry kThrownOut{
              "thrown", EventKind::Expulsion, {"", ""}, true, false};
          entry = &kThrownOut;
          object_from = v + 3;
        }
      }
      // "his expulsion from the party": the possessive right before the noun is the person.
      const PersonReference* possessor = nullptr;
      if (!entry && v > 0) {
        for (const VerbEntry& e : kNouns) {
          if (equals_folded(w, e.verb)) entry = &e;
        }
        for (const PersonReference& r : refs) {
          if (r.possessive && r.span.end() <= words[v].offset &&
              only_possessive_gap(prose.substr(r.span.end(), words[v].offset - r.span.end()))) {
            possessor = &r;
          }
        }
        // "the anniversary of his death in 1990", "news of his arrival": the date belongs to
        // what governs the noun.
        for (size_t k = v; possessor && k > 0; --k) {
          if (words[k - 1].end > possessor->span.offset) continue;
          const Word& before = words[k - 1];
          if (equals_folded(prose.substr(before.offset, before.end - before.offset), "of")) {
            possessor = nullptr;
          }
          break;
        }
        if (!possessor) entry = nullptr;
      }
      if (!entry) continue;
      // "Lenin lived on in the memory of millions" is an afterlife, not a life.
      if (equals_folded(w, "lived") && v + 1 < words.size() &&
          equals_folded(prose.substr(words[v + 1].offset, words[v + 1].end - words[v + 1].offset),
                        "on")) {
        continue;
      }
      // The subject: the nearest person before the verb, if it is a subject; for a noun, its
      // possessor.
      const PersonReference* subject = possessor;
      for (const PersonReference& r : refs) {
        if (!possessor && r.span.offset < words[v].offset) subject = &r;
      }
      // "This prince was crowned during his father's life; but died in 1182": a verb after "and"
      // or "but" with no subject of its own shares the subject of the clause before. Only its
      // coordinator stands between them, so the first clause's auxiliaries do not count.
      bool coordinated = false;
      if (!possessor && subject && !subject->subject && v > 0 &&
          date_parse::equals_any_folded(
              prose.substr(words[v - 1].offset, words[v - 1].end - words[v - 1].offset),
              {"and", "but"})) {
        for (const PersonReference& r : refs) {
          if (r.subject && r.span.offset < words[v].offset) {
            subject = &r;
            coordinated = true;
          }
        }
      }
      if (!subject || (!possessor && !subject->subject)) continue;
      // Between subject and verb: an auxiliary for passives, no hedges, at most ten words.
      size_t first_between = coordinated ? v - 1 : v;
      while (!coordinated && first_between > 0 &&
             words[first_between - 1].offset >= subject->span.end()) {
        --first_between;
      }
      if (v - first_between > 10) continue;
      bool hedged = false;
      bool passive = false;
      for (size_t k = first_between; k < v; ++k) {
        const std::string_view between =
            prose.substr(words[k].offset, words[k].end - words[k].offset);
        hedged = hedged || is_hedging_word(between);
        passive = passive || is_passive_auxiliary(between);
      }
      // Before a possessor too: "his planned return", "the rumour of his death".
      for (size_t k = first_between; possessor && k > 0 && first_between - k < 3; --k) {
        hedged = hedged || is_hedging_word(prose.substr(words[k - 1].offset,
                                                        words[k - 1].end - words[k - 1].offset));
      }
      if (hedged || (entry->passive && !passive) || (entry->active_only && passive)) continue;
      // Reported claims are someone else's: "a pamphlet claims that Trotsky was born in 1880",
      // "according to Stalin, in 1945 Trotsky met …".
      bool reported = false;
      for (size_t k = first_between; k > 0 && first_between - k < 8; --k) {
        reported = reported || is_reporting_word(prose.substr(
                                   words[k - 1].offset, words[k - 1].end - words[k - 1].offset));
      }
      // "…, a newspaper claimed years later": an attribution anywhere in the sentence.
      for (size_t k = 0; k < words.size() && !reported; ++k) {
        reported = k != v && is_attribution_word(
                                 prose.substr(words[k].offset, words[k].end - words[k].offset));
      }
      if (reported) continue;
      // The object: after its preposition, articles skipped, up to four words.
      std::string object;
      Span object_span{};
      size_t object_end = v + 1;
      if (entry->kind != EventKind::Birth && entry->kind != EventKind::Death &&
          entry->kind != EventKind::Activity) {
        size_t k = object_from;
        const bool needs_preposition = !entry->prepositions[0].empty();
        if (needs_preposition) {
          if (k >= words.size() || breaks[k]) continue;
          const std::string_view prep =
              prose.substr(words[k].offset, words[k].end - words[k].offset);
          if (!equals_folded(prep, entry->prepositions[0]) &&
              !(entry->prepositions[1].empty() ? false
                                               : equals_folded(prep, entry->prepositions[1]))) {
            continue;
          }
          ++k;
        }
        const size_t written_first = k;  // the object as written keeps its article
        while (k < words.size() && !breaks[k] &&
               is_article(prose.substr(words[k].offset, words[k].end - words[k].offset))) {
          ++k;
        }
        const size_t object_first = k;
        while (k < words.size() && k - object_first < 4 && (k == object_first || !breaks[k])) {
          const std::string_view ow = prose.substr(words[k].offset, words[k].end - words[k].offset);
          if (is_object_stop(ow)) break;
          ++k;
        }
        if (k == object_first || (k < words.size() && words[k].offset < words[k - 1].end)) {
          continue;
        }
        // A founding or marriage needs a name, not "a newspaper".
        if ((entry->kind == EventKind::Founding || entry->kind == EventKind::Marriage) &&
            !words[object_first].capitalised) {
          continue;
        }
        object_end = k;
        object_span =
            Span{words[written_first].offset, words[k - 1].end - words[written_first].offset};
        object =
            fold_ascii(prose.substr(words[k - 1].offset, words[k - 1].end - words[k - 1].offset));
      }
      // The date: the first after the verb in its clause, or else one that opens the sentence
      // before the subject ("In 1927, Leon Trotsky … was expelled").
      const DateMention* date = nullptr;
      for (size_t i = lo; i < hi && !date; ++i) {
        const DateMention& d = dates.dates[i];
        if (d.span.offset < words[v].end) continue;
        size_t gap = 0;
        bool crossed = false;
        for (size_t k = v + 1; k < words.size() && words[k].offset < d.span.offset; ++k) {
          ++gap;
          const std::string_view between =
              prose.substr(words[k].offset, words[k].end - words[k].offset);
          // "arrived in Mexico and left in 1940": another verb's date.
          if (equals_folded(between, "and") && k >= object_end) crossed = true;
        }
        if (gap <= 8 && !crossed) date = &d;
        break;
      }
      // A noun's own date follows it without a break: not "Fifty years after his death, in
      // 2015, Parliament …".
      if (date && possessor) {
        const size_t from = object_span.length ? object_span.end() : words[v].end;
        const std::string_view gap =
            prose.substr(from, date->span.offset > from ? date->span.offset - from : 0);
        if (gap.find_first_of(",;:()") != std::string_view::npos ||
            gap.find("\xE2\x80\x94") != std::string_view::npos) {  // —
          continue;
        }
      }
      // A noun's phrase is subordinate ("a year after his expulsion, …"): the sentence's
      // opening date belongs to the main clause.
      if (!date && !possessor && dates.dates[lo].span.end() <= subject->span.offset) {
        const DateMention& d = dates.dates[lo];
        if (hi - lo == 1 || dates.dates[lo + 1].span.offset > words[v].end) date = &d;
      }
      if (!date || date->in_quotation || date->in_references || date->in_heading || date->sic ||
          date->is_range() || date->approximate || date->value.year == 0 ||
          (date->lead != DateLead::In && date->lead != DateLead::None)) {
        continue;
      }
      // Every subject of the clause: "He and Natalya … arrived".
      std::vector<std::string_view> people{subject->person_id};
      for (const PersonReference& r : refs) {
        if (&r != subject && r.subject && r.span.end() <= subject->span.offset &&
            only_and_between(prose, r.span.end(), subject->span.offset)) {
          people.push_back(r.person_id);
        }
      }
      const size_t claim_begin = std::min(words[v].offset, date->span.offset);
      const size_t claim_end =
          std::max(date->span.end(), object_span.length ? object_span.end() : words[v].end);
      for (std::string_view person : people) {
        EventClaim c;
        c.person_id = std::string(person);
        c.kind = entry->kind;
        c.violent_death = entry->violent;
        c.passive_voice = passive;
        c.object = object;
        c.object_text = std::string(prose.substr(object_span.offset, object_span.length));
        c.claim_span = Span{claim_begin, claim_end - claim_begin};
        c.verb_span = Span{words[v].offset, words[v].end - words[v].offset};
        c.date_span = date->span;
        c.date = date->value;
        c.sentence = s;
        out.claims.push_back(std::move(c));
      }
    }
  }
  return out;
}

bool claims_conflict(const EventClaim& a, const EventClaim& b) {
  if (a.person_id != b.person_id || a.kind == EventKind::Activity) return false;
  const bool moves = (a.kind == EventKind::Arrival || a.kind == EventKind::Settlement) &&
                     (b.kind == EventKind::Arrival || b.kind == EventKind::Settlement);
  if (a.kind != b.kind && !moves) return false;
  if (a.object != b.object) return false;
  const DateValue& x = a.date;
  const DateValue& y = b.date;
  if (x.year == 0 || y.year == 0) return false;
  // A killing and the death it caused may be days apart.
  const int64_t slack =
      (a.kind == EventKind::Death && (a.violent_death || b.violent_death)) ? 3 : 0;
  if (x.last + slack >= y.first && y.last + slack >= x.first) return false;
  // One day given in both calendars.
  if (x.granularity == DateGranularity::Day && y.granularity == DateGranularity::Day) {
    // Read as Gregorian, the Julian label of a day is the earlier one.
    const DateValue& julian = x.first < y.first ? x : y;
    const auto offset = calendar::julian_offset(julian.year, julian.month, julian.day);
    if (offset && std::llabs(x.first - y.first) == *offset) return false;
  }
  // Settling after arriving is a second step, not a second date for the arrival.
  if (moves && a.kind != b.kind) {
    const DateValue& settled = a.kind == EventKind::Settlement ? x : y;
    const DateValue& arrived = a.kind == EventKind::Arrival ? x : y;
    return settled.last < arrived.first;
  }
  // Births, deaths, foundings and promotions to one rank happen once; other events may recur
  // years apart.
  const bool once = a.kind == EventKind::Birth || a.kind == EventKind::Death ||
                    a.kind == EventKind::Founding || a.kind == EventKind::Promotion;
  if (once) return true;
  const int64_t gap = std::max(x.first - y.last, y.first - x.last);
  return gap <= 2 * 366;
}

std::string event_key(const EventClaim& claim) {
  const EventKind kind = claim.kind == EventKind::Settlement ? EventKind::Arrival : claim.kind;
  return claim.person_id + '\n' + std::to_string(static_cast<int>(kind)) + '\n' + claim.object;
}

DocumentClaims::DocumentClaims(std::string path, std::vector<EventClaim> claims)
    : path_(std::move(path)), claims_(std::move(claims)) {
  keys_.reserve(claims_.size());
  for (const EventClaim& claim : claims_) keys_.push_back(event_key(claim));
}

DocumentClaims DocumentClaims::of(const Analysis& analysis) {
  std::vector<EventClaim> claims;
  for (const EventClaim& claim : analysis.facts<EventFacts>().claims) {
    if (claim.kind != EventKind::Activity) claims.push_back(claim);
  }
  return DocumentClaims(analysis.path(), std::move(claims));
}

bool DocumentClaims::same_events(const DocumentClaims& other) const {
  return std::equal(claims_.begin(), claims_.end(), other.claims_.begin(), other.claims_.end(),
                    [](const EventClaim& a, const EventClaim& b) {
                      return a.kind == b.kind && a.person_id == b.person_id &&
                             a.object == b.object && a.date.first == b.date.first &&
                             a.date.last == b.date.last && a.date.granularity == b.date.granularity;
                    });
}

bool DocumentClaims::shares_event_with(const DocumentClaims& other) const {
  for (const std::string& key : keys_) {
    if (std::find(other.keys_.begin(), other.keys_.end(), key) != other.keys_.end()) return true;
  }
  return false;
}

bool DocumentClaims::conflicts_with(const DocumentClaims& other) const {
  for (size_t i = 0; i < claims_.size(); ++i) {
    for (size_t j = 0; j < other.claims_.size(); ++j) {
      if (keys_[i] == other.keys_[j] && claims_conflict(claims_[i], other.claims_[j])) return true;
    }
  }
  return false;
}

}  // namespace histlint
