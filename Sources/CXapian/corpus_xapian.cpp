// The C API of corpus_xapian.h over Xapian. Each entry point catches every exception
// and turns it into a status and a message: nothing C++ crosses into Swift.
#include "corpus_xapian.h"
#include "facet_counting.hpp"
#include "search_parts.hpp"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <exception>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

struct cx_db {
    std::unique_ptr<Xapian::Database> read;
    Xapian::WritableDatabase *write = nullptr; // points into read when writable
    // The databases read is made of, each as its stub named it (one for an index
    // folder): their metadata is read one by one, and a shard that stops answering
    // is named.
    std::vector<Xapian::Database> shards;
    std::vector<std::string> shard_names;
    std::vector<bool> shard_remote;
    // A local shard's folder (relative paths resolved against the stub's); "" for remote.
    std::vector<std::string> shard_paths;

    // The shard a document of read is in: Xapian numbers the documents of several
    // databases in turn, one from each.
    size_t shard_of(Xapian::docid id) const { return (id - 1) % shards.size(); }

    // The remote shards that do not answer now, as "HOST:PORT (why)", joined by "; ".
    std::string unanswering() {
        std::string named;
        for (size_t i = 0; i < shards.size(); ++i) {
            if (!shard_remote[i]) continue;
            try {
                shards[i].keep_alive();
            } catch (const Xapian::Error &e) {
                named += (named.empty() ? "" : "; ") + shard_names[i] + " (" + e.get_msg() + ")";
            }
        }
        return named;
    }
    // Facet columns (cx_db_use_facet_columns): where to look, whether to build, and
    // the columns for the revision last searched.
    std::string columns_path;
    bool build_columns = false;
    std::unique_ptr<corpus::FacetColumns> columns;
    // The revision and slot last looked up, found or not: a missing or stale file is
    // tried once per revision, not on every search.
    Xapian::rev looked_up_revision = 0;
    Xapian::valueno looked_up_slot = Xapian::BAD_VALUENO;

    const corpus::FacetColumns *columns_for(Xapian::valueno slot) {
        if (columns_path.empty()) return nullptr;
        Xapian::rev revision = read->get_revision();
        if (revision == looked_up_revision && slot == looked_up_slot) return columns.get();
        columns = corpus::FacetColumns::load(columns_path, revision, slot);
        if (!columns && build_columns) columns = corpus::FacetColumns::build(*read, slot);
        looked_up_revision = revision;
        looked_up_slot = slot;
        return columns.get();
    }

    // Searching in parts (search_parts.hpp): the index folder read reads ("" when parts
    // cannot be searched: a writer, a list of shards), a handle for each part after the
    // first, and the parts set by cx_db_set_search_parts (0: chosen here).
    std::string folder;
    std::vector<std::unique_ptr<Xapian::Database>> part_handles;
    unsigned parts_set = 0;
    // (Below this many documents a part, starting a thread costs more than it saves.)
    static constexpr Xapian::doccount PART_DOCS = 25000;

    unsigned parts_for_search() const {
        if (folder.empty()) return 1;
        if (parts_set > 0) return parts_set;
        unsigned cores = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
        return std::clamp(unsigned(read->get_doccount() / PART_DOCS), 1u, cores);
    }

    // True when each part after the first has a handle at the revision read reads (one
    // opened or reopened since may be at a later one: then this search is not split).
    bool ready_part_handles(unsigned parts) {
        while (part_handles.size() + 1 < parts) part_handles.push_back(std::make_unique<Xapian::Database>(folder));
        for (unsigned p = 0; p + 1 < parts; ++p) {
            Xapian::Database &handle = *part_handles[p];
            if (handle.get_revision() != read->get_revision()) handle.reopen();
            if (handle.get_revision() != read->get_revision()) return false;
        }
        return true;
    }
};

