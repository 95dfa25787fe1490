// Exact facet counts over every match, two ways.
//
// FacetSpy reads each match's facet slot from Xapian's value stream. That stream is
// decoded from the start of a chunk to each match, so its cost follows the size of
// the index, not the number of matches.
//
// FacetColumns holds every document's facet items as small integers (built once from
// the value stream, kept in a file beside the index by the writer, mapped by readers),
// so a match costs a few array reads: what makes facets cheap enough for a per-query
// process and for the reading room. The file carries XXH3 hashes (its header, and each
// block of BLOCK_DOCS documents), checked as a search first reads a block: a damaged
// file is noticed at the cost of the pages a query reads anyway, and its counts are
// taken from the slot instead.
#pragma once

#include "corpus_xapian.h"

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus {

// Facet name → its values with their counts, most frequent first (ties in byte order).
using Facets = std::map<std::string, std::vector<std::pair<std::string, uint32_t>>>;

// Groups counted items ("name" CX_FACET_NAME_END "value") into facets.
Facets group_items(const std::map<std::string, uint32_t> &item_counts);

// The items of one slot value, each once.
std::vector<std::string> split_items(const std::string &value);

class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document &doc, double) override { ++raw_[doc.get_value(slot_)]; }
    std::string name() const override { return "corpus.FacetSpy"; }
    Facets facets() const;

  private:
    Xapian::valueno slot_;
    // Whole slot values counted: matches share few distinct ones; split once at the end.
    std::unordered_map<std::string, uint32_t> raw_;
};

class FacetColumns {
  public:
    // Reads the slot of every document of db.
    static std::unique_ptr<FacetColumns> build(const Xapian::Database &db, Xapian::valueno slot);
    // Maps a file written by write(); nullptr when it is missing, its header damaged,
    // or for another revision or slot.
    static std::unique_ptr<FacetColumns> load(const std::string &path, Xapian::rev revision, Xapian::valueno slot);
    // Writes to path + ".tmp", then renames: a reader sees the old file or the new one.
    void write(const std::string &path) const;
    ~FacetColumns();

    Xapian::rev revision() const { return revision_; }
    Xapian::valueno slot() const { return slot_; }
    size_t item_kinds() const { return values_.size(); }

    // Adds docid's items to counts (indexed by item id). A block whose checksum fails
    // marks the columns damaged(); its offsets and ids are never followed.
    void count(Xapian::docid docid, std::vector<uint32_t> &counts) const {
        if (size_t(docid) + 1 >= first_count_) return;
        if (block_hashes_ && !block_intact(docid / BLOCK_DOCS)) return;
        uint32_t begin = first_[docid], end = first_[docid + 1];
        if (end > item_count_ || begin > end) return;
        for (uint32_t i = begin; i < end; ++i)
            if (items_[i] < counts.size()) ++counts[items_[i]];
    }
    Facets facets(const std::vector<uint32_t> &counts) const;
    // True once a block failed its checksum: counts taken since are not to be used.
    bool damaged() const { return damaged_.load(std::memory_order_relaxed); }
    // Checks every block (the writer does, before trusting a file it would keep).
    bool intact() const;

    static constexpr size_t BLOCK_DOCS = 4096;

  private:
    FacetColumns() = default;
    bool block_intact(size_t block) const;
    // A block's hash: its documents' offsets (with the one after the last) and items.
    uint64_t block_hash(size_t block) const;
    size_t block_count() const { return first_count_ == 0 ? 0 : (first_count_ - 1 + BLOCK_DOCS - 1) / BLOCK_DOCS; }
    Xapian::rev revision_ = 0;
    Xapian::valueno slot_ = 0;
    std::vector<std::string> values_;  // item id → item
    // docid d's item ids are items_[first_[d] .. first_[d + 1]).
    const uint32_t *first_ = nullptr;
    size_t first_count_ = 0;
    const uint32_t *items_ = nullptr;
    size_t item_count_ = 0;
    std::vector<uint32_t> first_storage_, item_storage_;  // when built here
    // In a mapped file: each block's hash, and what checking found (0 not yet, 1 intact,
    // 2 damaged), shared by the searches of one handle.
    const char *block_hashes_ = nullptr;
    mutable std::unique_ptr<std::atomic<uint8_t>[]> block_states_;
    mutable std::atomic<bool> damaged_{false};
    void *mapping_ = nullptr;                             // when mapped from a file
    size_t mapping_size_ = 0;
};

class ColumnSpy : public Xapian::MatchSpy {
  public:
    explicit ColumnSpy(const FacetColumns &columns) : columns_(columns), counts_(columns.item_kinds()) {}
    void operator()(const Xapian::Document &doc, double) override { columns_.count(doc.get_docid(), counts_); }
    std::string name() const override { return "corpus.ColumnSpy"; }
    Facets facets() const { return columns_.facets(counts_); }
    std::vector<uint32_t> take_counts() { return std::move(counts_); }

  private:
    const FacetColumns &columns_;
    std::vector<uint32_t> counts_;
};

} // namespace corpus
