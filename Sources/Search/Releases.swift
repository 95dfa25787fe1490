import Foundation
import Ingest

/// One ingest into the index, numbered from 1: a release of the index, as an agency's
/// rolling releases arrive one after another. `release:N` finds what it added.
public struct Release: Codable, Sendable, Equatable {
    public var number: Int
    /// When the ingest ended (ISO 8601, UTC).
    public var date: String
    public var files: Int
    public var records: Int
}

/// A saved search, kept in the index: every later ingest reports its new matches.
public struct Watch: Codable, Sendable, Equatable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }

    /// The saved searches as the index's metadata keeps them (a JSON list; "" for none).
    static func list(stored: String) throws -> [Watch] {
        stored.isEmpty ? [] : try JSONDecoder().decode([Watch].self, from: Data(stored.utf8))
    }

    static func stored(_ watches: [Watch]) throws -> String {
        String(decoding: try JSONEncoder().encode(watches), as: UTF8.self)
    }
}

extension IndexWriter {
    /// Numbers this ingest (the last release's number plus one, kept at once, so that an
    /// interrupted ingest's records keep theirs); the records it adds carry the number.
    public func beginRelease() throws -> Int {
        try updatingMetadata(facetColumns: false) { db in
            let number = (Int(try db.metadata(Schema.Counter.releases)) ?? 0) + 1
            try db.setMetadata(Schema.Counter.releases, String(number))
            setRelease(number)
            return number
        }
    }

    /// Keeps what the ingest numbered `beginRelease` did.
    public func endRelease(files: Int, records: Int) throws {
        guard let number = release else { return }
        let summary = Release(number: number, date: ISO8601DateFormatter().string(from: Date()), files: files, records: records)
        try updatingMetadata { db in
            try db.setMetadata(Schema.Counter.release + String(number), String(decoding: try JSONEncoder().encode(summary), as: UTF8.self))
        }
    }

    /// Saves a search under `name` (replacing one of that name); the query must parse.
    public func addWatch(_ watch: Watch) throws {
        _ = try QueryParser.parse(watch.query)
        try updatingMetadata { db in
            let watches = try Watch.list(stored: db.metadata(Schema.Counter.watches)).filter { $0.name != watch.name } + [watch]
            try db.setMetadata(Schema.Counter.watches, try Watch.stored(watches))
        }
    }

    /// Forgets the saved search `name`; false when there was none.
    public func removeWatch(named name: String) throws -> Bool {
        try updatingMetadata { db in
            let watches = try Watch.list(stored: db.metadata(Schema.Counter.watches))
            guard watches.contains(where: { $0.name == name }) else { return false }
            try db.setMetadata(Schema.Counter.watches, try Watch.stored(watches.filter { $0.name != name }))
            return true
        }
    }

}

extension SearchIndex {
    /// Every numbered release, oldest first.
    /// (Over shards, release N is each shard's Nth ingest: its files and records summed,
    /// dated by the last to end.)
    public func releases() throws -> [Release] {
        let last = try metadataOfEach(Schema.Counter.releases).compactMap { Int($0) }.max() ?? 0
        guard last > 0 else { return [] }
        return try (1...last).compactMap { number in
            let parts = try metadataOfEach(Schema.Counter.release + String(number)).filter { !$0.isEmpty }
                .map { try JSONDecoder().decode(Release.self, from: Data($0.utf8)) }
            guard var release = parts.first else { return nil }
            for part in parts.dropFirst() {
                (release.files, release.records, release.date) = (release.files + part.files, release.records + part.records, max(release.date, part.date))
            }
            return release
        }
    }

    /// (Over shards, each shard's, the first of a name standing.)
    public func watches() throws -> [Watch] {
        var watches: [Watch] = []
        for stored in try metadataOfEach(Schema.Counter.watches) {
            for watch in try Watch.list(stored: stored) where !watches.contains(where: { $0.name == watch.name }) { watches.append(watch) }
        }
        return watches
    }

    /// What release `number` brought each saved search: its new matches' count and ids.
    public func news(in number: Int) throws -> [WatchNews] {
        try watches().map { watch in
            var ids: [String] = []
            try forEachRecord(matching: "(\(watch.query)) release:\(number)") { ids.append($0.id) }
            return WatchNews(name: watch.name, query: watch.query, new: ids.count, ids: ids)
        }
    }
}