// English stems remembered, per thread: a release repeats the same few thousand words, and
// Snowball stemming each occurrence was a twentieth of reading a message. Emptied when
// full, so memory stays bounded. (One instance per document: Xapian's reference counts
// are not atomic, so instances are not shared across threads; their memory is per thread.)
class RememberedStem : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string &word) override {
        thread_local Xapian::Stem english("english");
        thread_local std::unordered_map<std::string, std::string> known;
        auto found = known.find(word);
        if (found != known.end()) return found->second;
        if (known.size() >= 50000) known.clear();
        std::string stem = english(word);
        known.emplace(word, stem);
        return stem;
    }
    std::string get_description() const override { return "Xapian::Stem(english), remembered"; }
};

struct cx_doc {
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    cx_doc() {
        generator.set_stemmer(Xapian::Stem(new RememberedStem));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        // Chinese, Japanese and Korean are written without spaces: their characters
        // and pairs of them are terms, so that a name in them can be searched.
        generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        generator.set_document(doc);
    }
};

struct cx_query {
    Xapian::Query query;
};

namespace {

// A malloc'd copy for the caller to free; NULL when memory is short.
char *copy_string_or_null(const std::string &s) noexcept {
    char *out = static_cast<char *>(std::malloc(s.size() + 1));
    if (out) {
        std::memcpy(out, s.data(), s.size());
        out[s.size()] = '\0';
    }
    return out;
}

// As above, inside `guarded`: no memory is an error with a status, never a NULL result.
char *copy_string(const std::string &s) {
    char *out = copy_string_or_null(s);
    if (!out) throw std::bad_alloc();
    return out;
}

// (With no memory for the message, the caller still gets the status.)
cx_status fail(char **error, cx_status status, const std::string &message) {
    if (error) *error = copy_string_or_null(message);
    return status;
}

// Runs body, mapping Xapian's exceptions to statuses.
template <typename Body> cx_status guarded(char **error, Body body) {
    try {
        return body();
    } catch (const Xapian::DatabaseLockError &e) {
        return fail(error, CX_ERR_LOCKED, "the index is in use by another corpus process (" + e.get_msg() + ")");
    } catch (const Xapian::DocNotFoundError &e) {
        return fail(error, CX_ERR_NOT_FOUND, e.get_msg());
    } catch (const Xapian::QueryParserError &e) {
        return fail(error, CX_ERR_QUERY, e.get_msg());
    } catch (const Xapian::DatabaseModifiedError &e) {
        return fail(error, CX_ERR_MODIFIED, e.get_msg());
    } catch (const Xapian::NetworkError &e) {
        return fail(error, CX_ERR_SHARD, e.get_type() + std::string(": ") + e.get_msg());
    } catch (const Xapian::DatabaseError &e) {
        // (Xapian keeps the errno of a failed write as its error string.)
        const char *cause = e.get_error_string();
        if (cause && std::strcmp(cause, std::strerror(ENOSPC)) == 0)
            return fail(error, CX_ERR_DISK_FULL, e.get_msg() + " (" + cause + ")");
        return fail(error, CX_ERR_DATABASE, e.get_type() + std::string(": ") + e.get_msg() + (cause ? std::string(" (") + cause + ")" : ""));
    } catch (const Xapian::Error &e) {
        return fail(error, CX_ERR_OTHER, e.get_type() + std::string(": ") + e.get_msg());
    } catch (const std::exception &e) {
        return fail(error, CX_ERR_OTHER, e.what());
    } catch (...) {
        return fail(error, CX_ERR_OTHER, "unknown error in Xapian");
    }
}

// As above, for a call on db: a shard that stopped answering is named.
template <typename Body> cx_status guarded(cx_db *db, char **error, Body body) {
    cx_status status = guarded(error, body);
    if (status == CX_ERR_SHARD && error && *error) {
        std::string named = db->unanswering();
        std::string message = (named.empty() ? std::string("a shard stopped answering") : "shard " + named + " does not answer") +
                              " (" + *error + ")";
        std::free(*error);
        *error = copy_string_or_null(message);
    }
    return status;
}

} // namespace

