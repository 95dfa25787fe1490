import Foundation
import Ingest

/// The index opened for writing: takes records from an ingest, commits them in
/// batches inside Xapian transactions (a killed ingest leaves the last commit whole).
/// Holds Xapian's write lock: a second writer gets `IndexError.locked`.
public final class IndexWriter: RecordSink, @unchecked Sendable {
    private let db: XapianDatabase
    private let gazetteer: Gazetteer
    private let batchSize: Int
    private let lock = NSLock()
    private var inTransaction = false
    private var pending = 0

    /// - batchSize: records per commit; an interrupted ingest keeps every commit made.
    public init(path: String, gazetteer: Gazetteer = .builtIn, batchSize: Int = 2000) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        db = try XapianDatabase(path: path, writable: true)
        self.gazetteer = gazetteer
        self.batchSize = max(1, batchSize)
    }

    public func isIndexed(sha256: String) throws -> Bool {
        try lock.withLock { try !db.metadata(Schema.Counter.fileDone + sha256).isEmpty }
    }

    public func add(_ records: [Record]) throws {
        try lock.withLock {
            try beginIfNeeded()
            for record in records {
                let document = try Schema.document(for: record, gazetteer: gazetteer)
                try db.replace(idTerm: Schema.Prefix.id + record.id, with: document)
            }
            pending += records.count
            if pending >= batchSize { try commitLocked() }
        }
    }

    public func finish(sha256: String, pages: Int, ocrPages: Int) throws {
        try lock.withLock {
            try beginIfNeeded()
            try db.setMetadata(Schema.Counter.fileDone + sha256, "1")
            for (key, increment) in [(Schema.Counter.files, 1), (Schema.Counter.pages, pages), (Schema.Counter.ocrPages, ocrPages)] {
                let current = Int(try db.metadata(key)) ?? 0
                try db.setMetadata(key, String(current + increment))
            }
        }
    }

    public func commit() throws {
        try lock.withLock { try commitLocked() }
    }

    private func beginIfNeeded() throws {
        if !inTransaction {
            try db.begin()
            inTransaction = true
        }
    }

    private func commitLocked() throws {
        guard inTransaction else { return }
        try db.commit()
        inTransaction = false
        pending = 0
    }

    public var documentCount: Int {
        get throws { try lock.withLock { try db.documentCount } }
    }
}
