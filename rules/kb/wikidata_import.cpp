#include "rules/kb/wikidata_import.h"

#include <bzlib.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/bounded_json.h"
#include "rules/kb/knowledge_base.h"
#include "rules/kb/name_fold.h"

namespace histlint {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

constexpr const char* kGregorianModel = "Q1985727";
constexpr const char* kJulianModel = "Q1985786";
constexpr size_t kMaxAliases = 30;
constexpr size_t kMaxRoles = 12;
constexpr size_t kMaxOccupations = 6;
constexpr size_t kMaxWarnings = 5;

// Bytes from a plain, gzip or bzip2 file, chosen by the file's magic number.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Fills up to `size` bytes; returns the count, 0 at the end, -1 on error.
  virtual long read(char* buffer, size_t size) = 0;
};

class GzipSource : public ByteSource {  // zlib also reads uncompressed files unchanged
 public:
  explicit GzipSource(gzFile file) : file_(file) {}
  ~GzipSource() override { gzclose(file_); }
  long read(char* buffer, size_t size) override {
    const int n = gzread(file_, buffer, static_cast<unsigned>(size));
    if (n > 0) return n;
    // A truncated stream ends without error from gzread; gzerror tells it from a clean end.
    int status = Z_OK;
    gzerror(file_, &status);
    return n < 0 || (status != Z_OK && status != Z_STREAM_END) ? -1 : 0;
  }

 private:
  gzFile file_;
};

class Bzip2Source : public ByteSource {
 public:
  explicit Bzip2Source(FILE* file) : file_(file) { open_stream(nullptr, 0); }
  ~Bzip2Source() override {
    if (bz_) BZ2_bzReadClose(&status_, bz_);
    std::fclose(file_);
  }
  long read(char* buffer, size_t size) override {
    while (bz_) {
      const int n = BZ2_bzRead(&status_, bz_, buffer, static_cast<int>(size));
      if (status_ == BZ_OK) return n;
      if (status_ != BZ_STREAM_END) return -1;
      // Dumps compressed in parallel hold several streams back to back.
      void* unused = nullptr;
      int unused_count = 0;
      BZ2_bzReadGetUnused(&status_, bz_, &unused, &unused_count);
      std::vector<char> rest(static_cast<char*>(unused), static_cast<char*>(unused) + unused_count);
      BZ2_bzReadClose(&status_, bz_);
      bz_ = nullptr;
      if (!rest.empty() || !std::feof(file_))
        open_stream(rest.data(), static_cast<int>(rest.size()));
      if (n > 0) return n;
    }
    return 0;
  }

 private:
  void open_stream(char* unused, int count) {
    bz_ = BZ2_bzReadOpen(&status_, file_, 0, 0, unused, count);
    if (status_ != BZ_OK) bz_ = nullptr;
  }
  FILE* file_;
  BZFILE* bz_ = nullptr;
  int status_ = BZ_OK;
};

std::unique_ptr<ByteSource> open_source(const std::string& path, std::string* error) {
  FILE* probe = std::fopen(path.c_str(), "rb");
  if (!probe) {
    if (error) *error = path + ": cannot open: " + std::strerror(errno);
    return nullptr;
  }
  // zlib's default buffers (8 KB in, 16 KB out) suit a small file; a dump of gigabytes reads
  // faster with larger ones, which each of the three passes would otherwise allocate for nothing.
  struct stat info;
  const bool small =
      fstat(fileno(probe), &info) == 0 && S_ISREG(info.st_mode) && info.st_size < (1 << 17);
  unsigned char magic[3] = {0, 0, 0};
  const size_t got = std::fread(magic, 1, 3, probe);
  if (got == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
    std::rewind(probe);
    return std::make_unique<Bzip2Source>(probe);
  }
  std::fclose(probe);
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) {
    if (error) *error = path + ": cannot open";
    return nullptr;
  }
  if (!small) gzbuffer(gz, 1 << 17);
  return std::make_unique<GzipSource>(gz);
}