struct cx_results {
    Xapian::MSet mset; // (searched in parts: the first part's, for snippets)
    Xapian::doccount total = 0;
    unsigned parts = 1;
    std::vector<std::string> data;
    std::vector<size_t> shards;
    std::vector<std::string> facet_names;
    std::vector<std::vector<std::pair<std::string, uint32_t>>> facets;

    void set_facets(corpus::Facets counted) {
        for (auto &[facet, values] : counted) {
            facet_names.push_back(facet);
            facets.push_back(std::move(values));
        }
    }
};

struct cx_matches {
    cx_db *db;
    std::vector<Xapian::docid> ids;
    size_t next = 0;
    std::string current;
};

namespace {

// cx_search over db's parts, one thread each (search_parts.hpp) and this one; nullptr
// when the facet columns turned out damaged (the caller counts again from the slot).
std::unique_ptr<cx_results> search_in_parts(cx_db *db, const Xapian::Query &query, const cx_search_options &options,
                                            const corpus::FacetColumns *columns, unsigned parts) {
    corpus::PartSearch search;
    search.parts = parts;
    search.wanted = Xapian::doccount(std::min<uint64_t>(uint64_t(options.offset) + options.limit, db->read->get_doccount()));
    search.sort_slot = options.sort_slot;
    search.sort_descending = options.sort_descending != 0;
    search.columns = columns;
    // (A query's reference counts are not atomic: each thread gets a copy of its own.)
    std::string serialised = query.serialise();
    std::vector<Xapian::Query> copies;
    for (unsigned p = 1; p < parts; ++p) copies.push_back(Xapian::Query::unserialise(serialised));
    std::vector<corpus::PartAnswer> answers(parts);
    std::vector<std::exception_ptr> errors(parts);
    auto search_part = [&](unsigned p) {
        try {
            corpus::PartSearch part = search;
            part.part = p;
            corpus::search_part(*db->part_handles[p - 1], copies[p - 1], part, answers[p]);
        } catch (...) {
            errors[p] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned p = 1; p < parts; ++p) {
        try {
            threads.emplace_back(search_part, p);
        } catch (const std::system_error &) {
            search_part(p); // (no thread to be had: this one does it)
        }
    }
    auto results = std::make_unique<cx_results>();
    try {
        results->mset = corpus::search_part(*db->read, query, search, answers[0]);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto &thread : threads) thread.join();
    for (auto &error : errors)
        if (error) std::rethrow_exception(error);
    if (columns && columns->damaged()) return nullptr;
    for (const auto &hit : corpus::merge_parts(answers, search, options.offset, options.limit)) {
        results->data.push_back(db->read->get_document(hit.id).get_data());
        results->shards.push_back(db->shard_of(hit.id));
    }
    results->total = answers[0].total;
    results->parts = parts;
    if (columns) results->set_facets(columns->facets(answers[0].item_counts));
    return results;
}

} // namespace

extern "C" {

void cx_free_string(char *s) { std::free(s); }

// ---- database ----------------------------------------------------------------

cx_status cx_db_open(const char *path, int writable, cx_db **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        auto db = std::make_unique<cx_db>();
        if (writable) {
            auto *w = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
            db->read.reset(w);
            db->write = w;
        } else {
            db->read = std::make_unique<Xapian::Database>(path);
            db->folder = path;
        }
        db->shards.push_back(*db->read);
        db->shard_names.push_back(path);
        db->shard_remote.push_back(false);
        *out = db.release();
        return CX_OK;
    });
}

