/*
 * corpus_xapian.h — a plain C API over Xapian for the corpus index.
 *
 * Every call that can fail returns a cx_status and, on failure, sets *error to a
 * malloc'd message the caller frees with cx_free_string (error may be NULL if the
 * caller does not want it). No C++ exception ever leaves this API.
 *
 * Handles are opaque and owned by the caller: each *_new / *_open has its *_free.
 * Strings are UTF-8 and NUL-terminated unless a length is given.
 */
#ifndef CORPUS_XAPIAN_H
#define CORPUS_XAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CX_OK = 0,
    CX_ERR_LOCKED = 1,      /* another process holds the write lock */
    CX_ERR_NOT_FOUND = 2,   /* no document with that id term */
    CX_ERR_DATABASE = 3,    /* the database is missing, corrupt or unreadable */
    CX_ERR_QUERY = 4,       /* a query could not be parsed or run */
    CX_ERR_OTHER = 5,
    CX_ERR_DISK_FULL = 6,   /* a write found no space left: what was committed before stands */
    CX_ERR_MODIFIED = 7,    /* a reader fell two commits behind: reopen and run it again */
    CX_ERR_SHARD = 8        /* a remote shard does not answer (the message names it) */
} cx_status;

typedef struct cx_db cx_db;
typedef struct cx_doc cx_doc;
typedef struct cx_query cx_query;
typedef struct cx_results cx_results;
typedef struct cx_matches cx_matches;

void cx_free_string(char *s);

/* ---- database ---------------------------------------------------------- */

/* Opens the database at path. writable: create it if missing and take the write
 * lock (CX_ERR_LOCKED if another writer has it). */
cx_status cx_db_open(const char *path, int writable, cx_db **out, char **error);
/* Opens, read-only, the shards a Xapian stub file lists as one database: lines
 * `auto PATH` (or `glass PATH`; relative to the stub's folder) and `remote HOST:PORT`
 * (a xapian-tcpsrv); blank lines and `#` comments are skipped. A remote shard that
 * does not answer within timeout_ms, when opened or in any later call, fails the call
 * with CX_ERR_SHARD naming it. With allow_partial, a shard that cannot be opened is
 * left out and named, with why, in *missing (one a line; "" when none; free with
 * cx_free_string); the others are read. */
cx_status cx_db_open_shards(const char *stub, uint32_t timeout_ms, int allow_partial, cx_db **out, char **missing,
                            char **error);
/* The databases db reads (1 for an index folder), each's name as its stub gives it,
 * and each's own metadata (the combined database answers metadata from its first). */
size_t cx_db_shard_count(const cx_db *db);
const char *cx_db_shard_name(const cx_db *db, size_t shard);
cx_status cx_db_shard_metadata(cx_db *db, size_t shard, const char *key, char **value, char **error);
/* A stub's local shard's folder (a relative path resolved against the stub's folder);
 * NULL for a remote shard and for a database not opened from a stub. */
const char *cx_db_shard_path(const cx_db *db, size_t shard);
/* Closes the database, releasing the write lock; a writable database's changes not
 * yet committed are lost (an open transaction is abandoned). Reports what closing
 * could not do; the handle must still be freed. */
cx_status cx_db_close(cx_db *db, char **error);
/* Frees the handle, closing the database first if cx_db_close was not called (any
 * error of that close is lost: call cx_db_close to hear of it). */
void cx_db_free(cx_db *db);
/* Re-opens a read-only database at its latest commit. */
cx_status cx_db_reopen(cx_db *db, char **error);
cx_status cx_db_doc_count(cx_db *db, uint32_t *out, char **error);
/* How many parts cx_search splits a search into (see cx_search): 0 (the default) one
 * a core, each of at least 25,000 documents; 1 for one thread. */
void cx_db_set_search_parts(cx_db *db, uint32_t parts);

cx_status cx_db_begin(cx_db *db, char **error);
cx_status cx_db_commit(cx_db *db, char **error);

/* *out = 1 when some document carries term. */
cx_status cx_db_term_exists(cx_db *db, const char *term, int *out, char **error);
/* Adds doc, replacing any document carrying id_term (the unique id). */
cx_status cx_db_replace(cx_db *db, const char *id_term, cx_doc *doc, char **error);
/* Adds doc as a new document carrying id_term, which no document may carry yet: the
   writer knows it is new, and Xapian is spared looking the term up again. */
