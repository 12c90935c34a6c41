// The people knowledge base: bundled data (data/people.json) merged with workspace files
// (.histlint/people.json). Schema: docs/knowledge-base.md and data/people.schema.json.
#pragma once

#include <atomic>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/calendar/calendar.h"
#include "rules/options.h"

namespace histlint {

enum class DatePrecision { Century, Decade, Year, Month, Day };

std::string_view precision_name(DatePrecision p);  // "day", "month", ...

// A date as a source states it: the fields finer than `precision` are zero.
struct PartialDate {
  CivilDate date;
  DatePrecision precision = DatePrecision::Year;
  Calendar calendar = Calendar::Gregorian;
  // The Julian (Old Style) form of a Gregorian date when the source gives both.
  std::optional<CivilDate> julian;

  // The same day in the Gregorian calendar (Julian dates of day precision are converted;
  // coarser Julian dates keep their year and month, which is as precise as they are).
  CivilDate gregorian() const;
  // "7 November 1879", "November 1879", "1879", "1870s", "19th century".
  std::string display() const;
  // "1879-11-07", "1879-11", "1879" (decades and centuries as their first year).
  std::string iso() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a leading '-' for years BC); nullopt when malformed
// or when the day does not exist in that month.
std::optional<PartialDate> parse_partial_date(std::string_view text,
                                              Calendar calendar = Calendar::Gregorian);

enum class Sex { Unknown, Male, Female };

struct LifeEvent {
  PartialDate date;
  std::string place;
};

struct Role {
  std::string title;
  std::optional<PartialDate> from;
  std::optional<PartialDate> to;
};

struct DatedEvent {
  std::string what;
  std::optional<PartialDate> date;
  std::string place;
};

struct Person {
  std::string id;    // stable, e.g. "leon-trotsky"
  std::string name;  // display name
  // Birth names, pseudonyms, transliterations, native-script forms, common misspellings.
  std::vector<std::string> aliases;
  // Names that refer to the person on their own ("Trotsky", "Mao"); derived when absent.
  std::vector<std::string> short_names;
  // Given names usable alone once the person is named in full ("Natalya"); derived when absent.
  std::vector<std::string> given_names;
  // Names this person shares with namesakes in or outside the base ("Henry II": England, France,
  // the Empire, Castile): they link only where the text settles which one is meant.
  std::vector<std::string> ambiguous_names;
  Sex sex = Sex::Unknown;
  std::optional<LifeEvent> birth;
  std::optional<LifeEvent> death;
  std::string description;               // one line
  std::vector<std::string> occupations;  // "revolutionary", "journalist" (Wikidata imports)
  std::vector<Role> roles;
  std::vector<DatedEvent> events;
  std::string wikidata;   // "Q33391"
  std::string wikipedia;  // English Wikipedia title, when it is not the display name

  // Where the entry is written, for go-to-definition.
  std::string source_file;   // path of the JSON file, as it was loaded
  size_t source_line = 0;    // 0-based line of the entry's first key (normally "id")
  size_t source_offset = 0;  // byte offset of that key, and the length of the rest of its line
  size_t source_length = 0;
};

// Whole-name entries of the name index: what one normalised name can refer to.
enum class NameKind {
  Full,   // the display name or a multi-word alias: "Leon Trotsky", "Lev Davidovich Bronstein"
  Short,  // a name that may stand alone: "Trotsky", "Lenin", "Sedova"
  Given,  // usable alone only once the person is established in the document: "Natalya"
};

struct NameEntry {
  uint32_t person = 0;  // index into KnowledgeBase::people()
  NameKind kind = NameKind::Full;
  bool ambiguous = false;  // one of the person's ambiguous_names
};

// Every name the index holds for `person`, once per key: fn(folded key, kind, use bits of
// kb_binary.h). The in-memory index and the binary writer both read names through this.
void for_each_indexed_name(const Person& person,
                           const std::function<void(std::string&&, NameKind, uint8_t)>& fn);

class KbBinaryView;

class KnowledgeBase {
 public:
  // The people in slot order, whether parsed from JSON or decoded on demand from a binary base.
  class People {
   public:
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = Person;
      using difference_type = std::ptrdiff_t;
      using pointer = const Person*;
      using reference = const Person&;
      iterator(const KnowledgeBase* kb, size_t i) : kb_(kb), i_(i) {}
      const Person& operator*() const { return kb_->person(static_cast<uint32_t>(i_)); }
      const Person* operator->() const { return &**this; }
      iterator& operator++() {
        ++i_;
        return *this;
      }
      iterator operator++(int) {
        iterator old = *this;
        ++i_;
        return old;
      }
      bool operator==(const iterator& other) const { return i_ == other.i_; }

