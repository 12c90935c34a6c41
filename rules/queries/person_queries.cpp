#include "rules/queries/person_queries.h"

#include <algorithm>
#include <cstdio>

#include "rules/calendar/calendar.h"
#include "rules/extract/dates.h"
#include "rules/extract/people.h"
#include "rules/queries/text_person.h"

namespace histlint {

namespace {

// The days a partial date may stand for, as Julian day numbers (both ends included).
std::pair<int64_t, int64_t> day_interval(const PartialDate& d) {
  const Calendar cal = d.calendar;
  const int year = d.date.year;
  switch (d.precision) {
    case DatePrecision::Day:
      return {calendar::day_number_unchecked(year, d.date.month, d.date.day, cal),
              calendar::day_number_unchecked(year, d.date.month, d.date.day, cal)};
    case DatePrecision::Month:
      return {calendar::day_number_unchecked(year, d.date.month, 1, cal),
              calendar::day_number_unchecked(
                  year, d.date.month, calendar::days_in_month(year, d.date.month, cal), cal)};
    case DatePrecision::Year:
      return {calendar::day_number_unchecked(year, 1, 1, cal),
              calendar::day_number_unchecked(year, 12, 31, cal)};
    case DatePrecision::Decade:
      return {calendar::day_number_unchecked(year, 1, 1, cal),
              calendar::day_number_unchecked(year + 9, 12, 31, cal)};
    case DatePrecision::Century:
      return {calendar::day_number_unchecked(year, 1, 1, cal),
              calendar::day_number_unchecked(year + 99, 12, 31, cal)};
  }
  return {0, 0};
}

struct AgeRange {
  int low = 0;
  int high = 0;
};

// The ages a person born on `birth` can have had on the days [first, last].
std::optional<AgeRange> age_range(const PartialDate& birth, int64_t first, int64_t last) {
  if (birth.date.year == 0) return std::nullopt;
  const auto [born_first, born_last] = day_interval(birth);
  AgeRange out;
  out.low = calendar::completed_years(born_last, first, birth.calendar);
  out.high = calendar::completed_years(born_first, last, birth.calendar);
  if (out.high < 0) return std::nullopt;
  out.low = std::max(out.low, 0);
  return out;
}

std::string age_text(const AgeRange& age) {
  return age.low == age.high ? std::to_string(age.low)
                             : std::to_string(age.low) + "–" + std::to_string(age.high);
}

std::optional<AgeRange> age_at_death(const std::optional<PartialDate>& birth,
                                     const std::optional<PartialDate>& death) {
  if (!birth || !death) return std::nullopt;
  const auto [first, last] = day_interval(*death);
  return age_range(*birth, first, last);
}

std::string url_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ') {
      out += '_';
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '.' || c == ',') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

std::string wikipedia_url(const Person& p) {
  if (p.wikipedia.empty() && !p.wikidata.empty()) {
    // Wikidata's sitelink redirect finds the article even when its title differs from the name.
    return "https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/" + p.wikidata;
  }
  return "https://en.wikipedia.org/wiki/" + url_encode(p.wikipedia.empty() ? p.name : p.wikipedia);
}

std::string date_with_old_style(const PartialDate& d) {
  std::string out = d.display();
  if (d.calendar == Calendar::Julian) {
    out += " (Old Style";
    if (d.precision == DatePrecision::Day) {
      PartialDate g = d;
      g.date = d.gregorian();
      g.calendar = Calendar::Gregorian;
      out += "; " + g.display() + " New Style";
    }
    out += ")";
  } else if (d.julian) {
    PartialDate os = d;
    os.date = *d.julian;
    os.julian.reset();
    out += " (O.S. " + os.display() + ")";
  }
  return out;
}

std::string years_text(const Role& role) {
  if (!role.from && !role.to) return "";
  const std::string from = role.from ? std::to_string(role.from->date.year) : "";
  const std::string to = role.to ? std::to_string(role.to->date.year) : "";
  if (from == to) return from;
  if (to.empty()) return from + "–";
  return from + "–" + to;
}

// A card built as lines, rendered twice: Markdown and plain text.
class CardWriter {
 public:
  void title(const std::string& name, const std::string& tail) {
    md_ += "**" + escape(name) + "**" + (tail.empty() ? "" : " · " + escape(tail)) + "\n\n";
    text_ += name + (tail.empty() ? "" : " · " + tail) + "\n\n";
  }
  void paragraph(const std::string& s) {
    md_ += escape(s) + "\n\n";
    text_ += s + "\n\n";
  }
  void note(const std::string& label, const std::string& s) {
    md_ += "*" + label + ":* " + escape(s) + "\n\n";
    text_ += label + ": " + s + "\n\n";
  }
  // "**Born** 7 November 1879, Yanovka" as one line of a group of facts.
  void fact(const std::string& label, const std::string& s) {
    md_ += "**" + label + "** " + escape(s) + "  \n";
    text_ += label + ": " + s + "\n";
    in_facts_ = true;
  }
  void end_facts() {
    if (!in_facts_) return;
    md_ += "\n";
    text_ += "\n";
    in_facts_ = false;
  }
  void list(const std::string& heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    end_facts();
    md_ += "**" + heading + "**\n\n";
    text_ += heading + ":\n";
    for (const auto& item : items) {
      md_ += "- " + escape(item) + "\n";
      text_ += "  - " + item + "\n";
    }
    md_ += "\n";
    text_ += "\n";
  }
  void links(const std::vector<std::pair<std::string, std::string>>& links) {
    if (links.empty()) return;
    end_facts();
    std::string md;
    std::string text;
    for (const auto& [label, url] : links) {
      md += (md.empty() ? "" : " · ") + ("[" + label + "](" + url + ")");
      text += (text.empty() ? "" : "\n") + (label + ": " + url);
    }
    md_ += md + "\n\n";
    text_ += text + "\n\n";
  }
  void footer(const std::string& s) {
    end_facts();
    md_ += "*" + escape(s) + "*\n";
    text_ += s + "\n";
  }
  HoverCard finish(Span span) {
    end_facts();
    HoverCard card;
    card.span = span;
    card.markdown = trim(md_);
    card.plaintext = trim(text_);
    return card;
  }