class LineReader {
 public:
  explicit LineReader(ByteSource& source)
      : source_(source), buffer_(std::make_unique_for_overwrite<char[]>(kBufferSize)) {}

  // The next line without its newline; false at the end. `failed` reports a read error.
  bool next(std::string& line) {
    line.clear();
    while (true) {
      if (pos_ == end_) {
        const long n = source_.read(buffer_.get(), kBufferSize);
        if (n < 0) {
          failed_ = true;
          return false;
        }
        if (n == 0) return !line.empty();
        pos_ = 0;
        end_ = static_cast<size_t>(n);
      }
      const char* start = buffer_.get() + pos_;
      const void* newline = std::memchr(start, '\n', end_ - pos_);
      if (newline) {
        const size_t len = static_cast<const char*>(newline) - start;
        line.append(start, len);
        pos_ += len + 1;
        ++line_number_;
        return true;
      }
      line.append(start, end_ - pos_);
      pos_ = end_;
    }
  }
  bool failed() const { return failed_; }
  size_t line_number() const { return line_number_; }

 private:
  ByteSource& source_;
  // Not zeroed: read() fills what is used, and zeroing 64 KB a pass costs more than a small file.
  static constexpr size_t kBufferSize = 1 << 16;
  std::unique_ptr<char[]> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  size_t line_number_ = 0;
  bool failed_ = false;
};

// A string field, or "" when it is missing or of another type: a dump line with `"time": 5`
// is skipped data, not a crash (nlohmann's value() throws on a wrong type).
std::string string_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The value of an item-valued snak ("Q5"), or "".
std::string item_id(const json& snak) {
  auto dv = snak.find("datavalue");
  if (dv == snak.end() || !dv->is_object()) return "";
  auto value = dv->find("value");
  if (value == dv->end() || !value->is_object()) return "";
  auto id = value->find("id");
  if (id != value->end() && id->is_string()) return id->get<std::string>();
  auto numeric = value->find("numeric-id");
  if (numeric != value->end() && numeric->is_number_integer()) {
    return "Q" + std::to_string(numeric->get<long long>());
  }
  return "";
}

// The statements of a property, best rank first, deprecated ones left out.
std::vector<const json*> statements(const json& entity, const char* property) {
  std::vector<const json*> preferred;
  std::vector<const json*> normal;
  auto claims = entity.find("claims");
  if (claims == entity.end() || !claims->is_object()) return {};
  auto list = claims->find(property);
  if (list == claims->end() || !list->is_array()) return {};
  for (const auto& statement : *list) {
    if (!statement.is_object()) continue;
    const std::string rank = string_field(statement, "rank");
    if (rank == "deprecated") continue;
    (rank == "preferred" ? preferred : normal).push_back(&statement);
  }
  preferred.insert(preferred.end(), normal.begin(), normal.end());
  return preferred;
}

const json* mainsnak(const json& statement) {
  auto snak = statement.find("mainsnak");
  return snak != statement.end() && snak->is_object() ? &*snak : nullptr;
}

bool is_human(const json& entity) {
  for (const json* statement : statements(entity, "P31")) {
    if (const json* snak = mainsnak(*statement); snak && item_id(*snak) == "Q5") return true;
  }
  return false;
}

std::vector<std::string> item_values(const json& entity, const char* property) {
  std::vector<std::string> out;
  for (const json* statement : statements(entity, property)) {
    if (const json* snak = mainsnak(*statement)) {
      std::string id = item_id(*snak);
      if (!id.empty()) out.push_back(std::move(id));
    }
  }
  return out;
}

std::string label_in(const json& entity, const char* field, const char* language) {
  auto labels = entity.find(field);
  if (labels == entity.end() || !labels->is_object()) return "";
  auto it = labels->find(language);
  if (it == labels->end() || !it->is_object()) return "";
  return string_field(*it, "value");
}

// The English label, else the multilingual one, else any language's.
std::string english_label(const json& entity) {
  for (const char* language : {"en", "mul", "en-gb", "en-ca"}) {
    std::string label = label_in(entity, "labels", language);
    if (!label.empty()) return label;
  }
  auto labels = entity.find("labels");
  if (labels == entity.end() || !labels->is_object()) return "";
  for (const auto& [language, label] : labels->items()) {
    if (label.is_object() && !string_field(label, "value").empty())
      return string_field(label, "value");
  }
  return "";
}

