import Foundation

/// A file `ingest` could not read, and why.
public struct Rejection: Codable, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// What an ingest did, as `ingest --json` prints it.
public struct IngestReport: Codable, Sendable {
    public var files = 0
    /// What the index gained.
    public var records = 0
    /// Messages already in the index from another file: not new records, but their
    /// record now lists this file too.
    public var sameMessageElsewhere = 0
    public var pages = 0
    public var ocrPages = 0
    public var skippedDuplicates = 0
    public var rejected: [Rejection] = []
    /// Files an earlier ingest could not read, not read again (`retryFailed` reads them).
    public var failedBefore: [Rejection] = []
    public var seconds = 0.0
    /// This ingest's number: `release:N` finds what it added.
    public var release: Int?
    /// What it brought each saved search.
    public var watches: [WatchNews] = []
    /// With `--shard`: files and messages left to the other shards.
    public var otherShards = 0

    enum CodingKeys: String, CodingKey {
        case files, records, pages, rejected, seconds
        case ocrPages = "ocr_pages", skippedDuplicates = "skipped_duplicates", sameMessageElsewhere = "same_message_elsewhere"
        case failedBefore = "failed_before", release, watches, otherShards = "other_shards"
    }
}

/// The new matches of a saved search in one release.
public struct WatchNews: Codable, Sendable, Equatable {
    public var name: String
    public var query: String
    public var new: Int
    public var ids: [String]

    public init(name: String, query: String, new: Int, ids: [String]) {
        self.name = name
        self.query = query
        self.new = new
        self.ids = ids
    }
}

/// Progress after each file: counts so far and the total number of files found.
public struct IngestProgress: Sendable {
    public var report: IngestReport
    public var filesDone: Int
    public var filesTotal: Int
    public var elapsed: Double
}