 private:
  // Names and descriptions are data, not markup: characters Markdown would act on are escaped.
  static std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
          c == '#' || c == '\\' || c == '|') {
        out += '\\';
      }
      out += c;
    }
    return out;
  }
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }
  std::string md_;
  std::string text_;
  bool in_facts_ = false;
};

// The year-dated expression of the hovered sentence the person's age is given for.
struct SentenceDate {
  std::string label;  // "1905", "January 1937"
  int64_t first = 0;
  int64_t last = 0;
};

std::optional<SentenceDate> sentence_date(const Analysis& analysis, uint32_t sentence) {
  if (sentence == UINT32_MAX) return std::nullopt;
  const auto& dates = analysis.facts<DateFacts>();
  const auto& people = analysis.facts<PeopleFacts>();
  // A life date stated beside a name ("Trotsky (1879–1940)") is not a date the sentence is at.
  auto is_life_date = [&](Span span) {
    for (const auto& intro : people.introduced) {
      for (Span life : {intro.birth_span, intro.death_span}) {
        if (life.length && life.offset < span.end() && span.offset < life.end()) return true;
      }
    }
    return false;
  };
  const auto [begin, end] = dates.dates_in_sentence(sentence);
  for (size_t i = begin; i < end; ++i) {
    const DateMention& d = dates.dates[i];
    if (d.value.year == 0 || d.in_references || d.approximate || !d.value.exists || d.is_range() ||
        is_life_date(d.span)) {
      continue;
    }
    if (d.value.granularity == DateGranularity::Decade ||
        d.value.granularity == DateGranularity::Century) {
      continue;
    }
    SentenceDate out;
    out.label = d.value.display();
    out.first = d.first();
    out.last = d.last();
    return out;
  }
  return std::nullopt;
}