// A Wikidata time value as a knowledge-base date object, or null when unusable.
ordered_json time_value(const json& snak) {
  auto dv = snak.find("datavalue");
  if (dv == snak.end() || !dv->is_object()) return nullptr;
  auto value = dv->find("value");
  if (value == dv->end() || !value->is_object()) return nullptr;
  const std::string time = string_field(*value, "time");
  const auto precision_field = value->find("precision");
  const int precision = precision_field != value->end() && precision_field->is_number_integer()
                            ? precision_field->get<int>()
                            : 0;
  const std::string model = string_field(*value, "calendarmodel");
  // "+1879-11-07T00:00:00Z"; months and days are 00 below their precision.
  if (time.size() < 12 || (time[0] != '+' && time[0] != '-')) return nullptr;
  const size_t dash = time.find('-', 1);
  if (dash == std::string::npos || time.size() < dash + 6) return nullptr;
  const std::string year_digits = time.substr(1, dash - 1);
  long year = 0;
  try {
    year = std::stol(year_digits);
  } catch (...) {
    return nullptr;
  }
  if (year == 0 || year > 9999) return nullptr;
  const std::string month = time.substr(dash + 1, 2);
  const std::string day = time.substr(dash + 4, 2);
  char year_text[32];
  std::snprintf(year_text, sizeof year_text, "%s%04ld", time[0] == '-' ? "-" : "", year);
  std::string date = year_text;
  const char* precision_name = nullptr;
  if (precision >= 11 && month != "00" && day != "00") {
    date += "-" + month + "-" + day;
  } else if (precision >= 10 && month != "00") {
    date += "-" + month;
  } else if (precision == 8) {
    precision_name = "decade";
  } else if (precision == 7) {
    precision_name = "century";
  } else if (precision < 7) {
    return nullptr;  // millennia and coarser say nothing useful about a life
  }
  const bool julian = model.size() >= 8 && model.ends_with(kJulianModel);
  if (!julian && !model.empty() && !model.ends_with(kGregorianModel)) return nullptr;
  // Reject days that do not exist (Wikidata holds a few); the loader would refuse them.
  if (!parse_partial_date(date, julian ? Calendar::Julian : Calendar::Gregorian)) return nullptr;
  ordered_json out;
  out["date"] = date;
  if (precision_name) out["precision"] = precision_name;
  if (julian) out["calendar"] = "julian";
  return out;
}

ordered_json first_time(const json& entity, const char* property) {
  for (const json* statement : statements(entity, property)) {
    if (const json* snak = mainsnak(*statement)) {
      ordered_json date = time_value(*snak);
      if (!date.is_null()) return date;
    }
  }
  return nullptr;
}

// The year of a qualifier's time value ("1917"), or "".
std::string qualifier_year(const json& statement, const char* property) {
  auto qualifiers = statement.find("qualifiers");
  if (qualifiers == statement.end() || !qualifiers->is_object()) return "";
  auto list = qualifiers->find(property);
  if (list == qualifiers->end() || !list->is_array() || list->empty()) return "";
  ordered_json date = time_value((*list)[0]);
  if (date.is_null() || date.contains("precision")) return "";
  const std::string text = date["date"].get<std::string>();
  const size_t dash = text.find('-', text[0] == '-' ? 1 : 0);
  return dash == std::string::npos ? text : text.substr(0, dash);
}

