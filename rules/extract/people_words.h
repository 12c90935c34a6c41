// Word lists that steer name recognition: words that are names only in context, and words that
// turn a name into a place, an institution or an event. All take folded (lower-case) words.
#pragma once

#include <string_view>

namespace histlint::people_words {

// Names that are also everyday capitalised words, months or places ("May", "Bush", "Lincoln").
bool is_common_word_name(std::string_view folded);
// Surnames shared by so many people that a bare one is never assumed ("Smith", "Kennedy").
bool is_common_surname(std::string_view folded);
// Given names that are also ordinary capitalised words ("Will", "Frank", "Christian").
bool is_common_given_name(std::string_view folded);
// Nouns that make a name part of a place, prize or institution ("Square", "Plan", "Prize").
bool is_named_thing_noun(std::string_view folded);
// Words that make a capitalised sequence an event or body rather than a name ("War", "Party").
bool is_event_noun(std::string_view folded);

// Prepositions after which a bare surname is a place: "in Marlborough", "near Walpole".
bool is_place_preposition(std::string_view folded);
// Prefixes that make the name after them a ship: "HMS Nelson", "USS Lincoln".
bool is_ship_prefix(std::string_view folded);

// Kinds of ship ("cruiser", "steamer"): the name right after one is the ship's.
bool is_ship_noun(std::string_view folded);

// Words that show a sentence speaks of a ship ("sank", "aboard", "crew", a kind of ship).
bool is_ship_evidence(std::string_view folded);

// Kinds of settlement or territory ("town", "capital", "province").
bool is_settlement_noun(std::string_view folded);

}  // namespace histlint::people_words
