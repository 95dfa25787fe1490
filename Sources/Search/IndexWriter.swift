import Foundation
import Ingest

/// The index opened for writing: takes records from an ingest, commits them in
/// batches inside Xapian transactions (a killed ingest leaves the last commit whole).
/// Holds Xapian's write lock: a second writer gets `IndexError.locked`.
///
/// Callers turn records into Xapian documents in parallel; one writer queue applies
/// them (and the files' done markers) in order, so parsing goes on while Xapian writes
/// and flushes. At most `maxQueued` documents wait, which keeps memory flat.
public final class IndexWriter: RecordSink, @unchecked Sendable {
    private let db: XapianDatabase
    private let path: String
    /// The entities records are tagged with: the built-in list, those an earlier ingest
    /// stored in the index, and this ingest's own.
    public let gazetteer: Gazetteer
    private let batchSize: Int?
    // Records per commit until the next one: `batchSize`, or what suits the index's size.
    private var commitEvery: Int
    private let writes = DispatchQueue(label: "corpus.index-writer")
    // Xapian's database is not thread-safe: every use holds this lock.
    private let database = NSLock()
    // The last commit, read through a handle of its own (under its own lock), so that
    // checking whether a file is done never waits for the writer, which may be flushing.
    private let committed: XapianDatabase
    private let committedLock = NSLock()
    private var committedIsStale = false
    // Read and written on `writes` only.
    private var inTransaction = false
    private var pending = 0
    // Files finished since the last commit: the counters are updated once a commit,
    // in it, rather than read and written for every file.
    private var uncounted = (files: 0, pages: 0, ocrPages: 0)
    // What this writer's records did to the index (a failed run's are never reported).
    private var tallied = SinkTally()
    // Records found quoted whole since the last commit, as they are to be written at it:
    // the first email of a printed thread is quoted whole by every later one, and is
    // written once a commit rather than once for each. Every record read is read through
    // them (`current`); none of the terms they change is looked up while writing.
    private var quotedWholeUnwritten: [String: Record] = [:]
    // Under `room`: documents queued and not yet written (producers wait above
    // maxQueued), and the first failed write.
    private let room = NSCondition()
    private var queued = 0
    private let maxQueued: Int
    private var failure: Error?
    private let conversations: Bool
    /// This ingest's number (`beginRelease`): the records it adds carry it.
    private let releaseLock = NSLock()
    private var releaseNumber: Int?
    public var release: Int? { releaseLock.withLock { releaseNumber } }
    func setRelease(_ number: Int) { releaseLock.withLock { releaseNumber = number } }

