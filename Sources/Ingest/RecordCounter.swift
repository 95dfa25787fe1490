import Foundation

/// Counts the records that reach the sink, from whichever task adds them.
final class RecordCounter: RecordSink, @unchecked Sendable {
    private let sink: RecordSink
    private let lock = NSLock()
    private var count = 0

    init(sink: RecordSink) { self.sink = sink }

    var value: Int { lock.withLock { count } }

    func isIndexed(sha256: String) throws -> Bool { try sink.isIndexed(sha256: sha256) }
    func add(_ records: [Record]) throws {
        try sink.add(records)
        lock.withLock { count += records.count }
    }
    func finish(sha256: String, files: Int, pages: Int, ocrPages: Int) throws {
        try sink.finish(sha256: sha256, files: files, pages: pages, ocrPages: ocrPages)
    }
    func commit() throws { try sink.commit() }
    func tally() throws -> SinkTally { try sink.tally() }
    func failure(sha256: String) throws -> String? { try sink.failure(sha256: sha256) }
    func recordFailure(sha256: String, reason: String) throws { try sink.recordFailure(sha256: sha256, reason: reason) }
}
