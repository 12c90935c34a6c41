#include "rules/kb/knowledge_base.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "common/bounded_json.h"
#include "rules/kb/kb_binary.h"
#include "rules/kb/name_fold.h"

namespace histlint {

namespace {

using json = nlohmann::json;

std::string year_text(int year) {
  return year > 0 ? std::to_string(year) : std::to_string(-year) + " BC";  // no year 0
}

// Heterogeneous lookup so string_view keys need no allocation.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

bool is_generational_suffix(std::string_view folded) {
  return folded == "jr" || folded == "sr" || folded == "junior" || folded == "senior";
}

// "the second" for "II": older prose spells regnal numbers out ("Henry the Second"). Up to XX.
std::string_view ordinal_of_roman(std::string_view numeral) {
  static const std::unordered_map<std::string_view, std::string_view> kOrdinals = {
      {"i", "the first"},         {"ii", "the second"},        {"iii", "the third"},
      {"iv", "the fourth"},       {"v", "the fifth"},          {"vi", "the sixth"},
      {"vii", "the seventh"},     {"viii", "the eighth"},      {"ix", "the ninth"},
      {"x", "the tenth"},         {"xi", "the eleventh"},      {"xii", "the twelfth"},
      {"xiii", "the thirteenth"}, {"xiv", "the fourteenth"},   {"xv", "the fifteenth"},
      {"xvi", "the sixteenth"},   {"xvii", "the seventeenth"}, {"xviii", "the eighteenth"},
      {"xix", "the nineteenth"},  {"xx", "the twentieth"}};
  const auto it = kOrdinals.find(numeral);
  return it == kOrdinals.end() ? std::string_view() : it->second;
}

bool is_roman_numeral(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  }
  return true;
}

size_t line_of_offset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Byte offsets of the objects of the top-level "people" array (or of a top-level array), found
// by a scan that tracks strings and nesting; used to give each entry and each error its line.
std::vector<size_t> entry_offsets(std::string_view text) {
  std::vector<size_t> offsets;
  int depth = 0;
  bool in_string = false;
  bool top_is_array = false;
  int people_depth = -1;  // depth of the array holding the entries
  std::string last_key;
  size_t string_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        last_key.assign(text.substr(string_start, i - string_start));
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        string_start = i + 1;
        break;
      case '[':
        if (depth == 0) top_is_array = true;
        if ((depth == 0 && top_is_array) || (depth == 1 && last_key == "people")) {
          people_depth = depth + 1;
        }
        ++depth;
        break;
      case '{':
        if (depth == people_depth) offsets.push_back(i);
        ++depth;
        break;
      case ']':
      case '}':
        --depth;
        if (depth < people_depth) people_depth = -1;
        break;
      default:
        break;
    }
  }
  return offsets;
}

class EntryReader {
 public:
  EntryReader(const std::string& path, size_t line, const json& entry)
      : path_(path), line_(line), entry_(entry) {}

  bool read(Person& person, std::string* error) {
    error_ = error;
    if (!entry_.is_object()) return fail("each person must be a JSON object");
    for (const auto& [key, value] : entry_.items()) {
      if (key.empty() || key[0] == '$' || key[0] == '_') continue;  // comments
      static const std::unordered_set<std::string_view> kKnown = {
          "id",     "name",     "aliases",   "short",       "given",       "ambiguous",
          "sex",    "birth",    "death",     "description", "occupations", "roles",
          "events", "wikidata", "wikipedia", "source"};
      if (!kKnown.count(key)) return fail("unknown field \"" + key + "\"");
      (void)value;
    }
    if (!string_field(entry_, "id", person.id, true)) return false;
    if (person.id.empty()) return fail("\"id\" must not be empty");
    context_ = "person \"" + person.id + "\": ";
    if (!string_field(entry_, "name", person.name, true)) return false;
    if (person.name.empty()) return fail("\"name\" must not be empty");
    if (!string_list(entry_, "aliases", person.aliases)) return false;
    if (!string_list(entry_, "short", person.short_names)) return false;
    if (!string_list(entry_, "given", person.given_names)) return false;
    if (!string_list(entry_, "ambiguous", person.ambiguous_names)) return false;
    std::string sex;
    if (!string_field(entry_, "sex", sex, false)) return false;
    if (sex == "male") {
      person.sex = Sex::Male;
    } else if (sex == "female") {
      person.sex = Sex::Female;
    } else if (!sex.empty() && sex != "unknown") {
      return fail("\"sex\" must be \"male\", \"female\" or \"unknown\", not \"" + sex + "\"");
    }
    if (!life_event(entry_, "birth", person.birth)) return false;
    if (!life_event(entry_, "death", person.death)) return false;
    if (!string_field(entry_, "description", person.description, false)) return false;
    if (!string_list(entry_, "occupations", person.occupations)) return false;
    if (!roles(person.roles)) return false;
    if (!events(person.events)) return false;
    if (!string_field(entry_, "wikidata", person.wikidata, false)) return false;
    if (!person.wikidata.empty() &&
        (person.wikidata[0] != 'Q' || person.wikidata.size() < 2 ||
         !std::all_of(person.wikidata.begin() + 1, person.wikidata.end(),
                      [](char c) { return c >= '0' && c <= '9'; }))) {
      return fail("\"wikidata\" must be an item id such as \"Q33391\", not \"" + person.wikidata +
                  "\"");
    }
    if (!string_field(entry_, "wikipedia", person.wikipedia, false)) return false;
    if (person.birth && person.death) {
      const CivilDate b = person.birth->date.gregorian();
      const CivilDate d = person.death->date.gregorian();
      if (d.year < b.year) {
        return fail("death (" + person.death->date.iso() + ") is before birth (" +
                    person.birth->date.iso() + ")");
      }
    }
    person.source_file = path_;
    person.source_line = line_;
    return true;
  }

