import Foundation
import Ingest

/// The index opened for writing: takes records from an ingest, commits them in
/// batches inside Xapian transactions (a killed ingest leaves the last commit whole).
/// Holds Xapian's write lock: a second writer gets `IndexError.locked`.
public final class IndexWriter: RecordSink, @unchecked Sendable {
    private let db: XapianDatabase
    private let gazetteer: Gazetteer
    private let lock = NSLock()
    private var inTransaction = false

    public init(path: String, gazetteer: Gazetteer = .builtIn) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        db = try XapianDatabase(path: path, writable: true)
        self.gazetteer = gazetteer
    }

    public func isIndexed(sha256: String) throws -> Bool {
        try lock.withLock { try db.termExists(Schema.Prefix.sha256 + sha256) }
    }

    public func add(_ records: [Record], pages: Int = 0, ocrPages: Int = 0) throws {
        try lock.withLock {
            if !inTransaction {
                try db.begin()
                inTransaction = true
            }
            for record in records {
                let document = try Schema.document(for: record, gazetteer: gazetteer)
                try db.replace(idTerm: Schema.Prefix.id + record.id, with: document)
            }
            // Counted in the same transaction as the records, so they always agree.
            for (key, increment) in [(Schema.Counter.files, 1), (Schema.Counter.pages, pages), (Schema.Counter.ocrPages, ocrPages)] {
                let current = Int(try db.metadata(key)) ?? 0
                try db.setMetadata(key, String(current + increment))
            }
        }
    }

    public func commit() throws {
        try lock.withLock {
            guard inTransaction else { return }
            try db.commit()
            inTransaction = false
        }
    }

    public var documentCount: Int {
        get throws { try lock.withLock { try db.documentCount } }
    }
}
