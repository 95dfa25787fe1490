import CXapian
import Foundation
import Ingest

/// Result order for `search`.
public enum SearchSort: String, Sendable, CaseIterable {
    case relevance, date
    case dateDescending = "-date"
}

public struct SearchRequest: Sendable {
    public var query: String
    public var limit: Int
    public var offset: Int
    public var sort: SearchSort
    /// Put around each matching word in snippets (empty for plain text).
    public var highlight: (start: String, end: String)
    public var snippetLength: Int

    public init(query: String, limit: Int = 20, offset: Int = 0, sort: SearchSort = .relevance,
                highlight: (String, String) = ("", ""), snippetLength: Int = 240) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.highlight = highlight
        self.snippetLength = snippetLength
    }
}

/// One match as `search --json` prints it.
public struct SearchHit: Encodable, Sendable {
    public var id: String
    public var kind: Record.Kind
    @NullEncoded public var subject: String?
    @NullEncoded public var from: Correspondent?
    public var to: [Correspondent]
    public var cc: [Correspondent]
    @NullEncoded public var date: RecordDate?
    public var agencies: [String]
    public var vendors: [String]
    public var source: Source
    public var ocr: Bool
    public var redactions: Int
    public var snippet: String
    /// The record's conversation (`thread:` this id), and how many other places the same
    /// message was found in.
    @NullEncoded public var thread: String?
    /// False when a later message quotes the whole of this one.
    public var inclusive: Bool
    public var duplicates: Int

    init(record: Record, snippet: String) {
        id = record.id
        kind = record.kind
        subject = record.subject
        from = record.from
        to = record.to
        cc = record.cc
        date = record.date
        agencies = record.agencies
        vendors = record.vendors
        source = record.source
        ocr = record.ocr
        redactions = record.redactions
        self.snippet = snippet
        thread = record.thread
        inclusive = record.quotedIn.isEmpty
        duplicates = record.otherSources.count
    }
}

public struct FacetCount: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
}

/// What `search` returns: the exact number of matches, one page of hits, and exact
/// facet counts over every match. Its JSON is written by `json` (SearchJSON.swift); the
/// synthesized Encodable is the reference the tests hold that to.
public struct SearchResponse: Encodable, Sendable {
    public var total: Int
    public var hits: [SearchHit]
    public var facets: [String: [FacetCount]]
    /// Over shards with some left out (`Shards.Options.allowPartial`): which, and why —
    /// the answer is partial. Absent otherwise.
    public var missingShards: [String]?

    enum CodingKeys: String, CodingKey {
        case total, hits, facets, missingShards = "missing_shards"
    }
}

/// The index opened for reading. Sees the last commit made when it was opened.
public final class SearchIndex: @unchecked Sendable {
    private var db: XapianDatabase
    private let lock = NSLock()
    /// Over shards, how to open them again: a remote shard's connection that failed stays
    /// failed, so the next `latest` reads through new ones (a restarted server answers).
    private var openShards: (() throws -> XapianDatabase)?
    /// Set when a shard stopped answering or the stub changed: open the shards anew.
    private var mustReopen = false
    /// The stub as read when opened: a replica (xapian-replicate) that took a whole new
    /// copy points its stub at it, and the next `latest` opens that.
    private var stubFile: (path: String, contents: String)?
    /// The entities the records were tagged with: built-in, and those stored at ingest.
    /// Read when first asked for: a search needs none, and reading them was 1.2 ms of
    /// a search in a process of its own.
    public var gazetteer: Gazetteer {
        get throws {
            try lock.withLock {
                if let loadedGazetteer { return loadedGazetteer }
                let loaded = try Schema.gazetteer(storedIn: db)
                loadedGazetteer = loaded
                return loaded
            }
        }
    }
    private var loadedGazetteer: Gazetteer?

    /// Splits each search into this many parts, one thread each (nil: one a core on a
    /// big enough index; see `cx_db_set_search_parts`): tests search a small index in parts.
    var searchParts: Int? {
        didSet { lock.withLock { db.setSearchParts(searchParts ?? 0) } }
    }