 private:
  bool fail(const std::string& message) {
    if (error_) *error_ = path_ + ":" + std::to_string(line_ + 1) + ": " + context_ + message;
    return false;
  }

  bool string_field(const json& object, const char* key, std::string& out, bool required,
                    const std::string& prefix = {}) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) return fail("missing \"" + prefix + key + "\"");
      return true;
    }
    if (!it->is_string()) return fail("\"" + prefix + key + "\" must be a string");
    out = it->get<std::string>();
    return true;
  }

  bool string_list(const json& object, const char* key, std::vector<std::string>& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_array()) return fail("\"" + std::string(key) + "\" must be an array of strings");
    for (const auto& item : *it) {
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        return fail("\"" + std::string(key) + "\" must hold non-empty strings");
      }
      out.push_back(item.get<std::string>());
    }
    return true;
  }

  bool date_value(const json& object, const std::string& prefix, bool required,
                  std::optional<PartialDate>& out) {
    std::string text;
    if (!string_field(object, "date", text, required, prefix)) return false;
    std::string calendar_text;
    if (!string_field(object, "calendar", calendar_text, false, prefix)) return false;
    Calendar calendar = Calendar::Gregorian;
    if (calendar_text == calendar_name(Calendar::Julian)) {
      calendar = Calendar::Julian;
    } else if (!calendar_text.empty() && calendar_text != calendar_name(Calendar::Gregorian)) {
      return fail("\"" + prefix + "calendar\" must be \"gregorian\" or \"julian\"");
    }
    if (text.empty()) return true;
    auto date = parse_partial_date(text, calendar);
    if (!date) {
      return fail("\"" + prefix +
                  "date\" must be \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" (a real " +
                  "day), not \"" + text + "\"");
    }
    std::string precision;
    if (!string_field(object, "precision", precision, false, prefix)) return false;
    if (!precision.empty()) {
      bool found = false;
      for (const DatePrecision value :
           {DatePrecision::Century, DatePrecision::Decade, DatePrecision::Year,
            DatePrecision::Month, DatePrecision::Day}) {
        if (precision != precision_name(value)) continue;
        if (value > date->precision) {
          return fail("\"" + prefix + "precision\" \"" + precision + "\" is finer than \"" + text +
                      "\"");
        }
        date->precision = value;
        found = true;
      }
      if (!found) {
        return fail("\"" + prefix +
                    "precision\" must be \"day\", \"month\", \"year\", \"decade\" or \"century\"");
      }
    }
    std::string julian_text;
    if (!string_field(object, "julian", julian_text, false, prefix)) return false;
    if (!julian_text.empty()) {
      auto julian = parse_partial_date(julian_text, Calendar::Julian);
      if (!julian || calendar != Calendar::Gregorian) {
        return fail("\"" + prefix + "julian\" must be a \"YYYY-MM-DD\" Old Style date beside a " +
                    "Gregorian \"date\"");
      }
      date->julian = julian->date;
    }
    out = date;
    return true;
  }

  bool life_event(const json& object, const char* key, std::optional<LifeEvent>& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    const std::string prefix = std::string(key) + ".";
    if (!it->is_object()) return fail("\"" + std::string(key) + "\" must be an object");
    for (const auto& [field, value] : it->items()) {
      (void)value;
      if (field != "date" && field != "precision" && field != "calendar" && field != "julian" &&
          field != "place") {
        return fail("unknown field \"" + prefix + field + "\"");
      }
    }
    std::optional<PartialDate> date;
    if (!date_value(*it, prefix, true, date)) return false;
    LifeEvent event;
    event.date = *date;
    if (!string_field(*it, "place", event.place, false, prefix)) return false;
    out = std::move(event);
    return true;
  }

  bool optional_date(const json& object, const char* key, const std::string& prefix,
                     std::optional<PartialDate>& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_string()) return fail("\"" + prefix + key + "\" must be a date string");
    out = parse_partial_date(it->get<std::string>());
    if (!out) {
      return fail("\"" + prefix + key + "\" must be \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
    }
    return true;
  }

  bool roles(std::vector<Role>& out) {
    auto it = entry_.find("roles");
    if (it == entry_.end() || it->is_null()) return true;
    if (!it->is_array()) return fail("\"roles\" must be an array");
    for (const auto& item : *it) {
      if (!item.is_object()) return fail("each role must be an object");
      Role role;
      if (!string_field(item, "title", role.title, true, "roles[].")) return false;
      if (!optional_date(item, "from", "roles[].", role.from)) return false;
      if (!optional_date(item, "to", "roles[].", role.to)) return false;
      out.push_back(std::move(role));
    }
    return true;
  }

  bool events(std::vector<DatedEvent>& out) {
    auto it = entry_.find("events");
    if (it == entry_.end() || it->is_null()) return true;
    if (!it->is_array()) return fail("\"events\" must be an array");
    for (const auto& item : *it) {
      if (!item.is_object()) return fail("each event must be an object");
      DatedEvent event;
      if (!string_field(item, "what", event.what, true, "events[].")) return false;
      if (!date_value(item, "events[].", false, event.date)) return false;
      if (!string_field(item, "place", event.place, false, "events[].")) return false;
      out.push_back(std::move(event));
    }
    return true;
  }

  const std::string& path_;
  size_t line_;
  const json& entry_;
  std::string* error_ = nullptr;
  std::string context_;
};

}  // namespace

