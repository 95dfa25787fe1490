import CXapian
import Foundation

/// A failure reported by the Xapian bridge.
public struct IndexError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case locked, notFound, database, query, diskFull, modified, shard, other }
    public var kind: Kind
    public var message: String
    public var description: String { message }

    init(_ status: cx_status, _ message: UnsafeMutablePointer<CChar>?) {
        kind = switch status {
        case CX_ERR_LOCKED: .locked
        case CX_ERR_NOT_FOUND: .notFound
        case CX_ERR_DATABASE: .database
        case CX_ERR_QUERY: .query
        case CX_ERR_DISK_FULL: .diskFull
        case CX_ERR_MODIFIED: .modified
        case CX_ERR_SHARD: .shard
        default: .other
        }
        self.message = message.map { String(cString: $0) } ?? "Xapian error \(status.rawValue)"
        cx_free_string(message)
    }
}

/// Calls a bridge function, turning a failure status into an IndexError.
func check(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> cx_status) throws {
    var message: UnsafeMutablePointer<CChar>?
    let status = body(&message)
    if status != CX_OK { throw IndexError(status, message) }
}

/// An open Xapian database; owns its handle. Not thread-safe (callers serialise).
final class XapianDatabase {
    let handle: OpaquePointer

    init(path: String, writable: Bool) throws {
        var db: OpaquePointer?
        try check { cx_db_open(path, writable ? 1 : 0, &db, $0) }
        handle = db!
    }

    /// The shards a stub file lists, read as one (see `cx_db_open_shards`).
    /// - missing: with allowPartial, the shards left out, each with why.
    init(shardList path: String, timeoutMilliseconds: UInt32, allowPartial: Bool) throws {
        var db: OpaquePointer?
        var skipped: UnsafeMutablePointer<CChar>?
        try check { cx_db_open_shards(path, timeoutMilliseconds, allowPartial ? 1 : 0, &db, &skipped, $0) }
        handle = db!
        missingShards = String(cString: skipped!).split(separator: "\n").map(String.init)
        cx_free_string(skipped)
    }

    /// Shards of a stub that could not be opened (with `allowPartial`).
    private(set) var missingShards: [String] = []

    deinit { cx_db_free(handle) }

    /// How many databases this handle reads (one for a folder).
    var shardCount: Int { cx_db_shard_count(handle) }

    /// Each database this handle reads, by the name its stub gives it (one for a folder).
    var shardNames: [String] {
        (0..<cx_db_shard_count(handle)).map { String(cString: cx_db_shard_name(handle, $0)) }
    }

    /// Each local shard's folder, as its stub resolves it; nil for a remote shard (and
    /// for a database opened from its folder).
    var shardPaths: [String?] {
        (0..<cx_db_shard_count(handle)).map { cx_db_shard_path(handle, $0).map { String(cString: $0) } }
    }

    /// A metadata key's value in each shard, in the stub's order.
    func shardMetadata(_ key: String) throws -> [String] {
        try (0..<shardCount).map { try shardMetadata(key, shard: $0) }
    }

    /// A metadata key's value in one shard.
    func shardMetadata(_ key: String, shard: Int) throws -> String {
        var value: UnsafeMutablePointer<CChar>?
        try check { cx_db_shard_metadata(handle, shard, key, &value, $0) }
        defer { cx_free_string(value) }
        return String(cString: value!)
    }

    /// How many documents have a value in slot.
    func valueFrequency(slot: UInt32) throws -> Int {
        var count: UInt32 = 0
        try check { cx_db_value_freq(handle, slot, &count, $0) }
        return Int(count)
    }

    /// Closes the database (a writer's lock is released) and says if that failed.
    func close() throws { try check { cx_db_close(handle, $0) } }

    var documentCount: Int {
        get throws {
            var count: UInt32 = 0
            try check { cx_db_doc_count(handle, &count, $0) }
            return Int(count)
        }
    }

    func reopen() throws { try check { cx_db_reopen(handle, $0) } }

    /// How many parts a search is split into (`cx_db_set_search_parts`; 0: one a core
    /// on a big enough index).
    func setSearchParts(_ parts: Int) { cx_db_set_search_parts(handle, UInt32(clamping: parts)) }
    func begin() throws { try check { cx_db_begin(handle, $0) } }
    func commit() throws { try check { cx_db_commit(handle, $0) } }

    /// Writes the facet columns file for the committed revision (see corpus_xapian.h).
    func writeFacetColumns(slot: UInt32, path: String) throws {
        try check { cx_db_write_facet_columns(handle, slot, path, $0) }
    }

    /// Whether the facet columns file at path is the one of the revision this handle reads.
    func facetColumnsAreCurrent(slot: UInt32, path: String) throws -> Bool {
        var current: Int32 = 0
        try check { cx_db_facet_columns_current(handle, slot, path, &current, $0) }
        return current != 0
    }