std::string mentions_footer(size_t here, std::optional<size_t> elsewhere) {
  auto times = [](size_t n) { return n == 1 ? std::string("once") : std::to_string(n) + " times"; };
  std::string s = "Mentioned " + times(here) + " in this document";
  if (elsewhere) s += " · " + times(*elsewhere) + " in other workspace documents";
  return s;
}

std::string short_description(const Person& p) {
  std::string span = lifespan_text(p.birth ? std::optional(p.birth->date) : std::nullopt,
                                   p.death ? std::optional(p.death->date) : std::nullopt);
  std::string out = p.name;
  if (!span.empty()) out += " (" + span + ")";
  if (!p.description.empty()) out += " — " + p.description;
  return out;
}

void write_life_facts(CardWriter& card, const LifeDates& life, const Analysis& analysis,
                      const PersonMention& mention) {
  if (life.birth) {
    std::string s = date_with_old_style(*life.birth);
    if (!life.birth_place.empty()) s += ", " + life.birth_place;
    if (life.birth_from_text) s += " (as this document states)";
    card.fact("Born", s);
  }
  if (life.death) {
    std::string s = date_with_old_style(*life.death);
    if (!life.death_place.empty()) s += ", " + life.death_place;
    std::vector<std::string> notes;
    if (auto age = age_at_death(life.birth, life.death)) notes.push_back("aged " + age_text(*age));
    if (life.death_from_text) notes.push_back("as this document states");
    if (!notes.empty()) s += " (" + notes[0] + (notes.size() > 1 ? ", " + notes[1] : "") + ")";
    card.fact("Died", s);
  }
  if (life.birth) {
    if (auto when = sentence_date(analysis, mention.sentence)) {
      auto age = age_range(*life.birth, when->first, when->last);
      const bool after_death = life.death && when->first > day_interval(*life.death).second;
      if (age && !after_death) {
        card.fact("In " + when->label, "aged " + age_text(*age));
      } else if (age && after_death) {
        card.fact("In " + when->label, "no longer living");
      }
    }
  }
  card.end_facts();
}

std::string lifespan_tail(const LifeDates& life) {
  std::string tail = lifespan_text(life.birth, life.death);
  if (auto age = age_at_death(life.birth, life.death)) tail += ", aged " + age_text(*age);
  return tail;
}

HoverCard known_person_card(const Analysis& analysis, const PeopleFacts& facts,
                            const PersonMention& mention, const Person& p,
                            std::optional<size_t> elsewhere) {
  CardWriter card;
  LifeDates known;  // the knowledge base's own dates, shown even when the text differs
  if (p.birth) {
    known.birth = p.birth->date;
    known.birth_place = p.birth->place;
  }
  if (p.death) {
    known.death = p.death->date;
    known.death_place = p.death->place;
  }
  card.title(p.name, lifespan_tail(known));
  if (!p.aliases.empty()) {
    std::string aka;
    const size_t shown = std::min<size_t>(p.aliases.size(), 6);
    for (size_t i = 0; i < shown; ++i) aka += (i ? ", " : "") + p.aliases[i];
    if (p.aliases.size() > shown) aka += ", …";
    card.note("Also known as", aka);
  }
  if (!p.description.empty()) card.paragraph(p.description);
  write_life_facts(card, known, analysis, mention);
  for (const auto& conflict : facts.life_date_conflicts()) {
    if (conflict.person_id != p.id) continue;
    card.paragraph(std::string("This document gives the ") +
                   (conflict.is_birth ? "birth" : "death") + " as " + conflict.text_date.display() +
                   "; the knowledge base has " + conflict.kb_date.display() + ".");
  }
  std::vector<std::string> roles;
  for (const auto& role : p.roles) {
    const std::string years = years_text(role);
    roles.push_back(role.title + (years.empty() ? "" : " (" + years + ")"));
    if (roles.size() == 5) break;
  }
  card.list("Roles", roles);
  if (mention.candidates.size() > 1) {
    std::vector<std::string> others;
    for (size_t i = 1; i < mention.candidates.size() && others.size() < 4; ++i) {
      if (const Person* other = facts.person(mention.candidates[i])) {
        others.push_back(short_description(*other));
      } else {
        others.push_back(facts.display_name(mention.candidates[i]) + " (named in this document)");
      }
    }
    card.list("This name could also mean", others);
  }
  std::vector<std::pair<std::string, std::string>> links;
  if (!p.wikidata.empty()) {
    links.emplace_back("Wikidata", "https://www.wikidata.org/wiki/" + p.wikidata);
  }
  links.emplace_back("Wikipedia", wikipedia_url(p));
  card.links(links);
  card.footer(mentions_footer(facts.mention_count(p.id), elsewhere));
  return card.finish(mention.span);
}