cx_status cx_db_open_shards(const char *stub, uint32_t timeout_ms, int allow_partial, cx_db **out, char **missing,
                            char **error) {
    *out = nullptr;
    *missing = nullptr;
    return guarded(error, [&] {
        std::ifstream file(stub);
        if (!file) return fail(error, CX_ERR_DATABASE, std::string("cannot read the shard list ") + stub);
        std::string folder(stub);
        folder = folder.find('/') == std::string::npos ? "." : folder.substr(0, folder.rfind('/'));
        auto db = std::make_unique<cx_db>();
        std::string skipped;
        std::string line;
        for (int number = 1; std::getline(file, line); ++number) {
            line.erase(0, line.find_first_not_of(" \t"));
            line.erase(line.find_last_not_of(" \t\r") + 1);
            if (line.empty() || line[0] == '#') continue;
            std::string type = line.substr(0, line.find(' '));
            std::string where = line.size() > type.size() ? line.substr(type.size() + 1) : "";
            where.erase(0, where.find_first_not_of(" \t"));
            bool remote = type == "remote";
            if ((type != "auto" && type != "glass" && !remote) || where.empty())
                return fail(error, CX_ERR_DATABASE, std::string(stub) + ": line " + std::to_string(number) +
                                                        ": expected 'auto PATH' or 'remote HOST:PORT', not '" + line + "'");
            std::string name = where;
            std::string path = remote || where[0] == '/' ? where : folder + "/" + where;
            try {
                if (remote) {
                    auto colon = where.rfind(':');
                    if (colon == std::string::npos || colon + 1 == where.size())
                        return fail(error, CX_ERR_DATABASE, std::string(stub) + ": line " + std::to_string(number) + ": a remote shard is HOST:PORT, not '" + where + "'");
                    std::string host = where.substr(0, colon);
                    if (host.size() > 1 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
                    unsigned port = static_cast<unsigned>(std::strtoul(where.c_str() + colon + 1, nullptr, 10));
                    db->shards.push_back(Xapian::Remote::open(host, port, timeout_ms, timeout_ms));
                } else {
                    db->shards.push_back(Xapian::Database(path));
                }
            } catch (const Xapian::Error &e) {
                if (!allow_partial)
                    return fail(error, remote ? CX_ERR_SHARD : CX_ERR_DATABASE,
                                "shard " + name + " cannot be opened (" + e.get_type() + ": " + e.get_msg() + ")");
                skipped += (skipped.empty() ? "" : "\n") + name + " (" + e.get_msg() + ")";
                continue;
            }
            db->shard_names.push_back(name);
            db->shard_remote.push_back(remote);
            db->shard_paths.push_back(remote ? "" : path);
        }
        if (db->shards.empty())
            return fail(error, CX_ERR_DATABASE, std::string(stub) + " lists no shard that could be opened" + (skipped.empty() ? "" : ": " + skipped));
        db->read = std::make_unique<Xapian::Database>();
        for (auto &shard : db->shards) db->read->add_database(shard);
        *missing = copy_string(skipped);
        *out = db.release();
        return CX_OK;
    });
}

size_t cx_db_shard_count(const cx_db *db) { return db->shards.size(); }

const char *cx_db_shard_name(const cx_db *db, size_t shard) { return db->shard_names[shard].c_str(); }

const char *cx_db_shard_path(const cx_db *db, size_t shard) {
    return shard < db->shard_paths.size() && !db->shard_paths[shard].empty() ? db->shard_paths[shard].c_str() : nullptr;
}

cx_status cx_db_shard_metadata(cx_db *db, size_t shard, const char *key, char **value, char **error) {
    *value = nullptr;
    return guarded(db, error, [&] {
        *value = copy_string(db->shards[shard].get_metadata(key));
        return CX_OK;
    });
}

cx_status cx_db_close(cx_db *db, char **error) {
    return guarded(db, error, [&] {
        db->read->close();
        return CX_OK;
    });
}

void cx_db_free(cx_db *db) {
    if (!db) return;
    try {
        db->read->close();
    } catch (...) {
        // (Reported only by cx_db_close: a destructor-like call has no one to tell.)
    }
    delete db;
}

cx_status cx_db_reopen(cx_db *db, char **error) {
    return guarded(db, error, [&] {
        db->read->reopen();
        return CX_OK;
    });
}

cx_status cx_db_write_facet_columns(cx_db *db, uint32_t slot, const char *path, char **error) {
    return guarded(db, error, [&] {
        auto existing = corpus::FacetColumns::load(path, db->read->get_revision(), slot);
        if (existing && existing->intact()) return CX_OK;
        try {
            corpus::FacetColumns::build(*db->read, slot)->write(path);
        } catch (const std::runtime_error &e) {
            return fail(error, CX_ERR_OTHER, e.what());
        }
        return CX_OK;
    });
}

cx_status cx_db_facet_columns_current(cx_db *db, uint32_t slot, const char *path, int *current, char **error) {
    *current = 0;
    return guarded(db, error, [&] {
        auto existing = corpus::FacetColumns::load(path, db->read->get_revision(), slot);
        *current = existing && existing->intact() ? 1 : 0;
        return CX_OK;
    });
}

cx_status cx_db_use_facet_columns(cx_db *db, const char *path, int build, char **error) {
    return guarded(db, error, [&] {
        db->columns_path = path;
        db->build_columns = build != 0;
        db->columns.reset();
        db->looked_up_slot = Xapian::BAD_VALUENO;
        return CX_OK;
    });
}

void cx_db_set_search_parts(cx_db *db, uint32_t parts) { db->parts_set = parts; }

cx_status cx_db_doc_count(cx_db *db, uint32_t *out, char **error) {
    return guarded(db, error, [&] {
        *out = db->read->get_doccount();
        return CX_OK;
    });
}

static cx_status need_writable(cx_db *db, char **error) {
    return db->write ? CX_OK : fail(error, CX_ERR_OTHER, "the index was opened read-only");
}

cx_status cx_db_begin(cx_db *db, char **error) {
    if (need_writable(db, error) != CX_OK) return CX_ERR_OTHER;
    return guarded(db, error, [&] {
        db->write->begin_transaction();
        return CX_OK;
    });
}

cx_status cx_db_commit(cx_db *db, char **error) {
    if (need_writable(db, error) != CX_OK) return CX_ERR_OTHER;
    return guarded(db, error, [&] {
        db->write->commit_transaction();
        return CX_OK;
    });
}

cx_status cx_db_term_exists(cx_db *db, const char *term, int *out, char **error) {
    return guarded(db, error, [&] {
        *out = db->read->term_exists(term) ? 1 : 0;
        return CX_OK;
    });
}

cx_status cx_db_replace(cx_db *db, const char *id_term, cx_doc *doc, char **error) {
    if (need_writable(db, error) != CX_OK) return CX_ERR_OTHER;
    return guarded(db, error, [&] {
        doc->doc.add_boolean_term(id_term);
        db->write->replace_document(id_term, doc->doc);
        return CX_OK;
    });
}

cx_status cx_db_add(cx_db *db, const char *id_term, cx_doc *doc, char **error) {
    if (need_writable(db, error) != CX_OK) return CX_ERR_OTHER;
    return guarded(db, error, [&] {
        doc->doc.add_boolean_term(id_term);
        db->write->add_document(doc->doc);
        return CX_OK;
    });
}

cx_status cx_db_data_for_term(cx_db *db, const char *id_term, char **data, size_t *len, char **error) {
    *data = nullptr;
    *len = 0;
    return guarded(db, error, [&] {
        Xapian::PostingIterator it = db->read->postlist_begin(id_term);
        if (it == db->read->postlist_end(id_term))
            return fail(error, CX_ERR_NOT_FOUND, std::string("no record ") + id_term);
        std::string blob = db->read->get_document(*it).get_data();
        *data = copy_string(blob);
        *len = blob.size();
        return CX_OK;
    });
}

cx_status cx_db_slot_values_of_first(cx_db *db, const char *const *terms, size_t count, uint32_t slot, char **values,
                                     char **error) {
    *values = nullptr;
    return guarded(db, error, [&] {
        std::set<std::string> found;
        for (size_t i = 0; i < count; ++i) {
            auto it = db->read->postlist_begin(terms[i]);
            if (it == db->read->postlist_end(terms[i])) continue;
            std::string value = db->read->get_document(*it).get_value(slot);
            if (!value.empty()) found.insert(value);
        }
        std::string joined;
        for (const auto &value : found) {
            if (!joined.empty()) joined += CX_LIST_SEPARATOR;
            joined += value;
        }
        *values = copy_string(joined);
        return CX_OK;
    });
}

cx_status cx_db_terms_with_prefix(cx_db *db, const char *prefix, size_t limit, char **terms, char **error) {
    *terms = nullptr;
    return guarded(db, error, [&] {
        std::string joined;
        size_t taken = 0;
        const size_t length = std::strlen(prefix);
        for (auto it = db->read->allterms_begin(prefix); it != db->read->allterms_end(prefix) && taken < limit; ++it, ++taken) {
            if (taken > 0) joined += CX_LIST_SEPARATOR;
            joined += (*it).substr(length);
        }
        *terms = copy_string(joined);
        return CX_OK;
    });
}

cx_status cx_db_value_freq(cx_db *db, uint32_t slot, uint32_t *out, char **error) {
    *out = 0;
    return guarded(db, error, [&] {
        *out = db->read->get_value_freq(slot);
        return CX_OK;
    });
}

cx_status cx_db_set_metadata(cx_db *db, const char *key, const char *value, char **error) {
    if (need_writable(db, error) != CX_OK) return CX_ERR_OTHER;
    return guarded(db, error, [&] {
        db->write->set_metadata(key, value);
        return CX_OK;
    });
}

cx_status cx_db_get_metadata(cx_db *db, const char *key, char **value, char **error) {
    *value = nullptr;
    return guarded(db, error, [&] {
        *value = copy_string(db->read->get_metadata(key));
        return CX_OK;
    });
}

// ---- documents ---------------------------------------------------------------

cx_status cx_doc_new(cx_doc **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        *out = new cx_doc();
        return CX_OK;
    });
}