std::string_view precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::Century:
      return "century";
    case DatePrecision::Decade:
      return "decade";
    case DatePrecision::Year:
      return "year";
    case DatePrecision::Month:
      return "month";
    case DatePrecision::Day:
      return "day";
  }
  return "year";
}

std::optional<PartialDate> parse_partial_date(std::string_view text, Calendar calendar) {
  PartialDate out;
  out.calendar = calendar;
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  auto read = [&](size_t pos, size_t len, int& value) {
    if (text.size() < pos + len) return false;
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, value);
    return ec == std::errc() && p == text.data() + pos + len;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!read(0, 4, out.date.year)) return std::nullopt;
  if (out.date.year == 0) return std::nullopt;  // historical years have no year 0
  if (negative) out.date.year = -out.date.year;
  out.precision = DatePrecision::Year;
  if (text.size() >= 7) {
    if (text[4] != '-' || !read(5, 2, out.date.month)) return std::nullopt;
    if (out.date.month < 1 || out.date.month > 12) return std::nullopt;
    out.precision = DatePrecision::Month;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !read(8, 2, out.date.day)) return std::nullopt;
    if (out.date.day < 1 ||
        out.date.day > calendar::days_in_month(out.date.year, out.date.month, calendar)) {
      return std::nullopt;
    }
    out.precision = DatePrecision::Day;
  }
  return out;
}

CivilDate PartialDate::gregorian() const {
  if (calendar == Calendar::Julian && precision == DatePrecision::Day) {
    return calendar::to_gregorian(date.year, date.month, date.day);
  }
  return date;
}

std::string PartialDate::display() const {
  switch (precision) {
    case DatePrecision::Century: {
      const int century = date.year > 0 ? (date.year - 1) / 100 + 1 : 0;
      if (century <= 0) return year_text(date.year);
      const int tens = century % 100;
      const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                           : century % 10 == 1        ? "st"
                           : century % 10 == 2        ? "nd"
                           : century % 10 == 3        ? "rd"
                                                      : "th";
      return std::to_string(century) + suffix + " century";
    }
    case DatePrecision::Decade:
      return year_text(date.year - date.year % 10) + "s";
    case DatePrecision::Year:
      return year_text(date.year);
    case DatePrecision::Month:
      return std::string(calendar::month_name(date.month)) + " " + year_text(date.year);
    case DatePrecision::Day:
      return std::to_string(date.day) + " " + calendar::month_name(date.month) + " " +
             year_text(date.year);
  }
  return year_text(date.year);
}

