#include "rules/kb/kb_binary.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstring>
#include <functional>
#include <ostream>

namespace histlint {

namespace {

enum Section {
  kStrings,
  kOffsets,
  kRecords,
  kNames,
  kNameHash,
  kFirstWords,
  kIds,
  kWikidata,
  kSections
};

// Header fields at fixed offsets. The magic and the version never move, so that any later
// version can still say which version wrote a file.
constexpr size_t kVersionAt = 8;
constexpr size_t kHeaderSizeAt = 12;
constexpr size_t kFileSizeAt = 16;
constexpr size_t kCountAt = 24;
constexpr size_t kNameCountAt = 32;
constexpr size_t kMaxWordsAt = 40;
constexpr size_t kMaxProbeAt = 48;
constexpr size_t kSectionsAt = 56;
constexpr size_t kBodyChecksumAt = kSectionsAt + kSections * 16;
constexpr size_t kHeaderChecksumAt = kBodyChecksumAt + 8;
constexpr size_t kHeaderSize = kHeaderChecksumAt + 8;
static_assert(kHeaderSize == kKbHeaderSize);

constexpr size_t kNameRowSize = 16;
constexpr size_t kIdRowSize = 16;
// The payload after the key in the writer's sort records: person (4 bytes), kind, use.
constexpr size_t kNameSortTail = 6;
constexpr size_t kIdSortTail = 4;  // person
constexpr uint32_t kEmptyHashSlot = UINT32_MAX;
constexpr uint64_t kMaxKeyLength = (1u << 24) - 1;  // key refs: 40-bit offset, 24-bit length
constexpr uint64_t kMaxKeyOffset = (uint64_t{1} << 40) - 1;

uint64_t load64(const char* p) {
  uint64_t v = 0;
  std::memcpy(&v, p, 8);  // the format is little-endian, as is every supported host
  return v;
}
uint32_t load32(const char* p) {
  uint32_t v = 0;
  std::memcpy(&v, p, 4);
  return v;
}
void store64(std::string& out, size_t at, uint64_t v) {
  std::memcpy(out.data() + at, &v, 8);
}
void store32(std::string& out, size_t at, uint32_t v) {
  std::memcpy(out.data() + at, &v, 4);
}

// A fast 64-bit checksum (four independent multiply-xor lanes over 32-byte blocks); detects
// damage, not attacks. Fed in pieces, so that a body is checksummed without assembling it.
class Checksum {
 public:
  void update(std::string_view bytes) {
    size_ += bytes.size();
    if (pending_size_) {
      const size_t take = std::min(32 - pending_size_, bytes.size());
      std::memcpy(pending_ + pending_size_, bytes.data(), take);
      pending_size_ += take;
      bytes.remove_prefix(take);
      if (pending_size_ < 32) return;
      block(pending_);
      pending_size_ = 0;
    }
    for (; bytes.size() >= 32; bytes.remove_prefix(32)) block(bytes.data());
    std::memcpy(pending_, bytes.data(), bytes.size());
    pending_size_ = bytes.size();
  }
  uint64_t finish() const {
    uint64_t h = size_ * kMul;
    for (uint64_t lane : lanes_) h = (h ^ lane) * kMul;
    for (size_t i = 0; i < pending_size_; ++i) {
      h = (h ^ static_cast<unsigned char>(pending_[i])) * kMul;
    }
    return h ^ (h >> 29);
  }

 private:
  static constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  void block(const char* p) {
    for (int k = 0; k < 4; ++k) {
      lanes_[k] = (lanes_[k] ^ load64(p + 8 * k)) * kMul;
      lanes_[k] ^= lanes_[k] >> 31;
    }
  }
  uint64_t lanes_[4] = {1, 2, 3, 4};
  char pending_[32] = {};
  size_t pending_size_ = 0;
  uint64_t size_ = 0;
};

uint64_t checksum(std::string_view bytes) {
  Checksum sum;
  sum.update(bytes);
  return sum.finish();
}

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

// Big-endian numbers in sort records, so that byte order is numeric order.
void append_be32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(v >> shift);
}
void append_be64(std::string& out, uint64_t v) {
  append_be32(out, static_cast<uint32_t>(v >> 32));
  append_be32(out, static_cast<uint32_t>(v));
}
uint32_t load_be32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(p[i]);
  return v;
}
uint64_t load_be64(const char* p) {
  return uint64_t{load_be32(p)} << 32 | load_be32(p + 4);
}

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

