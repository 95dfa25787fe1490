import Foundation

/// Where ingested records go (the index). Calls may come from several tasks at once.
public protocol RecordSink: Sendable {
    /// True when the file with this sha256 was indexed to its end.
    func isIndexed(sha256: String) throws -> Bool
    /// Adds records; a large file's come in several calls. The sink commits when it
    /// sees fit, so a commit may hold part of a file.
    func add(_ records: [Record]) throws
    /// Marks a file as indexed to its end, and counts it (`files`: 0 for a file whose
    /// parts went to several shards, counted by the shard its hash gives) and its pages,
    /// with (in the same transaction as) its last records.
    func finish(sha256: String, files: Int, pages: Int, ocrPages: Int) throws
    /// Makes everything added so far durable.
    func commit() throws
    /// What the records added so far did to the index, once committed.
    func tally() throws -> SinkTally
    /// Why the file with this sha256 could not be read by an earlier ingest, if it could not.
    func failure(sha256: String) throws -> String?
    /// Remembers that the file with this sha256 could not be read, and why.
    func recordFailure(sha256: String, reason: String) throws
}

/// What records handed to a sink did: new records, and messages the index already held
/// from another file (one record, which now names both files).
public struct SinkTally: Sendable, Equatable {
    public var added = 0
    public var sameMessage = 0

    public init(added: Int = 0, sameMessage: Int = 0) {
        self.added = added
        self.sameMessage = sameMessage
    }
}