cx_status cx_db_add(cx_db *db, const char *id_term, cx_doc *doc, char **error);
/* The data blob of the document carrying id_term; *data is malloc'd (cx_free_string). */
cx_status cx_db_data_for_term(cx_db *db, const char *id_term, char **data, size_t *len, char **error);
/* For each of terms[0..count) that some document holds, the slot's value in the first
 * such document; the distinct values joined by CX_LIST_SEPARATOR into *values (free with
 * cx_free_string; empty when none). For terms whose documents all share what the value
 * stands for (a thread's nodes), one document a term says it, whatever their number. */
cx_status cx_db_slot_values_of_first(cx_db *db, const char *const *terms, size_t count, uint32_t slot, char **values,
                                     char **error);
/* The terms some document holds that begin with prefix, at most limit of them, in term
 * order, each without the prefix, joined by CX_LIST_SEPARATOR into *terms (free with
 * cx_free_string; empty when none). */
cx_status cx_db_terms_with_prefix(cx_db *db, const char *prefix, size_t limit, char **terms, char **error);
/* *out = how many documents have a value in slot (over every shard). */
cx_status cx_db_value_freq(cx_db *db, uint32_t slot, uint32_t *out, char **error);
/* Database-wide key/value metadata (committed with the transaction). A missing key
 * reads as "". *value is malloc'd (cx_free_string). */
cx_status cx_db_set_metadata(cx_db *db, const char *key, const char *value, char **error);
cx_status cx_db_get_metadata(cx_db *db, const char *key, char **value, char **error);

/* ---- documents --------------------------------------------------------- */

cx_status cx_doc_new(cx_doc **out, char **error);
void cx_doc_free(cx_doc *doc);
/* Indexes free text with positions under prefix ("" for none), with English stems
 * too when stem is nonzero. Successive calls continue the position count, with a gap
 * so that phrases do not span two fields. */
cx_status cx_doc_index_text(cx_doc *doc, const char *text, const char *prefix, int stem, char **error);
/* Adds a term as is (boolean filters: ids, exact addresses, dates). */
cx_status cx_doc_add_term(cx_doc *doc, const char *term, char **error);
cx_status cx_doc_set_value(cx_doc *doc, uint32_t slot, const char *bytes, size_t len, char **error);
cx_status cx_doc_set_data(cx_doc *doc, const char *bytes, size_t len, char **error);
/* Replaces the first `from` in the document's data by `to` (*replaced 1, else 0): a
 * field filled in by the writer without encoding the data again. */
cx_status cx_doc_replace_in_data(cx_doc *doc, const char *from, const char *to, int *replaced, char **error);

/* ---- queries ----------------------------------------------------------- */

typedef enum { CX_OP_AND = 0, CX_OP_OR = 1, CX_OP_AND_NOT = 2 } cx_op;

/* Words and "phrases" of free text as Xapian's query parser reads them (default AND),
 * every term under prefix; stemmed when stem is nonzero, as the text was indexed.
 * Returns CX_ERR_QUERY when nothing in the text is searchable. */
cx_status cx_query_text(cx_db *db, const char *text, const char *prefix, int stem, cx_query **out, char **error);
/* An exact term, used as a filter (does not add weight). */
cx_status cx_query_term(const char *term, cx_query **out, char **error);
/* Documents whose value in slot lies in [low, high] (byte order); NULL end = open. */
cx_status cx_query_value_range(uint32_t slot, const char *low, const char *high, cx_query **out, char **error);
cx_status cx_query_match_all(cx_query **out, char **error);
/* Combines two queries; neither argument is consumed. */
cx_status cx_query_combine(cx_op op, const cx_query *left, const cx_query *right, cx_query **out, char **error);
void cx_query_free(cx_query *query);
/* A readable rendering, for debugging and tests; *out is malloc'd (cx_free_string). */
cx_status cx_query_describe(const cx_query *query, char **out, char **error);

/* ---- searching --------------------------------------------------------- */