std::string PartialDate::iso() const {
  char buffer[32];
  const int year = date.year;
  const char* sign = year < 0 ? "-" : "";
  const int abs_year = year < 0 ? -year : year;
  if (precision == DatePrecision::Day) {
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d", sign, abs_year, date.month, date.day);
  } else if (precision == DatePrecision::Month) {
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d", sign, abs_year, date.month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%s%04d", sign, abs_year);
  }
  return buffer;
}

struct KnowledgeBase::Index {
  // Keys map to slots (NameEntry::person).
  StringMap<std::vector<NameEntry>> names;
  std::unordered_set<std::string, StringHash, std::equal_to<>> first_words;
  StringMap<uint32_t> by_id;  // id -> slot of the people held in memory
  // Per person in memory: the folded display name, then the aliases and short names (search).
  std::vector<std::vector<std::string>> folded_names;
  // Binary bases: lookups merging both sources, kept so that lookup() can hand out a pointer.
  mutable std::mutex merged_mutex;
  // Keyed by the key's first row in the binary names index; map nodes never move, so the
  // vectors handed out stay valid.
  mutable std::unordered_map<uint32_t, std::vector<NameEntry>> merged;
};

struct KnowledgeBase::Binary {
  // People decoded so far, one atomic pointer per slot, set once. The pointers come in chunks
  // allocated when a slot of theirs is first decoded, so that opening a base of millions costs
  // nothing per person (a table of them all would take milliseconds to allocate and clear).
  static constexpr size_t kChunk = 4096;
  using Chunk = std::atomic<Person*>[kChunk];
  std::shared_ptr<const void> owner;
  KbBinaryView view;
  std::unique_ptr<std::atomic<Chunk*>[]> chunks;
  Binary(std::shared_ptr<const void> o, KbBinaryView v)
      : owner(std::move(o)),
        view(std::move(v)),
        chunks(new std::atomic<Chunk*>[(view.size() + kChunk - 1) / kChunk]()) {}
  ~Binary() {
    for (size_t c = 0; c < (view.size() + kChunk - 1) / kChunk; ++c) {
      Chunk* chunk = chunks[c].load(std::memory_order_relaxed);
      if (!chunk) continue;
      for (auto& p : *chunk) delete p.load(std::memory_order_relaxed);
      delete[] chunk;
    }
  }
  const Person& person(uint32_t slot) {
    std::atomic<Chunk*>& chunk_pointer = chunks[slot / kChunk];
    Chunk* chunk = chunk_pointer.load(std::memory_order_acquire);
    if (!chunk) {
      auto fresh = std::unique_ptr<Chunk[]>(new Chunk[1]());
      Chunk* expected = nullptr;
      if (chunk_pointer.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
        chunk = fresh.release();
      } else {
        chunk = expected;  // another thread made it first
      }
    }
    std::atomic<Person*>& decoded = (*chunk)[slot % kChunk];
    Person* p = decoded.load(std::memory_order_acquire);
    if (p) return *p;
    auto fresh = std::make_unique<Person>(view.person(slot));
    Person* expected = nullptr;
    if (decoded.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
      return *fresh.release();
    }
    return *expected;  // another thread decoded it first
  }
};

KnowledgeBase::KnowledgeBase() : index_(std::make_unique<Index>()) {}
KnowledgeBase::~KnowledgeBase() = default;
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;

size_t KnowledgeBase::binary_count() const {
  return binary_ ? binary_->view.size() : 0;
}

std::optional<KnowledgeBase> KnowledgeBase::open_binary(std::string_view bytes,
                                                        std::shared_ptr<const void> owner,
                                                        const std::string& path,
                                                        std::string* error) {
  const bool small = bytes.size() <= kKbVerifyAtLoadLimit;
  auto view = KbBinaryView::open(bytes, path, small, error);
  if (!view) return std::nullopt;
  KnowledgeBase kb;
  kb.binary_ = std::make_shared<Binary>(std::move(owner), std::move(*view));
  kb.max_name_words_ = kb.binary_->view.max_name_words();
  if (error) error->clear();
  return kb;
}

const Person& KnowledgeBase::person(uint32_t slot) const {
  if (!binary_) return people_[slot];
  if (slot < binary_count()) {
    if (memory_of_slot_.empty()) return binary_->person(slot);
    auto it = memory_of_slot_.find(slot);
    return it == memory_of_slot_.end() ? binary_->person(slot) : people_[it->second];
  }
  return people_[memory_of_slot_.at(slot)];
}

