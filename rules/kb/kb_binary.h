// The binary knowledge base: a compact, versioned, memory-mappable form of the people data, built
// by `histlint kb build`. This file writes and reads the byte layout only; mapping a file is the
// server's (server/kb_files.h). Layout (little-endian, sections 8-byte aligned):
//
//   header       magic "HISTLKB\0", format version, file size, counts, section table,
//                checksum of the body and of the header itself
//   strings      every string of the records and the index keys, back to back
//   offsets      u64 per person + 1: where each record starts in `records`
//   records      one varint-encoded person each (strings as offset + length into `strings`)
//   names        16-byte entries sorted by folded key: key ref, person, kind, use
//   name hash    open-addressing table, a power of two of 8-byte slots: the high half of the
//                key's hash and the first names row of that key (0xFFFFFFFF: empty); a lookup
//                probes linearly, at most `max probe` slots (in the header)
//   first words  8-byte key refs, sorted: the first word of every indexed name
//   ids          16-byte entries sorted by id: key ref, person
//   wikidata     8-byte entries sorted by item number: Q-number, person
//
// Reading never trusts the bytes: every offset and length is checked against its section, so a
// corrupt or hostile file yields an error or a placeholder person, never a crash.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/kb/knowledge_base.h"
#include "rules/kb/spill.h"

namespace histlint {

// Version 2 added the name hash table (version 1 found names by binary search only); version 3
// the ambiguous names of each person.
inline constexpr uint32_t kKbFormatVersion = 3;
inline constexpr std::string_view kKbMagic{"HISTLKB\0", 8};
inline constexpr size_t kKbHeaderSize = 200;  // everything past it is the checksummed body
// Bodies up to this size are checksummed at every load; larger ones by `histlint kb check`
// (hashing a 1-million-person base would take most of the load-time budget).
inline constexpr uint64_t kKbVerifyAtLoadLimit = 16u << 20;

// Use bits of a name-index entry (for workspace-symbol search).
inline constexpr uint8_t kNameIsDisplay = 1;     // the person's display name
inline constexpr uint8_t kNameIsSearchable = 2;  // the display name, an alias or a short name
inline constexpr uint8_t kNameIsAmbiguous = 4;   // a name shared with namesakes (ambiguous_names)

// The hash of a folded name in the name hash table; its home slot is the hash modulo the
// table's size.
uint64_t kb_name_hash(std::string_view folded_key);

// True when `bytes` starts with the binary knowledge-base magic.
bool is_binary_knowledge_base(std::string_view bytes);

// Where a writer keeps what it collects. By default everything stays in memory; an import of
// millions of people gives it scratch files and a run size, and then holds about three runs of
// index rows (names, ids, Wikidata items) and the shared vocabulary, whatever the base's size.
struct KbWriterOptions {
  ScratchFactory scratch = memory_scratch();
  // Memory for each sort's run; a full run spills to scratch (SIZE_MAX: never).
  size_t run_bytes = SIZE_MAX;
};

// Collects people one at a time, so an import never holds more than their encoded form: the
// strings and records go to scratch storage as they come, the index rows into external sorts.
class KbBinaryWriter {
 public:
  explicit KbBinaryWriter(KbWriterOptions options = {});
  ~KbBinaryWriter();
  // Appends `person` as the next slot (a scratch failure is reported by write()).
  void add(const Person& person);
  size_t size() const { return count_; }
  // Writes the whole base; false with `error` set when the stream or the scratch storage fails.
  bool write(std::ostream& out, std::string* error);

 private:
  std::unique_ptr<ScratchFile> scratch();  // never null; a failure is kept in error_
  uint64_t intern(std::string_view s);     // shared vocabulary: places, occupations, titles
  uint64_t append_string(std::string_view s);
  void put_string(std::string_view s, bool shared = false);
  void put_date(const std::optional<PartialDate>& date);