uint64_t key_ref(uint64_t offset, uint64_t length) {
  return offset << 24 | length;
}

uint32_t wikidata_number(std::string_view qid) {
  if (qid.size() < 2 || qid[0] != 'Q') return 0;
  uint32_t n = 0;
  auto [p, ec] = std::from_chars(qid.data() + 1, qid.data() + qid.size(), n);
  return ec == std::errc() && p == qid.data() + qid.size() ? n : 0;
}

// Bounds-checked reading of one record; any overrun marks it failed and yields zeros.
class RecordReader {
 public:
  RecordReader(std::string_view record, std::string_view strings)
      : data_(record), strings_(strings) {}
  bool ok() const { return ok_; }

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return fail();
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    return fail();
  }
  std::string string() {
    const uint64_t offset = varint();
    const uint64_t length = varint();
    if (!ok_ || offset > strings_.size() || length > strings_.size() - offset) {
      fail();
      return {};
    }
    return std::string(strings_.substr(offset, length));
  }
  // A list count, refused when the record cannot hold that many entries (a corrupt count must
  // not make us allocate billions of strings).
  uint64_t count(size_t min_entry_bytes) {
    const uint64_t n = varint();
    if (n > (data_.size() - pos_) / min_entry_bytes) return fail();
    return n;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> out(count(2));
    for (auto& s : out) s = string();
    return out;
  }
  int small(int max) {
    const uint64_t v = varint();
    if (v > static_cast<uint64_t>(max)) return static_cast<int>(fail());
    return static_cast<int>(v);
  }
  int year() {
    const int64_t v = unzigzag(varint());
    if (v < INT_MIN / 2 || v > INT_MAX / 2) return static_cast<int>(fail());
    return static_cast<int>(v);
  }
  std::optional<PartialDate> date() {
    const uint64_t tag = varint();
    if (tag == 0 || !ok_) return std::nullopt;
    const uint64_t bits = tag - 1;
    if ((bits & 7) > static_cast<uint64_t>(DatePrecision::Day) || bits > 31) {
      fail();
      return std::nullopt;
    }
    PartialDate d;
    d.precision = static_cast<DatePrecision>(bits & 7);
    d.calendar = (bits & 8) ? Calendar::Julian : Calendar::Gregorian;
    d.date = civil();
    if (bits & 16) d.julian = civil();
    return d;
  }

 private:
  uint64_t fail() {
    ok_ = false;
    pos_ = data_.size();
    return 0;
  }
  CivilDate civil() {
    CivilDate c;
    c.year = year();
    c.month = small(12);
    c.day = small(31);
    return c;
  }

  std::string_view data_;
  std::string_view strings_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// A name hash table is empty with no names, else a power of two of slots, more than the names,
// with a probe bound below its size.
bool valid_hash_table(uint64_t slots, uint64_t names, uint64_t max_probe) {
  if (names == 0) return slots == 0 && max_probe == 0;
  return slots > names && (slots & (slots - 1)) == 0 && max_probe < slots;
}

}  // namespace

// The checksum's mixing serves as well.
uint64_t kb_name_hash(std::string_view folded_key) {
  return checksum(folded_key);
}

bool is_binary_knowledge_base(std::string_view bytes) {
  return bytes.starts_with(kKbMagic);
}

KbBinaryWriter::KbBinaryWriter(KbWriterOptions options)
    : options_(std::move(options)),
      names_(kNameSortTail, options_.run_bytes, options_.scratch),
      ids_(kIdSortTail, options_.run_bytes, options_.scratch),
      wikidata_(0, options_.run_bytes, options_.scratch) {
  strings_ = scratch();
  offsets_ = scratch();
  records_ = scratch();
  const uint64_t zero = 0;
  offsets_->append(std::string_view(reinterpret_cast<const char*>(&zero), 8));
}

KbBinaryWriter::~KbBinaryWriter() = default;

std::unique_ptr<ScratchFile> KbBinaryWriter::scratch() {
  std::string error;
  auto file = options_.scratch(&error);
  if (file) return file;
  if (error_.empty()) error_ = error;
  return std::make_unique<MemoryScratch>();  // unused: add() and write() stop at error_
}

uint64_t KbBinaryWriter::append_string(std::string_view s) {
  const uint64_t at = strings_->size();
  strings_->append(s);
  return at;
}