std::optional<uint32_t> KnowledgeBase::slot_of(std::string_view id, std::string_view qid) const {
  if (auto it = index_->by_id.find(id); it != index_->by_id.end()) return it->second;
  if (!binary_) return std::nullopt;
  // A binary person replaced by an overlay no longer answers to its old id.
  auto current = [&](std::optional<uint32_t> slot) -> std::optional<uint32_t> {
    if (slot && memory_of_slot_.count(*slot)) return std::nullopt;
    return slot;
  };
  if (auto slot = current(binary_->view.slot_of_id(id))) return slot;
  if (!qid.empty()) return current(binary_->view.slot_of_wikidata(qid));
  return std::nullopt;
}

KnowledgeBase KnowledgeBase::layered(const KnowledgeBase& base,
                                     std::vector<KnowledgeBase> overlays) {
  KnowledgeBase kb;
  kb.binary_ = base.binary_;
  kb.people_ = base.people_;
  kb.slots_ = base.slots_;
  kb.memory_of_slot_ = base.memory_of_slot_;
  kb.appended_ = base.appended_;
  for (auto& overlay : overlays) {
    if (!overlay.binary_ || overlay.binary_ == kb.binary_) {
      kb.merge_people(std::move(overlay));
      continue;
    }
    // A binary overlay (a large import) becomes the backing store, and what the layers below
    // held stays only where the overlay lacks that id or Wikidata item: the same precedence,
    // without copying the large base into memory.
    std::vector<Person> below(kb.people().begin(), kb.people().end());
    kb = std::move(overlay);
    kb.rebuild_index();
    for (auto& person : below) {
      if (kb.slot_of(person.id, person.wikidata)) continue;
      const auto slot = static_cast<uint32_t>(kb.binary_count() + kb.appended_++);
      kb.memory_of_slot_[slot] = static_cast<uint32_t>(kb.people_.size());
      kb.slots_.push_back(slot);
      kb.people_.push_back(std::move(person));
    }
  }
  kb.rebuild_index();
  return kb;
}

std::optional<KnowledgeBase> KnowledgeBase::parse(std::string_view text, const std::string& path,
                                                  std::string* error) {
  json document;
  if (const auto parse_error = parse_bounded_json(text, document)) {
    if (error) {
      *error = path + ":" + std::to_string(line_of_offset(text, parse_error->offset) + 1) + ": " +
               parse_error->message;
    }
    return std::nullopt;
  }
  const json* entries = &document;
  if (document.is_object()) {
    auto it = document.find("people");
    if (it == document.end() || !it->is_array()) {
      if (error) *error = path + ":1: expected an object with a \"people\" array";
      return std::nullopt;
    }
    entries = &*it;
  } else if (!document.is_array()) {
    if (error) *error = path + ":1: expected an object with a \"people\" array";
    return std::nullopt;
  }
  const std::vector<size_t> offsets = entry_offsets(text);
  KnowledgeBase kb;
  StringMap<size_t> seen;
  size_t index = 0;
  // Lines are counted on from the previous entry: counting from the start each time is quadratic.
  size_t counted_to = 0;
  size_t counted_lines = 0;
  for (const auto& entry : *entries) {
    // The entry's line is that of its first key, normally "id".
    size_t line = 0;
    size_t key_offset = 0;
    size_t key_length = 0;
    if (index < offsets.size()) {
      const size_t first_key = text.find_first_not_of(" \t\r\n", offsets[index] + 1);
      key_offset = first_key == std::string_view::npos ? offsets[index] : first_key;
      key_length = std::min(text.find_first_of("\r\n", key_offset), text.size()) - key_offset;
      if (key_offset >= counted_to) {
        counted_lines += line_of_offset(text.substr(counted_to), key_offset - counted_to);
        counted_to = key_offset;
      }
      line = counted_lines;
    }
    ++index;
    Person person;
    if (!EntryReader(path, line, entry).read(person, error)) return std::nullopt;
    person.source_offset = key_offset;
    person.source_length = key_length;
    if (auto [it, inserted] = seen.emplace(person.id, line); !inserted) {
      if (error) {
        *error = path + ":" + std::to_string(line + 1) + ": duplicate id \"" + person.id +
                 "\" (first on line " + std::to_string(it->second + 1) + ")";
      }
      return std::nullopt;
    }
    kb.slots_.push_back(static_cast<uint32_t>(kb.people_.size()));
    kb.people_.push_back(std::move(person));
  }
  kb.appended_ = kb.people_.size();
  kb.rebuild_index();
  if (error) error->clear();
  return kb;
}

