#include "facet_counting.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>
#include <stdexcept>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

namespace corpus {

namespace {

// The file: magic, revision, slot, then the item strings (length-prefixed, padded to
// 4 bytes), then first_ and items_ as counted uint32 arrays, then the blocks' hashes as
// a counted uint64 array, then the hash of everything before first_; all in native byte
// order (the file is a cache of this machine's index, rebuilt by the next ingest).
const char magic[8] = {'C', 'X', 'F', 'A', 'C', 'E', 'T', '3'};

// XXH3, 64 bits: a search reads the file's blocks whole, and zlib's CRC-32 of them
// was a twentieth of a one-process search at 100,000 records (a quarter of XXH3's speed).
uint64_t hash(uint64_t seed, const void *data, size_t n) { return XXH3_64bits_withSeed(data, n, seed); }

struct Reader {
    const char *at, *end;
    bool take(void *out, size_t n) {
        if (size_t(end - at) < n) return false;
        std::memcpy(out, at, n);
        at += n;
        return true;
    }
    bool align() {
        size_t pad = (4 - (reinterpret_cast<uintptr_t>(at) & 3)) & 3;
        if (size_t(end - at) < pad) return false;
        at += pad;
        return true;
    }
};

} // namespace

std::vector<std::string> split_items(const std::string &value) {
    std::vector<std::string> items;
    size_t start = 0;
    while (start < value.size()) {
        size_t end = value.find(CX_LIST_SEPARATOR, start);
        if (end == std::string::npos) end = value.size();
        std::string item = value.substr(start, end - start);
        size_t mark = item.find(CX_FACET_NAME_END);
        if (mark != std::string::npos && mark + 1 < item.size() &&
            std::find(items.begin(), items.end(), item) == items.end())
            items.push_back(std::move(item));
        start = end + 1;
    }
    return items;
}

Facets group_items(const std::map<std::string, uint32_t> &item_counts) {
    std::map<std::string, std::map<std::string, uint32_t>> by_facet;
    for (const auto &[item, n] : item_counts) {
        size_t mark = item.find(CX_FACET_NAME_END);
        by_facet[item.substr(0, mark)][item.substr(mark + 1)] += n;
    }
    Facets result;
    for (auto &[facet, values] : by_facet) {
        auto &sorted = result[facet];
        sorted.assign(values.begin(), values.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    }
    return result;
}

Facets FacetSpy::facets() const {
    std::map<std::string, uint32_t> item_counts;
    for (const auto &[value, n] : raw_)
        for (auto &item : split_items(value)) item_counts[item] += n;
    return group_items(item_counts);
}

std::unique_ptr<FacetColumns> FacetColumns::build(const Xapian::Database &db, Xapian::valueno slot) {
    std::unique_ptr<FacetColumns> columns(new FacetColumns());
    columns->revision_ = db.get_revision();
    columns->slot_ = slot;
    std::unordered_map<std::string, uint32_t> ids;
    auto &first = columns->first_storage_;
    auto &items = columns->item_storage_;
    Xapian::docid last = db.get_lastdocid();
    first.assign(size_t(last) + 2, 0);
    Xapian::docid previous = 0;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        Xapian::docid docid = it.get_docid();
        for (Xapian::docid d = previous + 1; d <= docid; ++d) first[d] = uint32_t(items.size());
        for (auto &item : split_items(*it)) {
            auto found = ids.find(item);
            if (found == ids.end()) {
                found = ids.emplace(item, uint32_t(columns->values_.size())).first;
                columns->values_.push_back(item);
            }
            items.push_back(found->second);
        }
        previous = docid;
    }
    for (size_t d = size_t(previous) + 1; d < first.size(); ++d) first[d] = uint32_t(items.size());
    columns->first_ = first.data();
    columns->first_count_ = first.size();
    columns->items_ = items.data();
    columns->item_count_ = items.size();
    return columns;
}

void FacetColumns::write(const std::string &path) const {
    // The header is put together first: its hash ends the file.
    std::string header(magic, sizeof magic);
    auto append = [&](const void *data, size_t n) { header.append(static_cast<const char *>(data), n); };
    uint64_t revision = revision_;
    uint32_t slot = slot_, value_count = uint32_t(values_.size());
    append(&revision, sizeof revision);
    append(&slot, sizeof slot);
    append(&value_count, sizeof value_count);
    for (const auto &value : values_) {
        uint32_t length = uint32_t(value.size());
        append(&length, sizeof length);
        header += value;
    }
    header.append((4 - (header.size() & 3)) & 3, '\0');
    std::vector<uint64_t> block_hashes(block_count());
    for (size_t b = 0; b < block_hashes.size(); ++b) block_hashes[b] = block_hash(b);
    uint64_t header_hash = hash(0, header.data(), header.size());

    std::string temporary = path + ".tmp";
    FILE *out = std::fopen(temporary.c_str(), "wb");
    if (!out) throw std::runtime_error("cannot write " + temporary + ": " + std::strerror(errno));
    bool ok = true;
    auto put = [&](const void *data, size_t n) { ok = ok && std::fwrite(data, 1, n, out) == n; };
    auto put_array = [&](const uint32_t *data, size_t count) {
        uint32_t n = uint32_t(count);
        put(&n, sizeof n);
        put(data, count * sizeof(uint32_t));
    };
    put(header.data(), header.size());
    put_array(first_, first_count_);
    put_array(items_, item_count_);
    uint32_t block_count = uint32_t(block_hashes.size());
    put(&block_count, sizeof block_count);
    put(block_hashes.data(), block_hashes.size() * sizeof(uint64_t));
    put(&header_hash, sizeof header_hash);
    ok = (std::fclose(out) == 0) && ok;
    if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
}

std::unique_ptr<FacetColumns> FacetColumns::load(const std::string &path, Xapian::rev revision, Xapian::valueno slot) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return nullptr;
    struct stat info;
    void *mapping = MAP_FAILED;
    if (::fstat(fd, &info) == 0 && info.st_size > 0)
        mapping = ::mmap(nullptr, size_t(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping == MAP_FAILED) return nullptr;
    std::unique_ptr<FacetColumns> columns(new FacetColumns());
    columns->mapping_ = mapping;
    columns->mapping_size_ = size_t(info.st_size);
    Reader in{static_cast<const char *>(mapping), static_cast<const char *>(mapping) + info.st_size};
    char found_magic[8];
    uint64_t found_revision;
    uint32_t found_slot, value_count, first_count, item_count;
    if (!in.take(found_magic, 8) || std::memcmp(found_magic, magic, 8) != 0 || !in.take(&found_revision, 8) ||
        found_revision != revision || !in.take(&found_slot, 4) || found_slot != slot || !in.take(&value_count, 4))
        return nullptr;
    for (uint32_t i = 0; i < value_count; ++i) {
        uint32_t length;
        if (!in.take(&length, 4) || size_t(in.end - in.at) < length) return nullptr;
        columns->values_.emplace_back(in.at, length);
        in.at += length;
    }
    if (!in.align()) return nullptr;
    size_t header_size = size_t(in.at - static_cast<const char *>(mapping));
    if (!in.take(&first_count, 4) || size_t(in.end - in.at) / 4 < first_count) return nullptr;
    columns->first_ = reinterpret_cast<const uint32_t *>(in.at);
    in.at += size_t(first_count) * 4;
    if (!in.take(&item_count, 4) || size_t(in.end - in.at) / 4 < item_count) return nullptr;
    columns->items_ = reinterpret_cast<const uint32_t *>(in.at);
    in.at += size_t(item_count) * 4;
    columns->first_count_ = first_count;
    columns->item_count_ = item_count;
    uint32_t block_count;
    uint64_t header_hash;
    if (!in.take(&block_count, 4) || block_count != columns->block_count() || size_t(in.end - in.at) / 8 < block_count)
        return nullptr;
    columns->block_hashes_ = in.at;
    in.at += size_t(block_count) * 8;
    if (!in.take(&header_hash, 8) || in.at != in.end || hash(0, mapping, header_size) != header_hash) return nullptr;
    // The blocks are checked as searches first read them (count()): checking them here
    // would read the whole file, where a query needs only the pages of its matches.
    columns->block_states_.reset(new std::atomic<uint8_t>[block_count]());
    columns->revision_ = revision;
    columns->slot_ = slot;
    return columns;
}

uint64_t FacetColumns::block_hash(size_t block) const {
    size_t start = block * BLOCK_DOCS, end = std::min(start + BLOCK_DOCS, first_count_ - 1);
    uint64_t offsets = hash(0, first_ + start, (end - start + 1) * sizeof(uint32_t));
    return hash(offsets, items_ + first_[start], size_t(first_[end] - first_[start]) * sizeof(uint32_t));
}

bool FacetColumns::block_intact(size_t block) const {
    auto &state = block_states_[block];
    uint8_t known = state.load(std::memory_order_acquire);
    if (known == 0) {
        size_t start = block * BLOCK_DOCS, end = std::min(start + BLOCK_DOCS, first_count_ - 1);
        bool bounded = first_[start] <= first_[end] && first_[end] <= item_count_;
        uint64_t stored;  // (the hashes follow uint32 arrays: not always 8-aligned)
        std::memcpy(&stored, block_hashes_ + block * 8, 8);
        known = bounded && block_hash(block) == stored ? 1 : 2;
        state.store(known, std::memory_order_release);
    }
    if (known == 2) damaged_.store(true, std::memory_order_relaxed);
    return known == 1;
}

bool FacetColumns::intact() const {
    if (!block_hashes_) return true;
    bool all = true;
    for (size_t b = 0; b < block_count(); ++b) all = block_intact(b) && all;
    return all;
}

FacetColumns::~FacetColumns() {
    if (mapping_) ::munmap(mapping_, mapping_size_);
}

Facets FacetColumns::facets(const std::vector<uint32_t> &counts) const {
    std::map<std::string, uint32_t> item_counts;
    for (size_t id = 0; id < counts.size(); ++id)
        if (counts[id] > 0) item_counts[values_[id]] = counts[id];
    return group_items(item_counts);
}

} // namespace corpus
