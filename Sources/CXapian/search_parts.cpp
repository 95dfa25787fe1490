#include "search_parts.hpp"

#include <algorithm>
#include <memory>

namespace corpus {

namespace {

// The documents of one part of a database's id range, as a boolean filter.
class PartRange : public Xapian::PostingSource {
  public:
    PartRange(unsigned part, unsigned parts) : part_(part), parts_(parts) {}

    void init(const Xapian::Database &db) override {
        uint64_t last = db.get_lastdocid();
        begin_ = Xapian::docid(1 + last * part_ / parts_);
        end_ = Xapian::docid(1 + last * (part_ + 1) / parts_);
        current_ = 0;
    }
    // (Ids of deleted documents are in the range: the query it filters has none of them.)
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return end_ - begin_; }
    Xapian::doccount get_termfreq_max() const override { return end_ - begin_; }
    Xapian::docid get_docid() const override { return current_; }
    void next(double) override { current_ = current_ == 0 ? begin_ : current_ + 1; }
    void skip_to(Xapian::docid id, double) override { current_ = std::max({current_, id, begin_}); }
    bool at_end() const override { return current_ >= end_; }
    Xapian::PostingSource *clone() const override { return new PartRange(part_, parts_); }
    std::string get_description() const override {
        return "corpus.PartRange(" + std::to_string(part_) + "/" + std::to_string(parts_) + ")";
    }

  private:
    unsigned part_, parts_;
    Xapian::docid begin_ = 1, end_ = 1, current_ = 0;
};

} // namespace

Xapian::MSet search_part(const Xapian::Database &db, const Xapian::Query &query, const PartSearch &search,
                         PartAnswer &answer) {
    Xapian::Enquire enquire(db);
    if (search.parts > 1)
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                        Xapian::Query((new PartRange(search.part, search.parts))->release())));
    else
        enquire.set_query(query);
    if (search.sort_slot >= 0)
        enquire.set_sort_by_value_then_relevance(static_cast<Xapian::valueno>(search.sort_slot), search.sort_descending);
    std::unique_ptr<ColumnSpy> spy;
    if (search.columns) {
        spy = std::make_unique<ColumnSpy>(*search.columns);
        enquire.add_matchspy(spy.get());
    }
    // Visiting every document makes the total and the facet counts exact.
    Xapian::MSet mset = enquire.get_mset(0, search.wanted, db.get_doccount());
    answer.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it)
        answer.hits.push_back({*it, it.get_weight(), search.sort_slot >= 0 ? it.get_sort_key() : std::string()});
    if (spy) answer.item_counts = spy->take_counts();
    enquire.clear_matchspies();
    return mset;
}

std::vector<PartHit> merge_parts(std::vector<PartAnswer> &answers, const PartSearch &search, Xapian::doccount offset,
                                 Xapian::doccount limit) {
    std::vector<PartHit> hits;
    PartAnswer &sum = answers.front();
    for (size_t p = 0; p < answers.size(); ++p) {
        hits.insert(hits.end(), answers[p].hits.begin(), answers[p].hits.end());
        if (p == 0) continue;
        sum.total += answers[p].total;
        for (size_t i = 0; i < sum.item_counts.size() && i < answers[p].item_counts.size(); ++i)
            sum.item_counts[i] += answers[p].item_counts[i];
    }
    // Xapian's order: the sort key (either way), then weight, then ascending id.
    bool by_key = search.sort_slot >= 0, descending = search.sort_descending;
    std::sort(hits.begin(), hits.end(), [&](const PartHit &a, const PartHit &b) {
        if (by_key && a.sort_key != b.sort_key) return descending ? a.sort_key > b.sort_key : a.sort_key < b.sort_key;
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.id < b.id;
    });
    size_t begin = std::min<size_t>(offset, hits.size()), end = std::min<size_t>(size_t(offset) + limit, hits.size());
    return std::vector<PartHit>(hits.begin() + begin, hits.begin() + end);
}

} // namespace corpus
