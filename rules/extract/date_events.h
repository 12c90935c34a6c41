// Dated events the text asserts about people: "Trotsky settled in Mexico in 1936", "He and
// Natalya … arrived in Mexico in January 1937", "In 1927, Leon Trotsky … was expelled from the
// Communist party". Each claim has a key (person, kind of event, place or object) so two claims
// about one event can be compared, within a document or across a workspace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/extract/dates.h"
#include "rules/finding.h"

namespace histlint {

class Analysis;

enum class EventKind : uint8_t {
  Birth,
  Death,       // died; killed, assassinated, murdered, executed
  Arrival,     // arrived in, reached, landed in
  Settlement,  // settled in, moved to, emigrated to
  Departure,   // left, departed from
  Return,      // returned to
  Expulsion,   // expelled from, thrown out of
  Exile,       // exiled to, deported to, banished to
  Founding,    // founded, established (a named thing)
  Marriage,    // married
  Promotion,   // promoted to (a rank or office), his promotion to
  // Anything only the living do, with no object compared: wrote, published, travelled, was
  // arrested. Read for date/after-death, never compared between claims.
  Activity,
};

// "arrival in", "death", "expulsion from": how a message names the event.
std::string_view event_kind_phrase(EventKind kind);

struct EventClaim {
  std::string person_id;
  EventKind kind = EventKind::Arrival;
  bool violent_death = false;
  bool passive_voice = false;  // "was arrested", "was expelled"  // killed, assassinated: the
                               // attack may precede the death by days
  std::string object;          // folded head word of the place or object: "mexico", "party"
  std::string object_text;     // as written: "Mexico", "the Communist party"
  Span claim_span;             // from the verb to the date, or from the date to the verb
  Span verb_span;              // "settled", "published"
  Span date_span;
  DateValue date;
  uint32_t sentence = UINT32_MAX;
};

struct EventFacts {
  std::vector<EventClaim> claims;  // text order

  static EventFacts extract(const Analysis& analysis);
};

// True when two claims are about the same event (same person, kind and object, with arrival
// and settlement read as one move) and their dates cannot both be right. Settling months after
// arriving is no contradiction, nor are two dates one Old Style / New Style offset apart, nor
// repeatable events (arrivals, exiles) years apart, which are likely two different occasions.
bool claims_conflict(const EventClaim& a, const EventClaim& b);

// Claims that may be about one event share this key: person, kind (arriving and settling read
// as one move) and object.
std::string event_key(const EventClaim& claim);

// One document's dated events, kept after its analysis so that the other documents of a
// workspace can be compared with it (date/conflicting-dates across documents).
class DocumentClaims {
 public:
  DocumentClaims() = default;
  // `claims`: comparable events only (no Activity), in text order.
  DocumentClaims(std::string path, std::vector<EventClaim> claims);
  static DocumentClaims of(const Analysis& analysis);

  const std::string& path() const { return path_; }  // as Analysis::path(), Related::path
  const std::vector<EventClaim>& claims() const { return claims_; }
  // The event_key of each claim, computed once: documents are compared on every keystroke.
  const std::vector<std::string>& keys() const { return keys_; }

  // The same events with the same dates, wherever in the text they are.
  bool same_events(const DocumentClaims& other) const;
  // A claim here may be about the same event as one in `other`.
  bool shares_event_with(const DocumentClaims& other) const;
  // A claim here and one in `other` give one event dates that cannot both be right.
  bool conflicts_with(const DocumentClaims& other) const;

 private:
  std::string path_;
  std::vector<EventClaim> claims_;
  std::vector<std::string> keys_;
};

}  // namespace histlint