void cx_doc_free(cx_doc *doc) { delete doc; }

cx_status cx_doc_index_text(cx_doc *doc, const char *text, const char *prefix, int stem, char **error) {
    return guarded(error, [&] {
        doc->generator.set_stemming_strategy(stem ? Xapian::TermGenerator::STEM_SOME : Xapian::TermGenerator::STEM_NONE);
        doc->generator.index_text(text, 1, prefix);
        doc->generator.increase_termpos(100);
        return CX_OK;
    });
}

cx_status cx_doc_add_term(cx_doc *doc, const char *term, char **error) {
    return guarded(error, [&] {
        doc->doc.add_boolean_term(term);
        return CX_OK;
    });
}

cx_status cx_doc_set_value(cx_doc *doc, uint32_t slot, const char *bytes, size_t len, char **error) {
    return guarded(error, [&] {
        doc->doc.add_value(slot, std::string(bytes, len));
        return CX_OK;
    });
}

cx_status cx_doc_set_data(cx_doc *doc, const char *bytes, size_t len, char **error) {
    return guarded(error, [&] {
        doc->doc.set_data(std::string(bytes, len));
        return CX_OK;
    });
}

cx_status cx_doc_replace_in_data(cx_doc *doc, const char *from, const char *to, int *replaced, char **error) {
    *replaced = 0;
    return guarded(error, [&] {
        std::string data = doc->doc.get_data();
        size_t at = data.find(from);
        if (at != std::string::npos) {
            data.replace(at, std::strlen(from), to);
            doc->doc.set_data(data);
            *replaced = 1;
        }
        return CX_OK;
    });
}