    /// Counts facets from the columns file at path when it matches; with build, from
    /// columns built in memory when it does not.
    func useFacetColumns(path: String, build: Bool) throws {
        try check { cx_db_use_facet_columns(handle, path, build ? 1 : 0, $0) }
    }

    func termExists(_ term: String) throws -> Bool {
        var exists: Int32 = 0
        try check { cx_db_term_exists(handle, term, &exists, $0) }
        return exists != 0
    }

    func setMetadata(_ key: String, _ value: String) throws {
        try check { cx_db_set_metadata(handle, key, value, $0) }
    }

    func metadata(_ key: String) throws -> String {
        var value: UnsafeMutablePointer<CChar>?
        try check { cx_db_get_metadata(handle, key, &value, $0) }
        defer { cx_free_string(value) }
        return value.map { String(cString: $0) } ?? ""
    }

    func replace(idTerm: String, with document: XapianDocument) throws {
        try check { cx_db_replace(handle, idTerm, document.handle, $0) }
    }

    /// Adds a document for an id no document carries yet (the caller has looked).
    func add(idTerm: String, with document: XapianDocument) throws {
        try check { cx_db_add(handle, idTerm, document.handle, $0) }
    }

    func data(forTerm term: String) throws -> Data {
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        try check { cx_db_data_for_term(handle, term, &bytes, &length, $0) }
        defer { cx_free_string(bytes) }
        return Data(bytes: bytes!, count: length)
    }

    /// The distinct values of `slot` in the first document holding each of `terms`
    /// (see cx_db_slot_values_of_first).
    func slotValuesOfFirst(holding terms: [String], slot: UInt32) throws -> [String] {
        var joined: UnsafeMutablePointer<CChar>?
        let copies = terms.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        try copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { pointers in
            try check { cx_db_slot_values_of_first(handle, pointers.baseAddress, pointers.count, slot, &joined, $0) }
        }
        defer { cx_free_string(joined) }
        return String(cString: joined!).split(separator: "\u{1f}").map(String.init)
    }

    /// The terms beginning with `prefix` that some document holds, without it, in term order.
    func terms(withPrefix prefix: String, limit: Int) throws -> [String] {
        var joined: UnsafeMutablePointer<CChar>?
        try check { cx_db_terms_with_prefix(handle, prefix, limit, &joined, $0) }
        defer { cx_free_string(joined) }
        return String(cString: joined!).split(separator: "\u{1f}").map(String.init)
    }

    /// - itemSlots: count facets from these slots (one facet item each) instead of facetSlot.
    func search(_ query: XapianQuery, offset: Int, limit: Int, sortSlot: Int32?, descending: Bool,
                facetSlot: UInt32?, itemSlots: Range<UInt32>? = nil) throws -> XapianResults {
        var results: OpaquePointer?
        var options = cx_search_options(
            offset: UInt32(clamping: offset), limit: UInt32(clamping: limit), sort_slot: sortSlot ?? -1,
            sort_descending: descending ? 1 : 0, facet_slot: facetSlot.map(Int32.init) ?? -1,
            item_slot_base: itemSlots?.lowerBound ?? 0, item_slots: UInt32(itemSlots?.count ?? 0))
        try check { cx_search(handle, query.handle, &options, &results, $0) }
        return XapianResults(handle: results!)
    }

    /// Every match in order, read one at a time (see cx_matches_open).
    func matches(_ query: XapianQuery, sortSlot: Int32?, descending: Bool) throws -> XapianMatches {
        var matches: OpaquePointer?
        try check { cx_matches_open(handle, query.handle, sortSlot ?? -1, descending ? 1 : 0, &matches, $0) }
        return XapianMatches(handle: matches!, database: self)
    }
}

/// A cursor over every match of a query; keeps its database open.
final class XapianMatches {
    let handle: OpaquePointer
    let database: XapianDatabase

    init(handle: OpaquePointer, database: XapianDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { cx_matches_free(handle) }

    /// The next match's data; nil after the last.
    /// The next match's data and the shard it is in.
    func next() throws -> (data: Data, shard: Int)? {
        var bytes: UnsafePointer<CChar>?
        var length = 0
        var shard = 0
        try check { cx_matches_next(handle, &bytes, &length, &shard, $0) }
        guard let bytes else { return nil }
        return (Data(bytes: bytes, count: length), shard)
    }
}

/// A document being built for the index; owns its handle.
final class XapianDocument {
    let handle: OpaquePointer

    init() throws {
        var doc: OpaquePointer?
        try check { cx_doc_new(&doc, $0) }
        handle = doc!
    }

    deinit { cx_doc_free(handle) }

    /// - stemmed: English stems indexed too (`Zword`), for words that inflect; not for names.
    func indexText(_ text: String, prefix: String = "", stemmed: Bool = true) throws {
        try check { cx_doc_index_text(handle, text, prefix, stemmed ? 1 : 0, $0) }
    }