std::string slug(std::string_view label, const std::string& qid) {
  std::string out;
  for (char c : fold_name(label)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  std::string lower_qid = qid;
  for (char& c : lower_qid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out.empty() ? lower_qid : out + "-" + lower_qid;
}

void add_unique(std::vector<std::string>& list, std::unordered_set<std::string>& seen,
                std::string value) {
  if (value.empty() || list.size() >= kMaxAliases) return;
  if (seen.insert(fold_name(value)).second) list.push_back(std::move(value));
}

class Importer {
 public:
  Importer(const std::string& path, const std::function<void(const std::string&)>& person,
           WikidataImportStats& stats, const WikidataImportHooks& hooks)
      : path_(path),
        person_(person),
        stats_(stats),
        hooks_(hooks),
        warn_(hooks.warn),
        name_hashes_(0, hooks.run_bytes, hooks.scratch) {}

  bool run(std::string* error) {
    if (!pass(Pass::References, error)) return false;
    if (stats_.entities == 0) {
      if (error) *error = path_ + ": no Wikidata entity found (expected one JSON entity per line)";
      return false;
    }
    if (!find_shared_names()) {
      if (error) *error = path_ + ": " + name_hashes_.error();
      return false;
    }
    name_hashes_.clear();
    if (!pass(Pass::Labels, error)) return false;
    stats_.labels_found = labels_.size();
    if (!pass(Pass::People, error)) return false;
    if (bad_lines_reported_ > kMaxWarnings && warn_) {
      warn_(std::to_string(stats_.bad_lines) + " lines were not JSON entities and were skipped");
    }
    return true;
  }

 private:
  enum class Pass { References, Labels, People };

  bool pass(Pass which, std::string* error) {
    auto source = open_source(path_, error);
    if (!source) return false;
    LineReader reader(*source);
    std::string line;
    stats_.entities = 0;
    static constexpr const char* kPassNames[] = {"references", "labels", "people"};
    const int pass_number = static_cast<int>(which) + 1;
    auto report = [&] {
      if (hooks_.progress)
        hooks_.progress(pass_number, kPassNames[pass_number - 1], stats_.entities);
    };
    const size_t every = std::max<size_t>(hooks_.progress_every, 1);
    while (reader.next(line)) {
      // Each entity line ends with a comma; the array brackets sit on lines of their own.
      size_t begin = 0;
      size_t end = line.size();
      while (begin < end && std::isspace(static_cast<unsigned char>(line[begin]))) ++begin;
      while (end > begin &&
             (std::isspace(static_cast<unsigned char>(line[end - 1])) || line[end - 1] == ',')) {
        --end;
      }
      if (begin == end || (end - begin == 1 && (line[begin] == '[' || line[begin] == ']'))) {
        continue;
      }
      if (line[begin] != '{') {
        bad_line(which, reader.line_number(), "not a JSON object");
        continue;
      }
      json entity;
      const auto parse_error =
          parse_bounded_json(std::string_view(line).substr(begin, end - begin), entity);
      if (parse_error) {  // a line that starts with '{' and parses is an object
        bad_line(which, reader.line_number(), "malformed JSON: " + parse_error->message);
        continue;
      }
      if (++stats_.entities % every == 0) report();
      const std::string id = string_field(entity, "id");
      switch (which) {
        case Pass::References:
          if (is_human(entity)) {
            collect_references(entity);
            collect_names(entity);
          }
          break;
        case Pass::Labels:
          if (referenced_.count(id)) {
            std::string label = english_label(entity);
            if (!label.empty()) labels_.emplace(id, std::move(label));
          }
          break;
        case Pass::People:
          if (is_human(entity)) write_person(entity, id);
          break;
      }
    }
    if (reader.failed()) {
      if (error) {
        *error = path_ + ":" + std::to_string(reader.line_number() + 1) +
                 ": read error (truncated or corrupt compressed data)";
      }
      return false;
    }
    report();
    return true;
  }

  void bad_line(Pass which, size_t line_number, std::string_view what) {
    if (which != Pass::References) return;  // report each line once
    ++stats_.bad_lines;
    if (warn_ && bad_lines_reported_++ < kMaxWarnings) {
      warn_(path_ + ":" + std::to_string(line_number) + ": " + std::string(what) +
            "; line skipped");
    }
  }

  void collect_references(const json& entity) {
    for (const char* property : {"P19", "P20", "P106"}) {
      for (auto& id : item_values(entity, property)) referenced_.insert(std::move(id));
    }
    for (const json* statement : statements(entity, "P39")) {
      if (const json* snak = mainsnak(*statement)) {
        std::string id = item_id(*snak);
        if (!id.empty()) referenced_.insert(std::move(id));
      }
    }
  }

  std::string label_of(const std::string& id) {
    auto it = labels_.find(id);
    if (it != labels_.end()) return it->second;
    if (missing_.insert(id).second) ++stats_.labels_missing;
    return id;
  }

  // The person's other names in the order they are kept: English aliases, birth name,
  // pseudonyms, then labels in other languages (transliterations, native-script names); none
  // folds like `name` or like an earlier one.
  static std::vector<std::string> aliases_of(const json& entity, const std::string& name) {
    std::vector<std::string> aliases;
    std::unordered_set<std::string> seen = {fold_name(name)};
    if (auto list = entity.find("aliases"); list != entity.end() && list->is_object()) {
      if (auto en = list->find("en"); en != list->end() && en->is_array()) {
        for (const auto& a : *en) {
          if (a.is_object()) add_unique(aliases, seen, string_field(a, "value"));
        }
      }
    }
    for (const json* statement : statements(entity, "P1477")) {  // birth name
      if (const json* snak = mainsnak(*statement)) {
        if (auto dv = snak->find("datavalue"); dv != snak->end() && dv->is_object()) {
          if (auto v = dv->find("value"); v != dv->end() && v->is_object()) {
            add_unique(aliases, seen, string_field(*v, "text"));
          }
        }
      }
    }
    for (const json* statement : statements(entity, "P742")) {  // pseudonym
      if (const json* snak = mainsnak(*statement)) {
        if (auto dv = snak->find("datavalue"); dv != snak->end() && dv->is_object()) {
          if (auto v = dv->find("value"); v != dv->end() && v->is_string()) {
            add_unique(aliases, seen, v->get<std::string>());
          }
        }
      }
    }
    if (auto labels = entity.find("labels"); labels != entity.end() && labels->is_object()) {
      for (const auto& [language, label] : labels->items()) {
        if (label.is_object()) add_unique(aliases, seen, string_field(label, "value"));
      }
    }
    return aliases;
  }

  static uint64_t name_hash(std::string_view name) {
    return std::hash<std::string>{}(fold_name(name));
  }

  // Pass 1: one hash per distinct folded name of each person that will be written (big-endian,
  // so that the sort's byte order is numeric order).
  void collect_names(const json& entity) {
    const std::string name = english_label(entity);
    if (name.empty() || string_field(entity, "id").empty()) return;
    auto add = [&](std::string_view n) {
      const uint64_t h = name_hash(n);
      char bytes[8];
      for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(h >> (56 - 8 * i));
      name_hashes_.add(std::string_view(bytes, 8));
    };
    add(name);
    for (const auto& alias : aliases_of(entity, name)) add(alias);
  }

  // After pass 1: keeps the hashes of the names two or more people share. Two names with the
  // same 64-bit hash count as one shared name, which can only withhold a link, never make one.
  bool find_shared_names() {
    uint64_t previous = 0;
    bool first = true;
    return name_hashes_.for_each([&](std::string_view bytes) {
      uint64_t h = 0;
      for (const char c : bytes) h = h << 8 | static_cast<unsigned char>(c);
      if (!first && h == previous && (shared_names_.empty() || shared_names_.back() != h)) {
        shared_names_.push_back(h);
      }
      first = false;
      previous = h;
    });
  }

  bool is_shared(std::string_view name) const {
    return std::binary_search(shared_names_.begin(), shared_names_.end(), name_hash(name));
  }

  void write_person(const json& entity, const std::string& id) {
    const std::string name = english_label(entity);
    if (name.empty() || id.empty()) return;
    ordered_json person;
    person["id"] = slug(name, id);
    person["name"] = name;
    // A name namesakes share links by itself to none of them ("ambiguous"); a shared alias moves
    // there, a shared display name stays the name and is marked too.
    std::vector<std::string> aliases;
    std::vector<std::string> ambiguous;
    if (is_shared(name)) ambiguous.push_back(name);
    for (auto& alias : aliases_of(entity, name)) {
      (is_shared(alias) ? ambiguous : aliases).push_back(std::move(alias));
    }
    if (!aliases.empty()) person["aliases"] = aliases;
    if (!ambiguous.empty()) person["ambiguous"] = ambiguous;
    for (const std::string& sex : item_values(entity, "P21")) {
      if (sex == "Q6581097") person["sex"] = "male";
      if (sex == "Q6581072") person["sex"] = "female";
      if (person.contains("sex")) break;
    }
    for (const auto& [field, property, place_property] :
         {std::tuple{"birth", "P569", "P19"}, std::tuple{"death", "P570", "P20"}}) {
      ordered_json event = first_time(entity, property);
      if (event.is_null()) continue;
      const auto places = item_values(entity, place_property);
      if (!places.empty()) event["place"] = label_of(places.front());
      person[field] = event;
    }
    std::string description = label_in(entity, "descriptions", "en");
    if (!description.empty()) person["description"] = description;
    std::vector<std::string> occupations;
    for (const auto& occupation : item_values(entity, "P106")) {
      if (occupations.size() == kMaxOccupations) break;
      occupations.push_back(label_of(occupation));
    }
    if (!occupations.empty()) person["occupations"] = occupations;
    ordered_json roles = ordered_json::array();
    for (const json* statement : statements(entity, "P39")) {
      if (roles.size() == kMaxRoles) break;
      const json* snak = mainsnak(*statement);
      const std::string position = snak ? item_id(*snak) : "";
      if (position.empty()) continue;
      ordered_json role;
      role["title"] = label_of(position);
      const std::string from = qualifier_year(*statement, "P580");
      const std::string to = qualifier_year(*statement, "P582");
      if (!from.empty()) role["from"] = from;
      if (!to.empty()) role["to"] = to;
      roles.push_back(std::move(role));
    }
    if (!roles.empty()) person["roles"] = roles;
    person["wikidata"] = id;
    if (auto sitelinks = entity.find("sitelinks");
        sitelinks != entity.end() && sitelinks->is_object()) {
      if (auto enwiki = sitelinks->find("enwiki");
          enwiki != sitelinks->end() && enwiki->is_object()) {
        const std::string title = string_field(*enwiki, "title");
        if (!title.empty() && title != name) person["wikipedia"] = title;
      }
    }
    person_(person.dump(-1, ' ', false));
    ++stats_.humans;
  }

  const std::string& path_;
  const std::function<void(const std::string&)>& person_;
  WikidataImportStats& stats_;
  const WikidataImportHooks& hooks_;
  const std::function<void(const std::string&)>& warn_;
  std::unordered_set<std::string> referenced_;
  std::unordered_map<std::string, std::string> labels_;
  std::unordered_set<std::string> missing_;
  ExternalSorter name_hashes_;          // pass 1
  std::vector<uint64_t> shared_names_;  // sorted hashes of names two or more people share
  size_t bad_lines_reported_ = 0;
};

}  // namespace

bool import_wikidata_people(const std::string& dump_path,
                            const std::function<void(const std::string& person_json)>& person,
                            WikidataImportStats& stats, std::string* error,
                            const WikidataImportHooks& hooks) {
  stats = WikidataImportStats{};
  return Importer(dump_path, person, stats, hooks).run(error);
}

bool import_wikidata(const std::string& dump_path, std::ostream& out, WikidataImportStats& stats,
                     std::string* error, const WikidataImportHooks& hooks) {
  size_t written = 0;
  // One entry per line, as in the bundled file.
  auto write = [&](const std::string& person) {
    out << (written++
                ? ",\n    "
                : "{\n  \"version\": 1,\n  \"source\": \"Wikidata dump\",\n  \"people\": [\n    ")
        << person;
  };
  if (!import_wikidata_people(dump_path, write, stats, error, hooks)) return false;
  out << (written
              ? "\n  ]\n}\n"
              : "{\n  \"version\": 1,\n  \"source\": \"Wikidata dump\",\n  \"people\": []\n}\n");
  return true;
}

}  // namespace histlint