// ---- queries -----------------------------------------------------------------

cx_status cx_query_text(cx_db *db, const char *text, const char *prefix, int stem, cx_query **out, char **error) {
    *out = nullptr;
    return guarded(db, error, [&] {
        Xapian::QueryParser parser;
        parser.set_database(*db->read);
        parser.set_stemmer(Xapian::Stem("english"));
        parser.set_stemming_strategy(stem ? Xapian::QueryParser::STEM_SOME : Xapian::QueryParser::STEM_NONE);
        parser.set_default_op(Xapian::Query::OP_AND);
        Xapian::Query q = parser.parse_query(text, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM, prefix);
        if (q.empty()) return fail(error, CX_ERR_QUERY, std::string("nothing searchable in \"") + text + "\"");
        *out = new cx_query{q};
        return CX_OK;
    });
}

cx_status cx_query_term(const char *term, cx_query **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        *out = new cx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), 0.0)};
        return CX_OK;
    });
}

cx_status cx_query_value_range(uint32_t slot, const char *low, const char *high, cx_query **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        if (low && high) *out = new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high)};
        else if (low) *out = new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low)};
        else if (high) *out = new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high)};
        else *out = new cx_query{Xapian::Query::MatchAll};
        return CX_OK;
    });
}

cx_status cx_query_match_all(cx_query **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        *out = new cx_query{Xapian::Query::MatchAll};
        return CX_OK;
    });
}