uint64_t KbBinaryWriter::intern(std::string_view s) {
  // Places, occupations and titles repeat across thousands of people; longer text does not.
  if (s.size() > 64) return append_string(s);
  auto [it, inserted] = shared_.try_emplace(std::string(s), 0);
  if (inserted) it->second = append_string(s);
  return it->second;
}

void KbBinaryWriter::put_string(std::string_view s, bool shared) {
  put_varint(record_, s.empty() ? 0 : shared ? intern(s) : append_string(s));
  put_varint(record_, s.size());
}

void KbBinaryWriter::put_date(const std::optional<PartialDate>& date) {
  if (!date) {
    put_varint(record_, 0);
    return;
  }
  const uint64_t bits = static_cast<uint64_t>(date->precision) |
                        (date->calendar == Calendar::Julian ? 8u : 0u) | (date->julian ? 16u : 0u);
  put_varint(record_, bits + 1);
  auto civil = [&](const CivilDate& c) {
    put_varint(record_, zigzag(c.year));
    put_varint(record_, static_cast<uint64_t>(std::clamp(c.month, 0, 12)));
    put_varint(record_, static_cast<uint64_t>(std::clamp(c.day, 0, 31)));
  };
  civil(date->date);
  if (date->julian) civil(*date->julian);
}

void KbBinaryWriter::add(const Person& p) {
  if (!error_.empty()) return;
  const auto slot = static_cast<uint32_t>(count_++);
  record_.clear();
  put_string(p.id);
  put_string(p.name);
  for (const auto* list : {&p.aliases, &p.short_names, &p.given_names, &p.ambiguous_names}) {
    put_varint(record_, list->size());
    for (const auto& s : *list) put_string(s);
  }
  put_varint(record_, static_cast<uint64_t>(p.sex));
  for (const auto* event : {&p.birth, &p.death}) {
    put_date(*event ? std::optional<PartialDate>((*event)->date) : std::nullopt);
    put_string(*event ? (*event)->place : std::string(), true);
  }
  put_string(p.description);
  put_varint(record_, p.occupations.size());
  for (const auto& s : p.occupations) put_string(s, true);
  put_varint(record_, p.roles.size());
  for (const auto& role : p.roles) {
    put_string(role.title, true);
    put_date(role.from);
    put_date(role.to);
  }
  put_varint(record_, p.events.size());
  for (const auto& event : p.events) {
    put_string(event.what);
    put_date(event.date);
    put_string(event.place, true);
  }
  put_string(p.wikidata);
  put_string(p.wikipedia);
  put_string(p.source_file, true);
  put_varint(record_, p.source_line);
  put_varint(record_, p.source_offset);
  put_varint(record_, p.source_length);
  records_->append(record_);
  const uint64_t end = records_->size();
  offsets_->append(std::string_view(reinterpret_cast<const char*>(&end), 8));
  for (const auto* file : {strings_.get(), offsets_.get(), records_.get()}) {
    if (!file->error().empty() && error_.empty()) error_ = file->error();
  }

  std::string row;
  for_each_indexed_name(p, [&](std::string&& key, NameKind kind, uint8_t use) {
    if (key.size() > kMaxKeyLength) return;  // a name of megabytes is never found in prose
    const uint64_t words = static_cast<uint64_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    max_name_words_ = std::max(max_name_words_, words);
    row = std::move(key);
    append_be32(row, slot);
    row += static_cast<char>(kind);
    row += static_cast<char>(use);
    if (!names_.add(row) && error_.empty()) error_ = names_.error();
  });
  if (p.id.size() <= kMaxKeyLength) {
    row = p.id;
    append_be32(row, slot);
    if (!ids_.add(row) && error_.empty()) error_ = ids_.error();
  }
  if (const uint32_t q = wikidata_number(p.wikidata)) {
    row.clear();
    append_be32(row, q);
    append_be32(row, slot);
    if (!wikidata_.add(row) && error_.empty()) error_ = wikidata_.error();
  }
}

namespace {

// Rows of one section on their way to scratch storage, appended in batches.
class SectionOut {
 public:
  explicit SectionOut(ScratchFile& file) : file_(file) {}
  void put(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= (1 << 16)) flush();
  }
  void put64(uint64_t v) { put(std::string_view(reinterpret_cast<const char*>(&v), 8)); }
  void put32(uint32_t v) { put(std::string_view(reinterpret_cast<const char*>(&v), 4)); }
  // False when any append failed.
  bool flush() {
    ok_ = file_.append(buffer_) && ok_;
    buffer_.clear();
    return ok_;
  }