typedef struct {
    uint32_t offset;
    uint32_t limit;
    int32_t sort_slot;       /* -1: by relevance; else by this value slot, then relevance */
    int sort_descending;
    int32_t facet_slot;      /* -1: no facets; else the slot holding each document's facet items */
    /* With item_slots > 0, facets are counted instead from slots item_slot_base ..
     * item_slot_base + item_slots - 1, each holding one facet item of the document (or
     * nothing), by Xapian's own ValueCountMatchSpy: the spy a stock xapian-tcpsrv runs,
     * so that counts over remote shards are exact. */
    uint32_t item_slot_base;
    uint32_t item_slots;
} cx_search_options;

/* A document's facet items, all in one value slot so that counting reads one value a
 * match: each item is a facet name, CX_FACET_NAME_END, a value; items are joined by
 * CX_LIST_SEPARATOR. A value counts once per document. */
#define CX_LIST_SEPARATOR '\x1f'
#define CX_FACET_NAME_END '\x1e'

/* Facet columns: a file beside the index holding every document's facet items as
 * small integers, so that counting the facets of a match costs a few array reads
 * instead of decoding the facet slot's value stream (whose cost follows the size of
 * the index). cx_db_write_facet_columns (on the writer, after a commit) writes the
 * file for the committed revision, unless it is already there. cx_db_use_facet_columns
 * makes this handle's searches count from the file when it matches the revision they
 * read, else from the value stream; with build != 0, a missing or stale file is
 * replaced by columns built in memory once per revision (long-lived handles). */
cx_status cx_db_write_facet_columns(cx_db *db, uint32_t slot, const char *path, char **error);
cx_status cx_db_use_facet_columns(cx_db *db, const char *path, int build, char **error);
/* *current = 1 when the columns file at path holds the revision db reads, else 0. */
cx_status cx_db_facet_columns_current(cx_db *db, uint32_t slot, const char *path, int *current, char **error);

/* Every match of query in order (sort_slot as in cx_search_options), for a reader that
 * wants them all (export, timeline, people): the matching documents are ranked once, in
 * the revision db reads now, and each one's data is then read in turn, so the cost is
 * linear in the matches and memory holds only their ids. */
cx_status cx_matches_open(cx_db *db, const cx_query *query, int32_t sort_slot, int sort_descending,
                          cx_matches **out, char **error);
/* The next match's data, valid until the next call, and the shard it is in
 * (cx_db_shard_name); *data is NULL after the last. A document deleted since the
 * ranking is passed over. */
cx_status cx_matches_next(cx_matches *matches, const char **data, size_t *len, size_t *shard, char **error);
void cx_matches_free(cx_matches *matches);

/* Runs query. Counts (total, facets) are exact: every match is visited. A search of an
 * index folder that counts facets from columns is run in parts, one thread each (each
 * part a share of the documents, on a handle of its own): the hits, total and facets
 * are those of one search of the whole. */
cx_status cx_search(cx_db *db, const cx_query *query, const cx_search_options *options,
                    cx_results **out, char **error);
void cx_results_free(cx_results *results);
uint32_t cx_results_total(const cx_results *results);
size_t cx_results_size(const cx_results *results);
/* How many parts the search ran in (1 when not split). */
uint32_t cx_results_parts(const cx_results *results);
/* The data blob of hit i (0-based within the page); valid while results lives. */
const char *cx_results_data(const cx_results *results, size_t i, size_t *len);
/* The shard hit i is in (cx_db_shard_name). */
size_t cx_results_shard(const cx_results *results, size_t i);
/* A snippet of text around the query's matches, at most length characters, matches
 * wrapped in hl_start/hl_end and text left out marked by omit; HTML-escaped. With a
 * length past the text's, the whole text, its line breaks kept. Returns a malloc'd
 * string (cx_free_string). */
cx_status cx_results_snippet(const cx_results *results, const char *text, size_t length,
                             const char *hl_start, const char *hl_end, const char *omit, char **out, char **error);
/* The facets met among the matches (names in byte order); facet f's name, its number
 * of distinct values, and each value with its count, most frequent first. */
size_t cx_results_facet_count(const cx_results *results);
const char *cx_results_facet_name(const cx_results *results, size_t f);
size_t cx_results_facet_size(const cx_results *results, size_t f);
const char *cx_results_facet_value(const cx_results *results, size_t f, size_t i, uint32_t *count);

#ifdef __cplusplus
}
#endif
#endif