std::optional<Person> KnowledgeBase::parse_person(std::string_view text, const std::string& path,
                                                  size_t line, std::string* error) {
  json entry;
  if (const auto parse_error = parse_bounded_json(text, entry)) {
    if (error) *error = path + ":" + std::to_string(line + 1) + ": " + parse_error->message;
    return std::nullopt;
  }
  Person person;
  if (!EntryReader(path, line, entry).read(person, error)) return std::nullopt;
  return person;
}

void KnowledgeBase::merge_people(KnowledgeBase&& other) {
  StringMap<size_t> by_id;  // -> index into people_
  StringMap<size_t> by_wikidata;
  for (size_t i = 0; i < people_.size(); ++i) {
    by_id.emplace(people_[i].id, i);
    if (!people_[i].wikidata.empty()) by_wikidata.emplace(people_[i].wikidata, i);
  }
  std::vector<Person> incoming;
  if (other.binary_) {
    for (const Person& p : other.people()) incoming.push_back(p);
  } else {
    incoming = std::move(other.people_);
  }
  for (auto& person : incoming) {
    auto it = by_id.find(person.id);
    if (it == by_id.end() && !person.wikidata.empty()) {
      // The same Wikidata item under another id (an import over the bundled data) replaces it.
      if (auto w = by_wikidata.find(person.wikidata); w != by_wikidata.end())
        it = by_id.find(people_[w->second].id);
    }
    if (it != by_id.end()) {
      const size_t k = it->second;
      by_id.erase(it);
      by_id.emplace(person.id, k);
      if (!person.wikidata.empty()) by_wikidata[person.wikidata] = k;
      people_[k] = std::move(person);
      continue;
    }
    uint32_t slot = 0;
    std::optional<uint32_t> replaced;
    if (binary_) {
      replaced = binary_->view.slot_of_id(person.id);
      if (!replaced && !person.wikidata.empty())
        replaced = binary_->view.slot_of_wikidata(person.wikidata);
      if (replaced && memory_of_slot_.count(*replaced)) replaced.reset();
    }
    if (replaced) {
      slot = *replaced;
    } else {
      slot = static_cast<uint32_t>(binary_count() + appended_++);
    }
    if (binary_) memory_of_slot_[slot] = static_cast<uint32_t>(people_.size());
    by_id.emplace(person.id, people_.size());
    if (!person.wikidata.empty()) by_wikidata.emplace(person.wikidata, people_.size());
    slots_.push_back(slot);
    people_.push_back(std::move(person));
  }
}

void KnowledgeBase::merge(const KnowledgeBase& other) {
  KnowledgeBase copy;
  copy.binary_ = other.binary_;
  copy.people_ = other.people_;
  copy.slots_ = other.slots_;
  copy.memory_of_slot_ = other.memory_of_slot_;
  copy.appended_ = other.appended_;
  merge_people(std::move(copy));
  rebuild_index();
}

const Person* KnowledgeBase::find(std::string_view id) const {
  auto slot = slot_of(id, {});
  return slot ? &person(*slot) : nullptr;
}

const std::vector<NameEntry>* KnowledgeBase::lookup(std::string_view folded_name) const {
  auto it = index_->names.find(folded_name);
  const std::vector<NameEntry>* memory = it == index_->names.end() ? nullptr : &it->second;
  if (!binary_) return memory;
  const auto row = binary_->view.find_name(folded_name);
  if (!row) return memory;
  {
    std::lock_guard lock(index_->merged_mutex);
    if (auto cached = index_->merged.find(*row); cached != index_->merged.end()) {
      return &cached->second;
    }
  }
  std::vector<NameEntry> merged;
  binary_->view.entries_at(*row, [&](NameEntry entry, uint8_t) {
    if (!memory_of_slot_.count(entry.person)) merged.push_back(entry);
  });
  if (merged.empty()) return memory;
  if (memory) merged.insert(merged.end(), memory->begin(), memory->end());
  std::lock_guard lock(index_->merged_mutex);
  return &index_->merged.try_emplace(*row, std::move(merged)).first->second;
}

bool KnowledgeBase::starts_name(std::string_view folded_word) const {
  return index_->first_words.find(folded_word) != index_->first_words.end() ||
         (binary_ && binary_->view.starts_name(folded_word));
}