// A person the knowledge base lacks: what the text says, marked as the text's.
HoverCard text_person_card(const Analysis& analysis, const PeopleFacts& facts,
                           const PersonMention& mention, const TextPerson& person,
                           std::optional<size_t> elsewhere) {
  CardWriter card;
  LifeDates life;
  life.birth = person.birth;
  life.death = person.death;
  life.birth_place = person.birth_place;
  life.death_place = person.death_place;
  card.title(person.name, lifespan_tail(life));
  if (!person.aliases.empty()) {
    std::string aka;
    for (size_t i = 0; i < person.aliases.size(); ++i) aka += (i ? ", " : "") + person.aliases[i];
    card.note("Also known as", aka);
  }
  card.note("From the text", person.description.empty()
                                 ? "not in the knowledge base"
                                 : person.description + " (not in the knowledge base)");
  write_life_facts(card, life, analysis, mention);
  card.fact("First mention", "line " + std::to_string(person.first_mention_line + 1) + ": “" +
                                 person.first_mention_context + "”");
  card.end_facts();
  card.footer(mentions_footer(facts.mention_count(person.person_id), elsewhere));
  return card.finish(mention.span);
}

HoverCard ambiguous_card(const Analysis& analysis, const PeopleFacts& facts,
                         const PersonMention& mention) {
  CardWriter card;
  const std::string written(analysis.doc().slice(mention.span));
  card.title(written, mention.candidates.size() > 1 ? "ambiguous name" : "unconfirmed name");
  card.paragraph(mention.candidates.size() > 1
                     ? "The document does not make clear which person this is. It could be:"
                     : "The document does not say who this is; the knowledge base knows:");
  std::vector<std::string> items;
  for (const auto& id : mention.candidates) {
    std::string item;
    if (const Person* p = facts.person(id)) {
      item = short_description(*p);
    } else {
      item = facts.display_name(id);
    }
    if (facts.mention_count(id) > 0) item += " (named in this document)";
    items.push_back(std::move(item));
    if (items.size() == 6) break;
  }
  if (mention.candidates.size() > items.size()) {
    items.push_back("and " + std::to_string(mention.candidates.size() - items.size()) + " more");
  }
  card.list("Candidates", items);
  card.footer("Write the full name once to settle it.");
  return card.finish(mention.span);
}

}  // namespace

std::string lifespan_text(const std::optional<PartialDate>& birth,
                          const std::optional<PartialDate>& death) {
  auto year = [](const PartialDate& d) {
    PartialDate y = d;
    if (y.precision > DatePrecision::Year) y.precision = DatePrecision::Year;
    // A Julian day late in December can be the next Gregorian year; the card uses Gregorian.
    if (d.calendar == Calendar::Julian && d.precision == DatePrecision::Day) {
      y.date = d.gregorian();
    }
    return y.display();
  };
  if (birth && death) return year(*birth) + "–" + year(*death);
  if (birth) return "born " + year(*birth);
  if (death) return "died " + year(*death);
  return "";
}