cx_status cx_query_combine(cx_op op, const cx_query *left, const cx_query *right, cx_query **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        Xapian::Query::op xop = op == CX_OP_AND  ? Xapian::Query::OP_AND
                                : op == CX_OP_OR ? Xapian::Query::OP_OR
                                                 : Xapian::Query::OP_AND_NOT;
        *out = new cx_query{Xapian::Query(xop, left->query, right->query)};
        return CX_OK;
    });
}

void cx_query_free(cx_query *query) { delete query; }

cx_status cx_query_describe(const cx_query *query, char **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        *out = copy_string(query->query.get_description());
        return CX_OK;
    });
}

// ---- searching ---------------------------------------------------------------


cx_status cx_search(cx_db *db, const cx_query *query, const cx_search_options *options, cx_results **out,
                    char **error) {
    *out = nullptr;
    return guarded(db, error, [&] {
        // A search that counts facets from columns, in a big enough index folder, in parts.
        unsigned parts = options->facet_slot >= 0 && options->item_slots == 0 ? db->parts_for_search() : 1;
        if (parts > 1) {
            const corpus::FacetColumns *columns = db->columns_for(static_cast<Xapian::valueno>(options->facet_slot));
            if (columns && db->ready_part_handles(parts))
                if (auto results = search_in_parts(db, query->query, *options, columns, parts)) {
                    *out = results.release();
                    return CX_OK;
                }
        }
        Xapian::Enquire enquire(*db->read);
        enquire.set_query(query->query);
        if (options->sort_slot >= 0)
            enquire.set_sort_by_value_then_relevance(static_cast<Xapian::valueno>(options->sort_slot),
                                                     options->sort_descending != 0);
        // Facets from the columns when there are some for this revision, else from the slot.
        std::unique_ptr<corpus::ColumnSpy> column_spy;
        std::unique_ptr<corpus::FacetSpy> slot_spy;
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> item_spies;
        if (options->item_slots > 0) {
            for (uint32_t i = 0; i < options->item_slots; ++i) {
                item_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(options->item_slot_base + i));
                enquire.add_matchspy(item_spies.back().get());
            }
        } else if (options->facet_slot >= 0) {
            auto slot = static_cast<Xapian::valueno>(options->facet_slot);
            if (const auto *columns = db->columns_for(slot)) {
                column_spy = std::make_unique<corpus::ColumnSpy>(*columns);
                enquire.add_matchspy(column_spy.get());
            } else {
                slot_spy = std::make_unique<corpus::FacetSpy>(slot);
                enquire.add_matchspy(slot_spy.get());
            }
        }
        // Visiting every document makes the total and the facet counts exact.
        Xapian::doccount everything = db->read->get_doccount();
        auto results = std::make_unique<cx_results>();
        // (Over remote shards, spies asked for a page in value order count some matches
        // twice: they count in a match of their own, which asks for no page.)
        if (!item_spies.empty() && options->limit > 0) {
            enquire.get_mset(0, 0, everything);
            enquire.clear_matchspies();
        }
        results->mset = enquire.get_mset(options->offset, options->limit, everything);
        // A columns block that failed its checksum: this handle stops using the file
        // (columns built in memory when it may build them), and the counts come again
        // from the slot. The next ingest writes the file anew.
        if (column_spy && db->columns->damaged()) {
            auto slot = static_cast<Xapian::valueno>(options->facet_slot);
            enquire.clear_matchspies();
            column_spy.reset();
            db->columns = db->build_columns ? corpus::FacetColumns::build(*db->read, slot) : nullptr;
            slot_spy = std::make_unique<corpus::FacetSpy>(slot);
            enquire.add_matchspy(slot_spy.get());
            results->mset = enquire.get_mset(options->offset, options->limit, everything);
        }
        results->total = results->mset.get_matches_estimated();
        for (auto it = results->mset.begin(); it != results->mset.end(); ++it) {
            results->data.push_back(it.get_document().get_data());
            results->shards.push_back(db->shard_of(*it));
        }
        if (!item_spies.empty()) {
            // (A document's items are distinct: summed over the slots, each counts it once.)
            std::map<std::string, uint32_t> item_counts;
            for (const auto &spy : item_spies)
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it) item_counts[*it] += it.get_termfreq();
            results->set_facets(corpus::group_items(item_counts));
        } else if (column_spy || slot_spy) {
            results->set_facets(column_spy ? column_spy->facets() : slot_spy->facets());
        }
        enquire.clear_matchspies();
        *out = results.release();
        return CX_OK;
    });
}