void for_each_indexed_name(const Person& person,
                           const std::function<void(std::string&&, NameKind, uint8_t)>& fn) {
  struct Name {
    std::string key;
    NameKind kind;
    uint8_t use;
  };
  std::vector<Name> out;
  StringMap<size_t> seen;  // key -> index in out (a person may have thousands of aliases)
  auto add = [&](std::string key, NameKind kind, uint8_t use) {
    if (key.empty()) return;
    if (auto it = seen.find(key); it != seen.end()) {
      Name& name = out[it->second];
      if (kind < name.kind) name.kind = kind;  // Full beats Short beats Given
      name.use |= use;
      return;
    }
    seen.emplace(key, out.size());
    out.push_back(Name{std::move(key), kind, use});
  };
  // A regnal name written with its number spelled out: "Henry II of England" is also "Henry the
  // Second of England", with the same kind and marking.
  auto add_spelled_out = [&](std::string_view name, NameKind kind, uint8_t use) {
    const std::vector<NameWord> words = split_name_words(name);
    for (size_t k = 1; k < words.size(); ++k) {
      const std::string_view word = name.substr(words[k].offset, words[k].length);
      if (!is_roman_numeral(word)) continue;
      std::string folded;
      append_folded(folded, word);
      const std::string_view ordinal = ordinal_of_roman(folded);
      if (ordinal.empty()) return;
      std::string key;
      for (size_t w = 0; w < words.size(); ++w) {
        if (!key.empty()) key += ' ';
        if (w == k) {
          key += ordinal;
        } else {
          append_folded(key, name.substr(words[w].offset, words[w].length));
        }
      }
      add(std::move(key), kind, static_cast<uint8_t>(use & ~(kNameIsDisplay | kNameIsSearchable)));
      return;
    }
  };
  const bool explicit_short = !person.short_names.empty();
  const bool explicit_given = !person.given_names.empty();
  std::vector<std::string> folded_short;
  for (const auto& name : person.short_names) folded_short.push_back(fold_name(name));
  std::vector<std::string_view> names;
  names.push_back(person.name);
  names.insert(names.end(), person.aliases.begin(), person.aliases.end());
  for (size_t n = 0; n < names.size(); ++n) {
    const std::string_view name = names[n];
    const uint8_t searchable = kNameIsSearchable | (n == 0 ? kNameIsDisplay : 0);
    const std::vector<NameWord> words = split_name_words(name);
    if (words.empty()) continue;
    std::vector<std::string> folded;
    for (const auto& w : words) {
      folded.emplace_back();
      append_folded(folded.back(), name.substr(w.offset, w.length));
    }
    std::string key = fold_name(name);
    if (words.size() == 1) {
      add(std::move(key), NameKind::Short, searchable);
      continue;
    }
    add(std::move(key), NameKind::Full, searchable);
    add_spelled_out(name, NameKind::Full, 0);
    // "Peter the Great", "Nicholas II" and "Arthur Wellesley, Duke of Wellington" have no
    // surname at the end to stand alone.
    const bool regnal = std::find(folded.begin(), folded.end(), "the") != folded.end() ||
                        std::find(folded.begin(), folded.end(), "of") != folded.end() ||
                        name.find(',') != std::string_view::npos ||
                        is_roman_numeral(name.substr(words.back().offset, words.back().length));
    if (!explicit_short && !regnal) {
      size_t last = folded.size() - 1;
      if (is_generational_suffix(folded[last]) && last > 1) --last;
      if (!is_name_particle(folded[last]) && folded[last].size() > 1) {
        add(folded[last], NameKind::Short, 0);
        // "de Gaulle", "van Gogh": the particle form too.
        size_t first = last;
        while (first > 1 && is_name_particle(folded[first - 1])) --first;
        if (first < last) {
          std::string particle_form;
          for (size_t k = first; k <= last; ++k) {
            if (!particle_form.empty()) particle_form += ' ';
            particle_form += folded[k];
          }
          add(std::move(particle_form), NameKind::Short, 0);
        }
      }
    }
    if (!explicit_given) {
      const std::string& given = folded.front();
      const bool is_short =
          std::find(folded_short.begin(), folded_short.end(), given) != folded_short.end();
      if (given.size() > 1 && words.front().capitalised && !is_name_particle(given) &&
          !is_name_title(given) && !is_short) {
        add(given, NameKind::Given, 0);
      }
    }
  }
  // Shared names are indexed as they are written, marked, and derive nothing.
  for (const auto& name : person.ambiguous_names) {
    const bool one_word = split_name_words(name).size() == 1;
    add(fold_name(name), one_word ? NameKind::Short : NameKind::Full,
        kNameIsSearchable | kNameIsAmbiguous);
    add_spelled_out(name, NameKind::Full, kNameIsAmbiguous);
  }
  // Short names are searchable too ("Bronstein" finds Trotsky before his grandson).
  for (auto& name : folded_short) add(std::move(name), NameKind::Short, kNameIsSearchable);
  for (const auto& name : person.given_names) add(fold_name(name), NameKind::Given, 0);
  for (auto& name : out) fn(std::move(name.key), name.kind, name.use);
}