     private:
      const KnowledgeBase* kb_;
      size_t i_;
    };
    explicit People(const KnowledgeBase* kb) : kb_(kb) {}
    const Person& operator[](size_t i) const { return kb_->person(static_cast<uint32_t>(i)); }
    size_t size() const { return kb_->size(); }
    bool empty() const { return size() == 0; }
    iterator begin() const { return {kb_, 0}; }
    iterator end() const { return {kb_, size()}; }

   private:
    const KnowledgeBase* kb_;
  };

  KnowledgeBase();  // empty
  ~KnowledgeBase();
  KnowledgeBase(KnowledgeBase&&) noexcept;
  KnowledgeBase& operator=(KnowledgeBase&&) noexcept;

  // The knowledge base read from files is the server's (server/kb_files.h); this class parses
  // and merges text it is given.

  // Parses JSON text; `path` names it in errors and in Person::source_file.
  static std::optional<KnowledgeBase> parse(std::string_view json, const std::string& path,
                                            std::string* error);

  // A base over the bytes of a binary file (kb_binary.h); `owner` keeps them alive (a mapping).
  // Errors name `path`: another format version, a truncated or corrupt file.
  static std::optional<KnowledgeBase> open_binary(std::string_view bytes,
                                                  std::shared_ptr<const void> owner,
                                                  const std::string& path, std::string* error);
  bool is_binary() const { return binary_ != nullptr; }

  // One person given as a JSON object (a line of an import); errors name `path` and `line`.
  static std::optional<Person> parse_person(std::string_view json, const std::string& path,
                                            size_t line, std::string* error);

  // Adds or replaces (by id) every person of `other`.
  void merge(const KnowledgeBase& other);
  // `base` with each overlay merged over it in order (an entry with an existing id, or the same
  // Wikidata item, replaces it), indexed once.
  static KnowledgeBase layered(const KnowledgeBase& base, std::vector<KnowledgeBase> overlays);

  People people() const { return People(this); }
  const Person& person(uint32_t slot) const;
  const Person* find(std::string_view id) const;
  size_t size() const { return binary_count() + appended_; }

  // People whose name or an alias contains every word of the query (case- and accent-blind),
  // best first: exact name, then name prefix, then alias matches. For workspace symbols.
  std::vector<const Person*> search(std::string_view query, size_t limit) const;

  // Name index for recognition. Keys are normalised with fold_name() (see name_fold.h) and the
  // words of a multi-word name are joined by one space.
  const std::vector<NameEntry>* lookup(std::string_view folded_name) const;
  // First words of every indexed name, for a cheap test before trying longer names.
  bool starts_name(std::string_view folded_word) const;
  size_t max_name_words() const { return max_name_words_; }

 private:
  void merge_people(KnowledgeBase&& other);  // without rebuilding the index
  void rebuild_index();
  size_t binary_count() const;
  // The slot of the person with `id` or Wikidata item `qid` ("" to skip), if any.
  std::optional<uint32_t> slot_of(std::string_view id, std::string_view qid) const;

  // People held in memory (every person of a JSON base; the overlays of a binary one), and the
  // slot each occupies: a binary slot it replaces, or one after the binary people.
  std::vector<Person> people_;
  std::vector<uint32_t> slots_;
  std::unordered_map<uint32_t, uint32_t> memory_of_slot_;  // binary bases only
  size_t appended_ = 0;
  struct Index;
  std::unique_ptr<Index> index_;
  size_t max_name_words_ = 0;

  // A binary base: the view, what keeps its bytes alive, people decoded so far (one atomic
  // pointer per slot, set once), and merged lookup results handed out by pointer.
  struct Binary;
  std::shared_ptr<Binary> binary_;
};

}  // namespace histlint
