// Searching an index in parts, one core each.
//
// Part p of n matches only the documents whose ids lie in the p-th n-th of the
// database's id range, through a handle of its own (a Xapian handle is used by one
// thread at a time). A part weighs a match with the statistics of the whole index, so a
// match has the same weight in its part as in the whole: merging the parts' best hits in
// the order Xapian ranks (sort key, weight, then id) gives the whole's best hits, and
// the parts' totals and facet counts add up to the whole's, exactly.
#pragma once

#include "facet_counting.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

// What a part's search asks for.
struct PartSearch {
    unsigned part = 0, parts = 1;
    Xapian::doccount wanted = 0;  // best hits to keep: the page's offset + limit
    int32_t sort_slot = -1;       // as in cx_search_options
    bool sort_descending = false;
    const FacetColumns *columns = nullptr; // count facet items from these, when set
};

struct PartHit {
    Xapian::docid id;
    double weight;
    std::string sort_key; // the sort slot's value ("" by relevance)
};

struct PartAnswer {
    std::vector<PartHit> hits;
    Xapian::doccount total = 0;
    std::vector<uint32_t> item_counts; // by the columns' item id
};

// Runs query on db restricted to the part; the returned MSet (its best hits) can make
// snippets while db lives.
Xapian::MSet search_part(const Xapian::Database &db, const Xapian::Query &query, const PartSearch &search,
                         PartAnswer &answer);

// The parts' hits in Xapian's order, [offset, offset + limit) of them; the parts' counts
// summed into the first part's answer.
std::vector<PartHit> merge_parts(std::vector<PartAnswer> &answers, const PartSearch &search, Xapian::doccount offset,
                                 Xapian::doccount limit);

} // namespace corpus