void KnowledgeBase::rebuild_index() {
  auto index = std::make_unique<Index>();
  max_name_words_ = binary_ ? binary_->view.max_name_words() : 0;
  index->folded_names.resize(people_.size());
  for (size_t k = 0; k < people_.size(); ++k) {
    const uint32_t slot = slots_[k];
    index->by_id.emplace(people_[k].id, slot);
    for_each_indexed_name(people_[k], [&](std::string&& key, NameKind kind, uint8_t use) {
      const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
      max_name_words_ = std::max(max_name_words_, words);
      index->first_words.insert(key.substr(0, key.find(' ')));
      if (use & kNameIsDisplay) {
        index->folded_names[k].insert(index->folded_names[k].begin(), key);
      } else if (use & kNameIsSearchable) {
        index->folded_names[k].push_back(key);
      }
      index->names[std::move(key)].push_back(NameEntry{slot, kind, (use & kNameIsAmbiguous) != 0});
    });
  }
  index_ = std::move(index);
}

std::vector<const Person*> KnowledgeBase::search(std::string_view query, size_t limit) const {
  const std::string folded_query = fold_name(query);
  std::vector<std::string_view> query_words;
  for (size_t pos = 0; pos < folded_query.size();) {
    const size_t space = std::min(folded_query.find(' ', pos), folded_query.size());
    query_words.push_back(std::string_view(folded_query).substr(pos, space - pos));
    pos = space + 1;
  }
  // Every query word must start some word of the name.
  auto matches = [&](std::string_view name) {
    for (auto q : query_words) {
      bool found = false;
      for (size_t pos = 0; pos <= name.size() && !found;) {
        const size_t space = std::min(name.find(' ', pos), name.size());
        found = name.substr(pos, space - pos).starts_with(q);
        pos = space + 1;
      }
      if (!found) return false;
    }
    return true;
  };
  auto score_of = [&](std::string_view name, bool is_display) {
    if (query_words.empty()) return 4;
    if (name == folded_query) return is_display ? 0 : 2;
    if (name.starts_with(folded_query)) return is_display ? 1 : 3;
    if (matches(name)) return is_display ? 3 : 4;
    return -1;
  };
  std::unordered_map<uint32_t, int> best;  // slot -> best score
  auto consider = [&](uint32_t slot, int s) {
    if (s < 0) return;
    auto [it, inserted] = best.emplace(slot, s);
    if (!inserted && s < it->second) it->second = s;
  };
  for (size_t k = 0; k < people_.size(); ++k) {
    const auto& names = index_->folded_names[k];
    for (size_t i = 0; i < names.size(); ++i) consider(slots_[k], score_of(names[i], i == 0));
  }
  if (binary_) {
    binary_->view.for_each_name([&](std::string_view key, NameEntry entry, uint8_t use) {
      if (!(use & kNameIsSearchable) || memory_of_slot_.count(entry.person)) return;
      consider(entry.person, score_of(key, use & kNameIsDisplay));
    });
  }
  // The best-scored candidates; on a large binary base an empty or one-letter query matches
  // nearly everyone, and only the first of the tied ones (by slot) are decoded to sort by name.
  std::vector<std::pair<int, uint32_t>> candidates;  // (score, slot)
  for (const auto& [slot, s] : best) candidates.emplace_back(s, slot);
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a < b; });
  const size_t keep = std::max<size_t>(limit, 1) * 50;
  if (candidates.size() > keep) {
    const int cutoff = candidates[limit > 0 ? limit - 1 : 0].first;
    size_t end = limit;
    while (end < candidates.size() && candidates[end].first == cutoff && end < keep) ++end;
    candidates.resize(end);
  }
  std::vector<std::pair<int, const Person*>> scored;
  for (const auto& [s, slot] : candidates) scored.emplace_back(s, &person(slot));
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second->name != b.second->name) return a.second->name < b.second->name;
    return a.second->id < b.second->id;
  });
  std::vector<const Person*> out;
  for (size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace histlint