    /// - buildFacetColumns: for a handle that lives long (the reading room): when the
    ///   index's facet columns file is missing or older than the index, build the
    ///   columns in memory (a scan of the facet slot, once per commit) rather than
    ///   decode the slot on every search.
    /// - path: an index folder, or a Xapian stub file listing shards (`Shards`).
    public init(path: String, buildFacetColumns: Bool = false, shards: Shards.Options = .init()) throws {
        if let stub = Shards.stubFile(at: path) {
            let open = { try XapianDatabase(shardList: stub, timeoutMilliseconds: UInt32(max(1, shards.timeout * 1000)), allowPartial: shards.allowPartial) }
            stubFile = (stub, (try? String(contentsOfFile: stub, encoding: .utf8)) ?? "")
            db = try open()
            openShards = open
            missingShards = db.missingShards
            for (name, version) in zip(db.shardNames, try db.metadataOfEach(Schema.versionKey)) where version != Schema.version {
                throw IndexError(kind: .database, message: "shard \(name) of \(path) was built by another version of corpus (index layout \(version.isEmpty ? "1" : version), this one reads \(Schema.version)): ingest it again")
            }
            itemSlots = try Self.facetItemSlots(in: db)
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw IndexError(kind: .database, message: "no index at \(path): run 'corpus ingest' first, or give --index")
            }
            do {
                db = try XapianDatabase(path: path, writable: false)
            } catch let error as IndexError {
                throw IndexError(kind: .database, message: "\(path) is not a corpus index (\(error.message))")
            }
            try Schema.checkVersion(of: db, path: path)
            try db.useFacetColumns(path: Schema.facetColumnsPath(in: path), build: buildFacetColumns)
            missingShards = []
        }
    }

    /// The shards of a stub left out (`Shards.Options.allowPartial`), each with why:
    /// answers are then partial.
    public private(set) var missingShards: [String]
    /// Over shards, facets are counted from the item slots (`Schema.Slot.firstFacetItem`),
    /// as many as the records with the most items fill; nil for an index folder.
    private var itemSlots: Range<UInt32>?

    /// The item slots some record fills: they are filled from the first, so the first empty
    /// one ends them. Looked for from `known` on (a slot once filled stays counted: an empty
    /// one counts nothing), so that a refresh asks one question a shard.
    private static func facetItemSlots(in db: XapianDatabase, known: Range<UInt32>? = nil) throws -> Range<UInt32> {
        var end = known?.upperBound ?? Schema.Slot.firstFacetItem
        while try db.valueFrequency(slot: end) > 0 { end += 1 }
        return Schema.Slot.firstFacetItem..<end
    }

    /// Moves to the latest commit (an ingest may have run since this was opened).
    public func refresh() throws {
        try lock.withLock {
            if let stubFile, let now = try? String(contentsOfFile: stubFile.path, encoding: .utf8), now != stubFile.contents {
                self.stubFile?.contents = now
                mustReopen = true
            }
            if !mustReopen {
                do {
                    try db.reopen()
                } catch let error as IndexError where error.kind == .shard && openShards != nil {
                    mustReopen = true
                }
            }
            if mustReopen, let openShards {
                db = try openShards()
                db.setSearchParts(searchParts ?? 0)
                missingShards = db.missingShards
                mustReopen = false
            }
            if let known = itemSlots { itemSlots = try Self.facetItemSlots(in: db, known: known) }
        }
    }

    /// Runs `work` on the latest commit. An ingest that commits twice while it reads
    /// leaves the revision it read discarded: then it runs again on the new latest (it
    /// must only read: a search, a record, a page, an export written afresh).
    public func latest<T>(_ work: (SearchIndex) throws -> T) throws -> T {
        var attempt = 1
        while true {
            try refresh()
            do {
                return try work(self)
            } catch let error as IndexError where error.kind == .modified && attempt < 10 {
                attempt += 1
            } catch let error as IndexError where error.kind == .shard {
                lock.withLock { mustReopen = true }
                throw error
            }
        }
    }

    public var recordCount: Int {
        get throws { try lock.withLock { try db.documentCount } }
    }

    /// Parses and runs a query.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let node = try QueryParser.parse(request.query)
        return try lock.withLock {
            let query = try messages(QueryCompiler(db: db).compile(node))
            let results = try run(query, offset: request.offset, limit: request.limit, sort: request.sort, facets: true)
            var hits: [SearchHit] = []
            for (data, shard) in results.data {
                let record = try read(data, shard: shard)
                let snippet = try results.snippet(of: record.text, length: request.snippetLength, highlight: request.highlight)
                hits.append(SearchHit(record: record, snippet: Self.tidy(snippet)))
            }
            let counted = results.facets
            var facets: [String: [FacetCount]] = [:]
            for facet in Facet.names {
                facets[facet] = (counted[facet] ?? []).map { FacetCount(value: $0.value, count: $0.count) }
            }
            return SearchResponse(total: results.total, hits: hits, facets: facets, missingShards: missingShards.isEmpty ? nil : missingShards)
        }
    }

    /// A record's whole text with the words `query` matches in it wrapped in `highlight`;
    /// nil when the query does not match the record (or names no words of its text).
    public func highlighted(_ record: Record, query: String, highlight: (String, String)) throws -> String? {
        let node = try QueryParser.parse(query)
        return try lock.withLock {
            let matching = try XapianQuery.combine(CX_OP_AND, QueryCompiler(db: db).compile(node), .term(Schema.Prefix.id + record.id))
            let results = try run(matching, offset: 0, limit: 1, sort: .relevance, facets: false)
            guard results.total > 0 else { return nil }
            let text = try results.snippet(of: record.text, length: record.text.utf8.count + 1, highlight: highlight, omit: "")
            guard text.contains(highlight.0) else { return nil }
            // (Xapian leaves out what follows the last word: white space, a closing quote or
            // full stop. Take the marks out and the rest is a prefix of the record's text.)
            let unmarked = ByteSearch.replacing(highlight.1, with: "", in: ByteSearch.replacing(highlight.0, with: "", in: text))
            guard record.text.utf8.starts(with: unmarked.utf8) else { return text }
            return text + String(decoding: record.text.utf8.dropFirst(unmarked.utf8.count), as: UTF8.self)
        }
    }

    /// Every record matching query, in order, one at a time: the matches are ranked once,
    /// in one revision of the index, and read in turn (export, timeline and people walk
    /// every match; paging through them by offset re-ran the query for every page).
    public func forEachRecord(matching query: String, sort: SearchSort = .date,
                              _ body: (Record) throws -> Void) throws {
        let node = try QueryParser.parse(query)
        let sortSlot: Int32? = sort == .relevance ? nil : Int32(Schema.Slot.dateOrder)
        let matches = try lock.withLock {
            try db.matches(try messages(QueryCompiler(db: db).compile(node)), sortSlot: sortSlot, descending: sort == .dateDescending)
        }
        while let record = try lock.withLock({ try matches.next().map { try read($0.data, shard: $0.shard) } }) {
            try body(record)
        }
    }

    /// The records of a query that stand for their messages: each message once, not each
    /// copy of it (see `MessageCopies`).
    private func messages(_ query: XapianQuery) throws -> XapianQuery {
        try .combine(CX_OP_AND_NOT, query, .term(MessageCopies.copyTerm))
    }

    /// A metadata key's value in each shard (one for an index folder).
    func metadataOfEach(_ key: String) throws -> [String] {
        try lock.withLock { try db.metadataOfEach(key) }
    }

    /// A count kept in the index's metadata (see `Schema.Counter`), over every shard.
    func counter(_ key: String) throws -> Int {
        try metadataOfEach(key).reduce(0) { $0 + (Int($1) ?? 0) }
    }

    /// The record with this id.
    public func record(id: String) throws -> Record {
        return try lock.withLock { try read(try db.data(forTerm: Schema.Prefix.id + id)) }
    }

    /// A record as stored, with the thread it is part of now (its stored id may have been
    /// merged into another since; see `Threads`). Called under the lock.
    /// - shard: the shard it was read from, when known (its thread's merges are there).
    private func read(_ data: Data, shard: Int? = nil) throws -> Record {
        var record = try RecordCoding.record(from: data)
        if let label = record.thread { record.thread = try Threads.current(label, in: db, shard: shard) }
        return record
    }

    private func run(_ query: XapianQuery, offset: Int, limit: Int, sort: SearchSort, facets: Bool) throws -> XapianResults {
        let sortSlot: Int32? = sort == .relevance ? nil : Int32(Schema.Slot.dateOrder)
        return try db.search(query, offset: max(0, offset), limit: max(0, limit), sortSlot: sortSlot,
                             descending: sort == .dateDescending, facetSlot: facets ? Schema.Slot.facets : nil,
                             itemSlots: facets ? itemSlots : nil)
    }

    /// Snippets on one line.
    static func tidy(_ snippet: String) -> String {
        snippet.collapsingWhiteSpace().trimmedOfSpaces()
    }
}

extension IndexError {
    init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