std::optional<HoverCard> person_hover(const Analysis& analysis, size_t offset,
                                      const WorkspaceMentionCounter& workspace_mentions) {
  const auto& facts = analysis.facts<PeopleFacts>();
  const PersonMention* mention = facts.mention_at(offset);
  if (!mention) return std::nullopt;
  if (mention->person_id.empty()) return ambiguous_card(analysis, facts, *mention);
  std::optional<size_t> elsewhere;
  if (workspace_mentions) elsewhere = workspace_mentions(mention->person_id);
  if (const Person* p = facts.person(mention->person_id)) {
    return known_person_card(analysis, facts, *mention, *p, elsewhere);
  }
  if (const auto person = text_person(analysis, mention->person_id)) {
    return text_person_card(analysis, facts, *mention, *person, elsewhere);
  }
  return std::nullopt;
}

std::optional<std::string> person_id_at(const Analysis& analysis, size_t offset) {
  const PersonMention* mention = analysis.facts<PeopleFacts>().mention_at(offset);
  if (!mention || mention->person_id.empty()) return std::nullopt;
  return mention->person_id;
}

std::optional<PersonDefinition> person_definition(const Analysis& analysis, size_t offset) {
  const auto& facts = analysis.facts<PeopleFacts>();
  const PersonMention* mention = facts.mention_at(offset);
  if (!mention || mention->person_id.empty()) return std::nullopt;
  if (const Person* p = facts.person(mention->person_id); p && !p->source_file.empty()) {
    PersonDefinition def;
    def.path = p->source_file;
    def.line = p->source_line;
    return def;
  }
  if (const IntroducedPerson* intro = facts.introduction(mention->person_id)) {
    PersonDefinition def;
    def.span = intro->sentence_span;
    return def;
  }
  return std::nullopt;
}

std::vector<Span> person_references(const Analysis& analysis, size_t offset) {
  std::vector<Span> out;
  const auto& facts = analysis.facts<PeopleFacts>();
  const PersonMention* mention = facts.mention_at(offset);
  if (!mention || mention->person_id.empty()) return out;
  for (const PersonMention* m : facts.mentions_of(mention->person_id)) out.push_back(m->span);
  return out;
}

std::vector<DocumentPerson> document_people(const Analysis& analysis) {
  std::vector<DocumentPerson> out;
  const auto& facts = analysis.facts<PeopleFacts>();
  std::unordered_map<std::string, size_t> index;
  for (const auto& m : facts.mentions) {
    if (m.person_id.empty()) continue;
    auto [it, inserted] = index.emplace(m.person_id, out.size());
    if (inserted) {
      DocumentPerson person;
      person.person_id = m.person_id;
      person.name = facts.display_name(m.person_id);
      person.span = m.span;
      if (auto life = facts.life(m.person_id)) {
        person.detail = lifespan_text(life->birth, life->death);
      }
      if (const Person* p = facts.person(m.person_id); p && !p->description.empty()) {
        person.detail += (person.detail.empty() ? "" : " · ") + p->description;
      }
      out.push_back(std::move(person));
    }
    out[it->second].mentions.push_back(m.span);
  }
  return out;
}

std::vector<PersonSymbol> search_people(const KnowledgeBase& kb, std::string_view query,
                                        size_t limit) {
  std::vector<PersonSymbol> out;
  for (const Person* p : kb.search(query, limit)) {
    PersonSymbol symbol;
    symbol.person_id = p->id;
    symbol.name = p->name;
    symbol.detail = lifespan_text(p->birth ? std::optional(p->birth->date) : std::nullopt,
                                  p->death ? std::optional(p->death->date) : std::nullopt);
    if (!p->description.empty()) {
      symbol.detail += (symbol.detail.empty() ? "" : " · ") + p->description;
    }
    symbol.path = p->source_file;
    symbol.line = p->source_line;
    out.push_back(std::move(symbol));
  }
  return out;
}

}  // namespace histlint