 private:
  ScratchFile& file_;
  std::string buffer_;
  bool ok_ = true;
};

}  // namespace

bool KbBinaryWriter::write(std::ostream& out, std::string* error) {
  auto fail = [&](const std::string& message) {
    if (error) *error = message.empty() ? "cannot write the knowledge base" : message;
    return false;
  };
  if (!error_.empty()) return fail(error_);
  const uint64_t name_count = names_.size();
  if (name_count >= kEmptyHashSlot) return fail("more than 4 billion names");
  // The hash table: at most half full, so that probes stay short.
  uint64_t slot_count = 1;
  while (slot_count < 2 * name_count) slot_count *= 2;
  if (name_count == 0) slot_count = 0;

  const auto names_file = scratch();
  const auto hash_file = scratch();
  const auto first_words_file = scratch();
  const auto ids_file = scratch();
  const auto wikidata_file = scratch();
  if (!error_.empty()) return fail(error_);
  ExternalSorter hash_entries(0, options_.run_bytes, options_.scratch);  // home slot, row, hash
  ExternalSorter first_words(0, options_.run_bytes, options_.scratch);
  std::string sort_error;
  auto sorted = [&](ExternalSorter& sorter, const std::function<void(std::string_view)>& fn) {
    if (sorter.for_each(fn)) return true;
    if (sort_error.empty()) sort_error = sorter.error();
    return false;
  };
  auto added = [&](ExternalSorter& sorter, std::string_view record) {
    if (!sorter.add(record) && sort_error.empty()) sort_error = sorter.error();
  };

  // Names in key order: each distinct key is copied once into the string table, gets one hash
  // entry, and gives its first word; the rows point to the copy.
  SectionOut names_out(*names_file);
  std::string previous;
  uint64_t previous_ref = 0;
  uint32_t row_number = 0;
  std::string previous_first_word;
  std::string entry;
  bool ok = sorted(names_, [&](std::string_view row) {
    const std::string_view key = row.substr(0, row.size() - kNameSortTail);
    const char* tail = row.data() + key.size();
    if (row_number == 0 || key != previous) {
      previous.assign(key);
      previous_ref = key_ref(append_string(key), key.size());
      const uint64_t h = kb_name_hash(key);
      entry.clear();
      append_be64(entry, h & (slot_count - 1));
      append_be32(entry, row_number);
      append_be32(entry, static_cast<uint32_t>(h >> 32));
      added(hash_entries, entry);
      // Sorted keys bring a first word's names together: one entry per run of them.
      const std::string_view first_word = key.substr(0, key.find(' '));
      if (row_number == 0 || first_word != previous_first_word) {
        previous_first_word.assign(first_word);
        added(first_words, first_word);
      }
    }
    names_out.put64(previous_ref);
    names_out.put32(load_be32(tail));
    const char rest[4] = {tail[4], tail[5], 0, 0};
    names_out.put(std::string_view(rest, 4));
    ++row_number;
  });
  ok = names_out.flush() && ok;

  // Linear probing, built from the entries in order of home slot: each takes the first free
  // slot at or after its home, so that every slot between is taken, as a lookup requires.
  // Entries pushed past the last slot wrap to the first ones, which are kept for them: their
  // number is found by placing again until it no longer changes.
  uint64_t max_probe = 0;
  std::vector<uint64_t> wrapped;
  auto place = [&](uint64_t reserved, const std::function<void(uint64_t, uint64_t)>& put) {
    uint64_t next = reserved;
    max_probe = 0;
    wrapped.clear();
    return sorted(hash_entries, [&](std::string_view e) {
      const uint64_t home = load_be64(e.data());
      const uint64_t value = uint64_t{load_be32(e.data() + 12)} << 32 | load_be32(e.data() + 8);
      const uint64_t at = std::max(home, next);
      next = at + 1;
      max_probe = std::max(max_probe, at - home);
      if (at < slot_count) {
        put(at, value);
      } else {
        wrapped.push_back(value);
      }
    });
  };
  SectionOut hash_out(*hash_file);
  if (ok && slot_count > 0) {
    uint64_t reserved = 0;
    while ((ok = place(reserved, [](uint64_t, uint64_t) {})) && wrapped.size() != reserved) {
      reserved = wrapped.size();
    }
    for (const uint64_t value : wrapped) hash_out.put64(value);
    uint64_t filled = reserved;
    ok = ok && place(reserved, [&](uint64_t at, uint64_t value) {
           for (; filled < at; ++filled) hash_out.put64(kEmptyHashSlot);
           hash_out.put64(value);
           ++filled;
         });
    for (; filled < slot_count; ++filled) hash_out.put64(kEmptyHashSlot);
  }
  ok = hash_out.flush() && ok;

  SectionOut first_words_out(*first_words_file);
  previous.clear();
  bool first = true;
  ok = ok && sorted(first_words, [&](std::string_view word) {
         if (!first && word == previous) return;
         first = false;
         previous.assign(word);
         first_words_out.put64(key_ref(append_string(word), word.size()));
       });
  ok = first_words_out.flush() && ok;

  SectionOut ids_out(*ids_file);
  ok = ok && sorted(ids_, [&](std::string_view row) {
         const std::string_view id = row.substr(0, row.size() - kIdSortTail);
         ids_out.put64(key_ref(append_string(id), id.size()));
         ids_out.put32(load_be32(row.data() + id.size()));
         ids_out.put32(0);
       });
  ok = ids_out.flush() && ok;

  SectionOut wikidata_out(*wikidata_file);
  ok = ok && sorted(wikidata_, [&](std::string_view row) {
         wikidata_out.put32(load_be32(row.data()));
         wikidata_out.put32(load_be32(row.data() + 4));
       });
  ok = wikidata_out.flush() && ok;
  if (!ok) {
    if (!sort_error.empty()) return fail(sort_error);
    for (const auto* file : {names_file.get(), hash_file.get(), first_words_file.get(),
                             ids_file.get(), wikidata_file.get()}) {
      if (!file->error().empty()) return fail(file->error());
    }
    return fail("");
  }
  if (!strings_->error().empty()) return fail(strings_->error());
  if (strings_->size() > kMaxKeyOffset) return fail("the string table exceeds 1 TiB");

  std::string header(kHeaderSize, '\0');
  std::memcpy(header.data(), kKbMagic.data(), kKbMagic.size());
  store32(header, kVersionAt, kKbFormatVersion);
  store32(header, kHeaderSizeAt, kHeaderSize);
  store64(header, kCountAt, size());
  store64(header, kNameCountAt, name_count);
  store64(header, kMaxWordsAt, max_name_words_);
  store64(header, kMaxProbeAt, max_probe);

  // The body is produced twice, in pieces, never whole: once to checksum it and place its
  // sections, once into `out`. Each section starts 8-byte aligned.
  uint64_t sections[kSections][2] = {};
  ScratchFile* const section_files[kSections] = {
      strings_.get(),  offsets_.get(),         records_.get(), names_file.get(),
      hash_file.get(), first_words_file.get(), ids_file.get(), wikidata_file.get()};
  std::string read_error;
  auto emit_body = [&](auto&& sink) {
    uint64_t at = kHeaderSize;
    std::string chunk(1 << 20, '\0');
    for (int s = 0; s < kSections; ++s) {
      static constexpr char kZeros[8] = {};
      const size_t padding = (8 - at % 8) % 8;
      sink(std::string_view(kZeros, padding));
      at += padding;
      sections[s][0] = at;
      ScratchFile& file = *section_files[s];
      for (uint64_t offset = 0; offset < file.size();) {
        const long n = file.read(offset, chunk.data(), chunk.size());
        if (n <= 0) {
          if (read_error.empty()) read_error = file.error().empty() ? "short read" : file.error();
          break;
        }
        sink(std::string_view(chunk.data(), static_cast<size_t>(n)));
        offset += static_cast<uint64_t>(n);
      }
      at += file.size();
      sections[s][1] = file.size();
    }
    return at;
  };
  Checksum body_sum;
  const uint64_t file_size = emit_body([&](std::string_view bytes) { body_sum.update(bytes); });

  for (int s = 0; s < kSections; ++s) {
    store64(header, kSectionsAt + s * 16, sections[s][0]);
    store64(header, kSectionsAt + s * 16 + 8, sections[s][1]);
  }
  store64(header, kFileSizeAt, file_size);
  store64(header, kBodyChecksumAt, body_sum.finish());
  store64(header, kHeaderChecksumAt,
          checksum(std::string_view(header).substr(0, kHeaderChecksumAt)));
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  emit_body([&](std::string_view bytes) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  if (!read_error.empty()) return fail("cannot read back the scratch storage: " + read_error);
  if (!out) return fail("");
  return true;
}

std::optional<KbBinaryView> KbBinaryView::open(std::string_view bytes, const std::string& path,
                                               bool verify_body, std::string* error) {
  auto fail = [&](const std::string& message) -> std::optional<KbBinaryView> {
    if (error) *error = path + ": " + message;
    return std::nullopt;
  };
  if (!is_binary_knowledge_base(bytes)) return fail("not a histlint binary knowledge base");
  if (bytes.size() < kHeaderSizeAt + 4) return fail("truncated binary knowledge base");
  const uint32_t version = load32(bytes.data() + kVersionAt);
  if (version != kKbFormatVersion) {
    return fail("binary knowledge base of format version " + std::to_string(version) +
                "; this histlint reads version " + std::to_string(kKbFormatVersion) +
                " (rebuild it with `histlint kb build`)");
  }
  if (bytes.size() < kHeaderSize) {
    return fail("truncated binary knowledge base (" + std::to_string(bytes.size()) +
                " bytes, shorter than its header)");
  }
  const std::string_view header = bytes.substr(0, kHeaderSize);
  if (load32(header.data() + kHeaderSizeAt) != kHeaderSize ||
      load64(header.data() + kHeaderChecksumAt) != checksum(header.substr(0, kHeaderChecksumAt))) {
    return fail("corrupt binary knowledge base (header checksum mismatch)");
  }
  const uint64_t file_size = load64(header.data() + kFileSizeAt);
  if (file_size != bytes.size()) {
    return fail((bytes.size() < file_size ? "truncated" : "corrupt") +
                std::string(" binary knowledge base: the header says ") +
                std::to_string(file_size) + " bytes, the file has " + std::to_string(bytes.size()));
  }
  KbBinaryView view;
  view.bytes_ = bytes;
  view.path_ = path;
  view.count_ = load64(header.data() + kCountAt);
  view.name_count_ = load64(header.data() + kNameCountAt);
  view.max_name_words_ = load64(header.data() + kMaxWordsAt);
  view.max_probe_ = load64(header.data() + kMaxProbeAt);
  std::string_view* sections[kSections] = {&view.strings_, &view.offsets_,   &view.records_,
                                           &view.names_,   &view.name_hash_, &view.first_words_,
                                           &view.ids_,     &view.wikidata_};
  for (int s = 0; s < kSections; ++s) {
    const uint64_t offset = load64(header.data() + kSectionsAt + s * 16);
    const uint64_t size = load64(header.data() + kSectionsAt + s * 16 + 8);
    if (offset < kHeaderSize || offset > bytes.size() || size > bytes.size() - offset) {
      return fail("corrupt binary knowledge base (a section lies outside the file)");
    }
    *sections[s] = bytes.substr(offset, size);
  }
  if (view.count_ >= UINT32_MAX || view.offsets_.size() / 8 != view.count_ + 1 ||
      view.offsets_.size() % 8 || view.names_.size() / kNameRowSize != view.name_count_ ||
      view.names_.size() % kNameRowSize || view.first_words_.size() % 8 ||
      view.ids_.size() % kIdRowSize || view.wikidata_.size() % 8 || view.max_name_words_ > 1000 ||
      !valid_hash_table(view.name_hash_.size() / 8, view.name_count_, view.max_probe_) ||
      view.name_hash_.size() % 8) {
    return fail("corrupt binary knowledge base (section sizes disagree with the counts)");
  }
  if (verify_body &&
      load64(header.data() + kBodyChecksumAt) != checksum(bytes.substr(kHeaderSize))) {
    return fail("corrupt binary knowledge base (checksum mismatch)");
  }
  return view;
}

std::string_view KbBinaryView::key_at(uint64_t ref) const {
  const uint64_t offset = ref >> 24;
  const uint64_t length = ref & kMaxKeyLength;
  if (offset > strings_.size() || length > strings_.size() - offset) return {};
  return strings_.substr(offset, length);
}

KbBinaryView::NameRow KbBinaryView::name_row(size_t i) const {
  const char* p = names_.data() + i * kNameRowSize;
  NameRow row{load64(p), load32(p + 8), static_cast<uint8_t>(p[12]), static_cast<uint8_t>(p[13])};
  // A corrupt row must not point past the people or hold an unknown kind.
  if (row.kind > static_cast<uint8_t>(NameKind::Given)) row.person = UINT32_MAX;
  return row;
}

size_t KbBinaryView::first_name_row(std::string_view key) const {
  const size_t slot_count = name_hash_.size() / 8;
  if (slot_count == 0) return name_count_;
  const uint64_t h = kb_name_hash(key);
  size_t at = h & (slot_count - 1);
  // The probe bound (checked against the table size at open) ends a search of a damaged table.
  for (uint64_t probe = 0; probe <= max_probe_; ++probe) {
    const uint64_t slot = load64(name_hash_.data() + at * 8);
    const auto row = static_cast<uint32_t>(slot);
    if (row == kEmptyHashSlot) break;
    if (slot >> 32 == h >> 32 && row < name_count_ &&
        key_at(load64(names_.data() + row * kNameRowSize)) == key) {
      return row;
    }
    at = (at + 1) & (slot_count - 1);
  }
  return name_count_;
}

bool KbBinaryView::starts_name(std::string_view folded_word) const {
  size_t lo = 0;
  size_t hi = first_words_.size() / 8;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const std::string_view k = key_at(load64(first_words_.data() + mid * 8));
    if (k == folded_word) return true;
    if (k < folded_word) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

std::optional<uint32_t> KbBinaryView::slot_of_id(std::string_view id) const {
  size_t lo = 0;
  size_t hi = ids_.size() / kIdRowSize;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const char* row = ids_.data() + mid * kIdRowSize;
    const std::string_view k = key_at(load64(row));
    if (k == id) {
      const uint32_t slot = load32(row + 8);
      return slot < count_ ? std::optional<uint32_t>(slot) : std::nullopt;
    }
    if (k < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

std::optional<uint32_t> KbBinaryView::slot_of_wikidata(std::string_view qid) const {
  const uint32_t q = wikidata_number(qid);
  if (q == 0) return std::nullopt;
  size_t lo = 0;
  size_t hi = wikidata_.size() / 8;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const uint32_t k = load32(wikidata_.data() + mid * 8);
    if (k == q) {
      const uint32_t slot = load32(wikidata_.data() + mid * 8 + 4);
      return slot < count_ ? std::optional<uint32_t>(slot) : std::nullopt;
    }
    if (k < q) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

Person KbBinaryView::person(uint32_t slot) const {
  Person p;
  const uint64_t begin = slot < count_ ? load64(offsets_.data() + slot * 8ull) : 1;
  const uint64_t end = slot < count_ ? load64(offsets_.data() + (slot + 1ull) * 8) : 0;
  if (begin <= end && end <= records_.size()) {
    RecordReader r(records_.substr(begin, end - begin), strings_);
    p.id = r.string();
    p.name = r.string();
    p.aliases = r.strings();
    p.short_names = r.strings();
    p.given_names = r.strings();
    p.ambiguous_names = r.strings();
    p.sex = static_cast<Sex>(r.small(static_cast<int>(Sex::Female)));
    for (auto* event : {&p.birth, &p.death}) {
      auto date = r.date();
      std::string place = r.string();
      if (date) *event = LifeEvent{*date, std::move(place)};
    }
    p.description = r.string();
    p.occupations = r.strings();
    p.roles.resize(r.count(3));
    for (auto& role : p.roles) {
      role.title = r.string();
      role.from = r.date();
      role.to = r.date();
    }
    p.events.resize(r.count(4));
    for (auto& event : p.events) {
      event.what = r.string();
      event.date = r.date();
      event.place = r.string();
    }
    p.wikidata = r.string();
    p.wikipedia = r.string();
    p.source_file = r.string();
    p.source_line = r.varint();
    p.source_offset = r.varint();
    p.source_length = r.varint();
    if (r.ok() && !p.id.empty() && !p.name.empty()) return p;
  }
  // The header and sections were sound but this record is not: say so where it is shown.
  Person broken;
  broken.id = "unreadable-record-" + std::to_string(slot);
  broken.name = "(unreadable record " + std::to_string(slot) + " of " + path_ + ")";
  return broken;
}

}  // namespace histlint