    /// - entities: `--entities` CSV rows, added to those the index keeps.
    /// - batchSize: records per commit; an interrupted ingest keeps every commit made.
    ///   Nil: `defaultBatch` for the index's size at each commit.
    /// - conversations: join threads, copies of one message and quotes (see `Threads`,
    ///   `MessageCopies`, `WholeQuotes`); without, each record is a thread of its own
    ///   (what `make bench` times them against).
    public init(path: String, entities: (csv: String, origin: String)? = nil, batchSize: Int? = nil, conversations: Bool = true) throws {
        if Shards.stubFile(at: path) != nil { throw Shards.readOnly(path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.path = path
        self.conversations = conversations
        db = try XapianDatabase(path: path, writable: true)
        try Schema.checkVersion(of: db, path: path)
        // Marked in a commit of its own, when new: a change left pending would commit
        // when the writer closes, after the facet columns were written for the
        // revision before it.
        if try db.metadata(Schema.versionKey) != Schema.version {
            try db.begin()
            try db.setMetadata(Schema.versionKey, Schema.version)
            try db.commit()
        }
        var gazetteer = try Schema.gazetteer(storedIn: db)
        if let entities {
            try gazetteer.add(csv: entities.csv, origin: entities.origin)
            // Kept (in a commit of its own, as above) with the rows stored before, each once.
            let stored = try db.metadata(Schema.entitiesKey)
            let known = Set(stored.split(whereSeparator: \.isNewline))
            let header = stored.isEmpty ? entities.csv.split(whereSeparator: \.isNewline).prefix(1) : []
            let rows = header + entities.csv.split(whereSeparator: \.isNewline).dropFirst().filter { !known.contains($0) }
            if rows.count > header.count {
                try db.begin()
                try db.setMetadata(Schema.entitiesKey, ([stored].filter { !$0.isEmpty } + rows.map(String.init)).joined(separator: "\n"))
                try db.commit()
            }
        }
        committed = try XapianDatabase(path: path, writable: false)
        self.gazetteer = gazetteer
        self.batchSize = batchSize.map { max(1, $0) }
        commitEvery = try self.batchSize ?? Self.defaultBatch(documents: db.documentCount)
        maxQueued = max(64, min(commitEvery, 2000))
    }

    /// Answers from the last commit: a file done since then was read in this ingest,
    /// which keeps its own list of those.
    public func isIndexed(sha256: String) throws -> Bool {
        try !committedMetadata(Schema.Counter.fileDone + sha256).isEmpty
    }

    public func failure(sha256: String) throws -> String? {
        let reason = try committedMetadata(Schema.Counter.fileFailed + sha256)
        return reason.isEmpty ? nil : reason
    }

    public func recordFailure(sha256: String, reason: String) throws {
        writes.async {
            self.applying {
                try self.beginIfNeeded()
                try self.db.setMetadata(Schema.Counter.fileFailed + sha256, reason)
            }
        }
    }

    private func committedMetadata(_ key: String) throws -> String {
        try committedLock.withLock {
            if committedIsStale {
                try committed.reopen()
                committedIsStale = false
            }
            do {
                return try committed.metadata(key)
            } catch {
                // The writer may have recycled the blocks of the revision this handle
                // holds (Xapian's DatabaseModifiedError): move to the latest and ask again.
                try committed.reopen()
                return try committed.metadata(key)
            }
        }
    }

    public func add(_ records: [Record]) throws {
        // (Documents and the messages each names are made here, in parallel; the writer
        // only looks up and fills in the thread.)
        let release = self.release
        let documents = try records.map { record in
            var record = record
            if let release { record.release = release }
            let links = conversations ? Threads.links(of: record) : nil
            return (Schema.Prefix.id + record.id, record,
                    try Schema.document(for: record, gazetteer: gazetteer, threadPending: true, conversations: conversations, links: links),
                    links.map { Threads.nodes(of: record, $0) } ?? Threads.alone(record), links)
        }
        room.lock()
        while queued > 0, queued + documents.count > maxQueued, failure == nil { room.wait() }
        if let failure {
            room.unlock()
            throw failure
        }
        queued += documents.count
        room.unlock()
        let batch = UncheckedSendable(documents)
        writes.async {
            self.applying {
                try self.beginIfNeeded()
                for (idTerm, record, document, nodes, links) in batch.value {
                    try self.write(record, document, nodes: nodes, links: links, idTerm: idTerm)
                }
                self.pending += batch.value.count
                if self.pending >= self.commitEvery { try self.commitNow() }
            }
            self.room.lock()
            self.queued -= batch.value.count
            self.room.broadcast()
            self.room.unlock()
        }
    }

    public func finish(sha256: String, files: Int = 1, pages: Int, ocrPages: Int) throws {
        writes.async {
            self.applying {
                try self.beginIfNeeded()
                try self.db.setMetadata(Schema.Counter.fileDone + sha256, "1")
                // (Read at last, after --retry-failed: no longer a failure.)
                try self.db.setMetadata(Schema.Counter.fileFailed + sha256, "")
                self.uncounted.files += files
                self.uncounted.pages += pages
                self.uncounted.ocrPages += ocrPages
            }
        }
    }

    /// Waits for every queued write, then commits, and writes the facet columns of
    /// what is committed (readers use them only while they match the index).
    public func commit() throws {
        try onWriter {
            try commitNow()
            try db.writeFacetColumns(slot: Schema.Slot.facets, path: Schema.facetColumnsPath(in: path))
        }
    }

    /// Closes the index, releasing the write lock, and reports what closing could not do.
    /// Anything not committed is lost, as when the process is killed: commit first.
    public func close() throws {
        try onWriter {
            try committedLock.withLock { try committed.close() }
            try db.close()
        }
        room.withLock {
            failure = IndexError(kind: .other, message: "\(path) was closed: nothing more can be written to it by this writer")
            room.broadcast()
        }
    }

    public func tally() throws -> SinkTally {
        try onWriter { tallied }
    }

    /// A record whose id the index holds already is the same message found again: from
    /// another file, that file is added to the record's sources, what it attaches to the
    /// record's attachments, and the index gains no record; from the same place (a file
    /// read again after an interrupted ingest), it replaces what was written.
    /// - links: what the record names (nil without conversations).
    private func write(_ record: Record, _ document: XapianDocument, nodes: [String], links: Threads.Links?, idTerm: String) throws {
        guard try db.termExists(idTerm) else {
            // (New: added, not replaced; what follows rewrites other records, never this id.)
            guard let links else {
                try db.add(idTerm: idTerm, with: try threaded(document, nodes: nodes))
                tallied.added += 1
                return
            }
            let joined = try joinCopies(record)
            var written = joined ?? record
            let quoting = try quotingWhole(written, links)
            written.quotedIn = Array(Set(written.quotedIn + quoting)).sorted()
            let changed = joined != nil || written.quotedIn != record.quotedIn
            let document = changed ? try Schema.document(for: written, gazetteer: gazetteer, threadPending: true) : document
            try db.add(idTerm: idTerm, with: try threaded(document, nodes: nodes))
            try markQuotedWhole(by: written, links)
            // (A copy is a message found again, not one more.)
            if joined == nil { tallied.added += 1 } else { tallied.sameMessage += 1 }
            return
        }
        let existing = try stored(idTerm)
        // Read again from its own place (after an interrupted ingest): what the writer made of
        // it from other records stands — the files of its copies, the message it is a copy
        // of, the records that quote it whole; read again from a file it already lists as a
        // copy's: nothing to do.
        if existing.source == record.source {
            var again = record
            (again.otherSources, again.copyOf, again.quotedIn) = (existing.otherSources, existing.copyOf, existing.quotedIn)
            // (It stays in the release that first added it, with what its copies attach.)
            again.release = existing.release ?? record.release
            again.addAttachments(of: existing)
            let document = again.otherSources.isEmpty && again.copyOf == nil && again.quotedIn.isEmpty && again.release == record.release
                && again.attachments == record.attachments && again.unreadAttachments == record.unreadAttachments
                ? document : try Schema.document(for: again, gazetteer: gazetteer, threadPending: true)
            try db.replace(idTerm: idTerm, with: try threaded(document, nodes: nodes))
            quotedWholeUnwritten[record.id] = nil
            return
        }
        // (A copy that attaches other files: the message attaches them too; their records
        // are indexed under their own ids.)
        var found = existing
        found.addAttachments(of: record)
        // (The files go to the record that stands for the message.)
        var head = try head(of: found)
        let sources = MessageCopies.newSources(of: record, for: head)
        guard !sources.isEmpty || found != existing else { return }
        head.otherSources += sources
        if head.id != found.id, found != existing { try rewrite(found) }
        try rewrite(head)
        tallied.sameMessage += 1
    }

    /// A new record that is a copy of a message indexed already (see `MessageCopies`),
    /// as it is to be written: the copy of the record that stands for the message, or,
    /// when it is the better copy, standing for it with the others' files. The records
    /// it displaces are rewritten. Nil when it is no copy.
    private func joinCopies(_ record: Record) throws -> Record? {
        var heads: [String: Record] = [:]
        for found in try records(holdingAny: MessageCopies.keys(of: record)) where MessageCopies.same(record, found) {
            let head = try head(of: found)
            heads[head.id] = head
        }
        guard !heads.isEmpty else { return nil }
        var best = (Array(heads.values) + [record]).min { MessageCopies.rank($0) < MessageCopies.rank($1) }!
        var new = record
        for var head in heads.values.sorted(by: { $0.id < $1.id }) where head.id != best.id {
            for var copy in try records(holdingAny: [MessageCopies.copyOfPrefix + head.id]) {
                copy.copyOf = best.id
                try rewrite(copy)
            }
            best.otherSources += MessageCopies.newSources(of: head, for: best)
            best.quotedIn = Array(Set(best.quotedIn + head.quotedIn)).sorted()
            head.otherSources = []
            head.quotedIn = []
            head.copyOf = best.id
            try rewrite(head)
        }
        if best.id == record.id { return best }
        best.otherSources += MessageCopies.newSources(of: record, for: best)
        try rewrite(best)
        new.otherSources = []
        new.copyOf = best.id
        return new
    }

    /// The ids of the records indexed already that quote `record` whole (see `WholeQuotes`):
    /// among those sharing a node with it, those that name its message as quoted.
    private func quotingWhole(_ record: Record, _ links: Threads.Links) throws -> [String] {
        guard record.copyOf == nil else { return [] }
        let own = Set(links.own)
        return try records(holdingAny: own.map { Threads.nodePrefix + Threads.hash($0) }).filter { later in
            Threads.links(of: later).answered.contains { $0.contains(where: own.contains) } && WholeQuotes.holds(later, whole: record)
        }.map(\.id).sorted()
    }

    /// Marks the records indexed already that `record` quotes whole: among those sharing
    /// a node with it, those whose own message it names as quoted.
    private func markQuotedWhole(by record: Record, _ links: Threads.Links) throws {
        guard record.copyOf == nil, record.messageID == nil || WholeQuotes.mayQuote(record) else { return }
        let answered = Set(links.answered.joined())
        for found in try records(holdingAny: answered.map { Threads.nodePrefix + Threads.hash($0) })
        where Threads.ownKeys(of: found).contains(where: answered.contains) {
            var earlier = try head(of: found)
            guard !earlier.quotedIn.contains(record.id), WholeQuotes.holds(record, whole: earlier) else { continue }
            earlier.quotedIn = (earlier.quotedIn + [record.id]).sorted()
            quotedWholeUnwritten[earlier.id] = earlier
        }
    }

    /// The record that stands for the message `record` is a copy of (itself, if none, or
    /// if it stands in another shard: `ShardJoin` joins them again).
    private func head(of record: Record) throws -> Record {
        guard let id = record.copyOf, try db.termExists(Schema.Prefix.id + id) else { return record }
        return try stored(Schema.Prefix.id + id)
    }

    /// The record of the first document holding a term.
    private func stored(_ term: String) throws -> Record {
        current(try RecordCoding.keptRecord(from: db.data(forTerm: term)))
    }

    /// The records of the documents holding any of `terms`.
    private func records(holdingAny terms: [String]) throws -> [Record] {
        try db.records(holdingAny: terms).map(current)
    }

    /// A record as read from the index, with what is to be written at the commit.
    private func current(_ record: Record) -> Record {
        quotedWholeUnwritten[record.id] ?? record
    }

    /// Writes an indexed record again, changed (its thread as stored).
    private func rewrite(_ record: Record) throws {
        try db.replace(idTerm: Schema.Prefix.id + record.id, with: try Schema.document(for: record, gazetteer: gazetteer))
        quotedWholeUnwritten[record.id] = nil
    }

    /// The document with its record's thread: the term, the slot, and the id in its data.
    private func threaded(_ document: XapianDocument, nodes: [String]) throws -> XapianDocument {
        let thread = try Threads.assign(nodes: nodes, in: db)
        try document.addTerm(Threads.threadPrefix + thread)
        try document.setValue(Schema.Slot.thread, thread)
        guard try document.replaceInData(Threads.json(Threads.pendingLabel), with: Threads.json(thread)) else {
            throw IndexError(kind: .other, message: "a record's data lacks its thread")
        }
        return document
    }

    /// Records per commit for an index of `documents`: Xapian holds a batch's postings in
    /// maps until the commit, which cost more as they grow, while a commit rewrites blocks
    /// all over the index, which costs more as it grows. Measured on generated mail: 500
    /// beat 2,000 at 20,000 and 100,000 messages (12.4 against 14.2 s; 58–64 against
    /// 67–70 s); at 300,000, 500 took 208 s, 1,000 189 s (200 MB), 2,000 184 s (248 MB).
    /// Kept at 1,000 at most: the batch's maps are most of the writer's memory.
    static func defaultBatch(documents: Int) -> Int {
        min(1000, max(500, documents / 150))
    }

    public var documentCount: Int {
        get throws { try onWriter { try db.documentCount } }
    }

    /// Changes the index's metadata in a commit of its own (with whatever was queued before).
    /// - facetColumns: write the facet columns of that commit, as `commit` does (a commit
    ///   of metadata alone makes the file stale all the same, and readers would count
    ///   facets the slow way); not when the ingest's own commits follow.
    func updatingMetadata<T>(facetColumns: Bool = true, _ body: (XapianDatabase) throws -> T) throws -> T {
        try onWriter {
            try beginIfNeeded()
            let result = try body(db)
            try commitNow()
            if facetColumns { try db.writeFacetColumns(slot: Schema.Slot.facets, path: Schema.facetColumnsPath(in: path)) }
            return result
        }
    }

    /// Runs body on the writer queue after everything queued before it, unless a queued
    /// write has failed: then that error is thrown, here and on every later call.
    private func onWriter<T>(_ body: () throws -> T) throws -> T {
        try writes.sync {
            if let failure = room.withLock({ failure }) { throw failure }
            return try database.withLock { try body() }
        }
    }

    /// Runs a queued write, keeping its error for the callers (and skipping the writes
    /// after a failure: the open transaction is abandoned when the process exits).
    private func applying(_ body: () throws -> Void) {
        guard room.withLock({ failure == nil }) else { return }
        do {
            try database.withLock { try body() }
        } catch {
            room.withLock {
                failure = error
                room.broadcast()
            }
        }
    }

    private func beginIfNeeded() throws {
        if !inTransaction {
            try db.begin()
            inTransaction = true
        }
    }

    private func commitNow() throws {
        guard inTransaction else { return }
        for id in quotedWholeUnwritten.keys.sorted() { try rewrite(quotedWholeUnwritten[id]!) }
        for (key, increment) in [(Schema.Counter.files, uncounted.files), (Schema.Counter.pages, uncounted.pages),
                                 (Schema.Counter.ocrPages, uncounted.ocrPages)] where increment > 0 {
            try db.setMetadata(key, String((Int(try db.metadata(key)) ?? 0) + increment))
        }
        uncounted = (0, 0, 0)
        try db.commit()
        inTransaction = false
        pending = 0
        commitEvery = try batchSize ?? Self.defaultBatch(documents: db.documentCount)
        committedLock.withLock { committedIsStale = true }
    }
}

/// Xapian documents cross from the task that built them to the writer queue once,
/// and are not touched by the task afterwards.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

private extension Record {
    /// Lists what `other`, a copy of this message, attaches and this record does not.
    mutating func addAttachments(of other: Record) {
        attachments += other.attachments.filter { !attachments.contains($0) }
        unreadAttachments += other.unreadAttachments.filter { !unreadAttachments.contains($0) }
    }
}