  KbWriterOptions options_;
  std::unique_ptr<ScratchFile> strings_;  // the strings section as it grows
  std::unique_ptr<ScratchFile> offsets_;  // the offsets section
  std::unique_ptr<ScratchFile> records_;  // the records section
  std::string record_;                    // the record being encoded
  // Index rows, sorted as write() needs them: names by folded key then person (key, person,
  // kind, use), ids by id (id, person), Wikidata items by number (number, person).
  ExternalSorter names_;
  ExternalSorter ids_;
  ExternalSorter wikidata_;
  std::unordered_map<std::string, uint64_t> shared_;
  uint64_t max_name_words_ = 0;
  size_t count_ = 0;
  std::string error_;
};

// A read-only view of a binary base over bytes the caller keeps alive.
class KbBinaryView {
 public:
  // Checks the header (magic, version, size, checksum) and the section table, and checksums the
  // body when `verify_body`. Errors name `path`.
  static std::optional<KbBinaryView> open(std::string_view bytes, const std::string& path,
                                          bool verify_body, std::string* error);

  size_t size() const { return count_; }
  size_t max_name_words() const { return max_name_words_; }
  uint64_t byte_size() const { return bytes_.size(); }
  // The person in `slot`; a record that does not decode yields a person named after its slot.
  Person person(uint32_t slot) const;
  // The first names row of `folded_key` (a handle for entries_at), or nullopt when absent.
  std::optional<uint32_t> find_name(std::string_view folded_key) const {
    const size_t row = first_name_row(folded_key);
    return row < name_count_ ? std::optional<uint32_t>(static_cast<uint32_t>(row)) : std::nullopt;
  }
  // Calls `fn(NameEntry, use)` for each entry of the key whose first row is `row`: the rows that
  // follow with the same key ref (the writer stores each distinct key once).
  template <class Fn>
  void entries_at(uint32_t row, Fn&& fn) const {
    if (row >= name_count_) return;
    const uint64_t key = name_row(row).key;
    for (size_t i = row; i < name_count_; ++i) {
      const NameRow r = name_row(i);
      if (r.key != key) break;
      if (r.person >= count_) continue;  // a corrupt row
      fn(NameEntry{r.person, static_cast<NameKind>(r.kind), (r.use & kNameIsAmbiguous) != 0},
         r.use);
    }
  }
  // Calls `fn(NameEntry, use)` for each index entry of `folded_key`.
  template <class Fn>
  void lookup(std::string_view folded_key, Fn&& fn) const {
    if (auto row = find_name(folded_key)) entries_at(*row, fn);
  }
  bool starts_name(std::string_view folded_word) const;
  std::optional<uint32_t> slot_of_id(std::string_view id) const;
  std::optional<uint32_t> slot_of_wikidata(std::string_view qid) const;
  // Every index entry in key order: fn(key, NameEntry, use).
  template <class Fn>
  void for_each_name(Fn&& fn) const {
    for (size_t i = 0; i < name_count_; ++i) {
      const NameRow row = name_row(i);
      if (row.person >= count_) continue;
      fn(key_at(row.key),
         NameEntry{row.person, static_cast<NameKind>(row.kind), (row.use & kNameIsAmbiguous) != 0},
         row.use);
    }
  }

 private:
  struct NameRow {
    uint64_t key;
    uint32_t person;
    uint8_t kind;
    uint8_t use;
  };
  std::string_view key_at(uint64_t ref) const;
  NameRow name_row(size_t i) const;
  // The first names row of `key`, or name_count_ when the key is absent.
  size_t first_name_row(std::string_view key) const;

  std::string_view bytes_;
  std::string path_;
  std::string_view strings_, offsets_, records_, names_, name_hash_, first_words_, ids_, wikidata_;
  size_t count_ = 0;
  size_t name_count_ = 0;
  size_t max_name_words_ = 0;
  uint64_t max_probe_ = 0;
};

}  // namespace histlint