cx_status cx_matches_open(cx_db *db, const cx_query *query, int32_t sort_slot, int sort_descending,
                          cx_matches **out, char **error) {
    *out = nullptr;
    return guarded(db, error, [&] {
        Xapian::Enquire enquire(*db->read);
        enquire.set_query(query->query);
        if (sort_slot >= 0)
            enquire.set_sort_by_value_then_relevance(static_cast<Xapian::valueno>(sort_slot), sort_descending != 0);
        auto matches = std::make_unique<cx_matches>();
        matches->db = db;
        Xapian::MSet mset = enquire.get_mset(0, db->read->get_doccount());
        matches->ids.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) matches->ids.push_back(*it);
        *out = matches.release();
        return CX_OK;
    });
}

cx_status cx_matches_next(cx_matches *matches, const char **data, size_t *len, size_t *shard, char **error) {
    *data = nullptr;
    *len = 0;
    *shard = 0;
    return guarded(matches->db, error, [&] {
        while (matches->next < matches->ids.size()) {
            Xapian::docid id = matches->ids[matches->next++];
            try {
                matches->current = matches->db->read->get_document(id).get_data();
            } catch (const Xapian::DocNotFoundError &) {
                continue;
            }
            *data = matches->current.data();
            *len = matches->current.size();
            *shard = matches->db->shard_of(id);
            return CX_OK;
        }
        return CX_OK;
    });
}

void cx_matches_free(cx_matches *matches) { delete matches; }

void cx_results_free(cx_results *results) { delete results; }

uint32_t cx_results_total(const cx_results *results) { return results->total; }

size_t cx_results_size(const cx_results *results) { return results->data.size(); }

uint32_t cx_results_parts(const cx_results *results) { return results->parts; }

const char *cx_results_data(const cx_results *results, size_t i, size_t *len) {
    *len = results->data[i].size();
    return results->data[i].data();
}

size_t cx_results_shard(const cx_results *results, size_t i) { return results->shards[i]; }

cx_status cx_results_snippet(const cx_results *results, const char *text, size_t length, const char *hl_start,
                             const char *hl_end, const char *omit, char **out, char **error) {
    *out = nullptr;
    return guarded(error, [&] {
        std::string s = results->mset.snippet(text, length, Xapian::Stem("english"),
                                              Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                              hl_start, hl_end, omit);
        *out = copy_string(s);
        return CX_OK;
    });
}

size_t cx_results_facet_count(const cx_results *results) { return results->facets.size(); }

const char *cx_results_facet_name(const cx_results *results, size_t f) { return results->facet_names[f].c_str(); }

size_t cx_results_facet_size(const cx_results *results, size_t f) { return results->facets[f].size(); }

const char *cx_results_facet_value(const cx_results *results, size_t f, size_t i, uint32_t *count) {
    *count = results->facets[f][i].second;
    return results->facets[f][i].first.c_str();
}

} // extern "C"