    func addTerm(_ term: String) throws {
        try check { cx_doc_add_term(handle, term, $0) }
    }

    func setValue(_ slot: UInt32, _ value: String) throws {
        let bytes = Array(value.utf8)
        try check { cx_doc_set_value(handle, slot, bytes, bytes.count, $0) }
    }

    func setData(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            try check { cx_doc_set_data(handle, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, $0) }
        }
    }

    /// Replaces the first `from` in the data by `to`; false when the data has none.
    func replaceInData(_ from: String, with to: String) throws -> Bool {
        var replaced: Int32 = 0
        try check { cx_doc_replace_in_data(handle, from, to, &replaced, $0) }
        return replaced != 0
    }
}

/// A query tree node; owns its handle. Combining copies, so parts may be freed.
final class XapianQuery {
    let handle: OpaquePointer

    private init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { cx_query_free(handle) }

    static func text(_ text: String, prefix: String, stemmed: Bool, in db: XapianDatabase) throws -> XapianQuery {
        var query: OpaquePointer?
        try check { cx_query_text(db.handle, text, prefix, stemmed ? 1 : 0, &query, $0) }
        return XapianQuery(query!)
    }

    static func term(_ term: String) throws -> XapianQuery {
        try made { cx_query_term(term, $0, $1) }
    }

    static func all() throws -> XapianQuery {
        try made { cx_query_match_all($0, $1) }
    }

    static func valueRange(slot: UInt32, from low: String?, to high: String?) throws -> XapianQuery {
        try made { cx_query_value_range(slot, low, high, $0, $1) }
    }

    static func combine(_ op: cx_op, _ left: XapianQuery, _ right: XapianQuery) throws -> XapianQuery {
        try made { cx_query_combine(op, left.handle, right.handle, $0, $1) }
    }

    /// Xapian's rendering of the query (tests compare it).
    func describe() throws -> String {
        var raw: UnsafeMutablePointer<CChar>?
        try check { cx_query_describe(handle, &raw, $0) }
        defer { cx_free_string(raw) }
        return String(cString: raw!)
    }

    private static func made(
        _ constructor: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> cx_status
    ) throws -> XapianQuery {
        var query: OpaquePointer?
        try check { constructor(&query, $0) }
        return XapianQuery(query!)
    }
}

/// One page of matches with exact totals and facet counts; owns its handle.
final class XapianResults {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { cx_results_free(handle) }

    var total: Int { Int(cx_results_total(handle)) }

    /// How many parts the search ran in (see `cx_db_set_search_parts`).
    var parts: Int { Int(cx_results_parts(handle)) }

    /// Each hit's data and the shard it is in.
    var data: [(data: Data, shard: Int)] {
        (0..<cx_results_size(handle)).map { i in
            var length = 0
            let bytes = cx_results_data(handle, i, &length)!
            return (Data(bytes: bytes, count: length), cx_results_shard(handle, i))
        }
    }

    /// Text around the matches, as plain text with the matches between the highlight's marks.
    func snippet(of text: String, length: Int, highlight: (String, String), omit: String = "…") throws -> String {
        var out: UnsafeMutablePointer<CChar>?
        try check { cx_results_snippet(handle, text, length, highlight.0, highlight.1, omit, &out, $0) }
        defer { cx_free_string(out) }
        let snippet = String(cString: out!)
        // (Xapian returns a text that fits, when no marks are asked for, untouched: reading
        // entities out of it would turn a letter's own "&amp;" into "&". Every other snippet
        // it escapes for HTML — &, < and > — but for the signs before a marked word and a
        // closing full stop, which hold no letters and so form no entity.)
        let asWritten = highlight.0.isEmpty && highlight.1.isEmpty && text.utf8.count <= length
        return asWritten ? snippet : Self.unescaped(snippet)
    }

    /// The three entities Xapian's snippets escape, read back in one pass (Foundation's
    /// replacing, once an entity, went through NSString).
    static func unescaped(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return html }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (entity, character) = entities.first(where: { bytes[i...].starts(with: $0.0) }) {
                text.append(character)
                i += entity.count
            } else {
                text.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = ([("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] as [(String, Unicode.Scalar)])
        .map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// Each facet met among the matches: its values, most frequent first.
    var facets: [String: [(value: String, count: Int)]] {
        var facets: [String: [(value: String, count: Int)]] = [:]
        for f in 0..<cx_results_facet_count(handle) {
            facets[String(cString: cx_results_facet_name(handle, f))] = (0..<cx_results_facet_size(handle, f)).map { i in
                var count: UInt32 = 0
                let value = cx_results_facet_value(handle, f, i, &count)!
                return (String(cString: value), Int(count))
            }
        }
        return facets
    }
}
