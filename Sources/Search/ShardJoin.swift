import Foundation
import Ingest

/// What one index joins at ingest across its files — copies of one email
/// (`MessageCopies`), threads (`Threads`), messages quoted whole (`WholeQuotes`) — joined
/// across the shards a stub lists, and written into each shard, so that reading through
/// the stub answers as one index holding every file would.
///
/// A shard's ingest sees only its own records: the join is run after ingesting into any
/// shard, and again after the next (it changes only what disagrees, so a second run
/// changes nothing). It writes, so the shards are folders on this machine, listed with
/// `auto PATH`; a remote shard is refused (join where the folders are, then serve them).
public enum ShardJoin {
    /// What a join changed.
    public struct Report: Sendable, Equatable {
        public var shards = 0
        /// Records that became copies of the same message found in another shard (or now
        /// stand for one: the best copy is chosen among every shard's).
        public var copies = 0
        /// Threads of a shard joined with one of another shard.
        public var threads = 0
        /// Messages found quoted whole by a message in another shard.
        public var quotedWhole = 0

        public var changedNothing: Bool { copies == 0 && threads == 0 && quotedWhole == 0 }
    }

    /// Joins the shards the stub at `path` (a file, or a folder holding `XAPIANDB`) lists.
    public static func run(index path: String) throws -> Report {
        guard let stub = Shards.stubFile(at: path) else {
            throw IndexError(kind: .other, message: "\(path) is an index folder, not a list of shards: there is nothing to join")
        }
        // (Refused before any is opened: a join writes into every shard.)
        let lines = (try? String(contentsOfFile: stub, encoding: .utf8))?.split(whereSeparator: \.isNewline) ?? []
        if let remote = lines.first(where: { $0.split(separator: " ").first == "remote" }) {
            throw IndexError(kind: .other, message: """
                \(path) lists a remote shard (\(remote.split(separator: " ").dropFirst().joined(separator: " "))): a join writes \
                into every shard, so run it where the shard folders are, with a stub listing each as 'auto PATH'
                """)
        }
        let list = try XapianDatabase(shardList: stub, timeoutMilliseconds: 10_000, allowPartial: false)
        let folders = list.shardPaths.compactMap { $0 }
        try list.close()
        let join = try Join(folders: folders)
        try join.copies()
        // (The nodes of several shards, through which their threads and quotes join.)
        let nodes = try join.termsOfSeveralShards(prefix: Threads.nodePrefix)
        try join.quotes(through: nodes)
        try join.threads(through: nodes)
        try join.write()
        return join.report
    }
}

/// A join in progress: the shards open for writing, and the records it has read or
/// changed (by id: ids are unique across shards).
private final class Join {
    struct Shard {
        let folder: String
        let db: XapianDatabase
        /// Its own entities, which tag the records it rewrites.
        let gazetteer: Gazetteer
    }

    let shards: [Shard]
    private(set) var report = ShardJoin.Report()
    /// Every record read, as the join leaves it, with its shard.
    private var known: [String: (shard: Int, record: Record)] = [:]
    private var changed: Set<String> = []

    init(folders: [String]) throws {
        shards = try folders.map { folder in
            let db = try XapianDatabase(path: folder, writable: true)
            try Schema.checkVersion(of: db, path: folder)
            return Shard(folder: folder, db: db, gazetteer: try Schema.gazetteer(storedIn: db))
        }
        report.shards = shards.count
        for shard in shards { try shard.db.begin() }
    }

    /// Copies of one message in several shards: the records `MessageCopies.same` joins,
    /// with what each shard's writer joined to them, stand for one message — the best
    /// copy of them all, holding every copy's files and what quotes them.
    func copies() throws {
        var groups = Groups<String>()
        for (term, holders) in try termsOfSeveralShards(prefix: MessageCopies.keyPrefix) {
            let found = try holders.flatMap { try records(holding: term, in: $0) }
            for (i, a) in found.enumerated() {
                for b in found[(i + 1)...] where MessageCopies.same(a, b) { groups.join(a.id, b.id) }
            }
        }
        for group in groups.all {
            var members: [String: Record] = [:]
            for id in group {
                guard let record = try record(id) else { continue }
                let head = try record.copyOf.flatMap { try self.record($0) } ?? record
                for member in try [record, head] + (0..<shards.count).flatMap({ try records(holding: MessageCopies.copyOfPrefix + head.id, in: $0) }) {
                    members[member.id] = member
                }
            }
            guard Set(members.keys.compactMap { known[$0]?.shard }).count > 1,
                  let best = members.values.min(by: { MessageCopies.rank($0) < MessageCopies.rank($1) })
            else { continue }
            var head = best
            head.copyOf = nil
            for var other in members.values.sorted(by: { $0.id < $1.id }) where other.id != best.id {
                head.otherSources += MessageCopies.newSources(of: other, for: head)
                head.quotedIn = Array(Set(head.quotedIn + other.quotedIn)).sorted()
                if other.copyOf != best.id { report.copies += 1 }
                (other.copyOf, other.otherSources, other.quotedIn) = (best.id, [], [])
                update(other)
            }
            update(head)
        }
    }

    /// A message in one shard quoted whole by one in another (see `WholeQuotes`): among
    /// the records sharing a node, a later one whose answered messages name the node's
    /// key of an earlier one's own.
    func quotes(through nodes: [(term: String, shards: [Int])]) throws {
        for (term, holders) in nodes {
            let node = String(term.dropFirst(Threads.nodePrefix.count))
            let found = try holders.flatMap { shard in
                try records(holding: term, in: shard).map { (shard: shard, record: $0, links: Threads.links(of: $0)) }
            }
            for (laterShard, later, laterLinks) in found where later.copyOf == nil {
                for (earlierShard, earlier, earlierLinks) in found where earlierShard != laterShard {
                    let keys = earlierLinks.own.filter { Threads.hash($0) == node }
                    guard !keys.isEmpty, laterLinks.answered.contains(where: { named in keys.contains(where: named.contains) }),
                          var whole = try earlier.copyOf.flatMap({ try record($0) }) ?? record(earlier.id),
                          !whole.quotedIn.contains(later.id), WholeQuotes.holds(later, whole: whole)
                    else { continue }
                    whole.quotedIn = (whole.quotedIn + [later.id]).sorted()
                    update(whole)
                    report.quotedWhole += 1
                }
            }
        }
    }

    /// Threads of several shards sharing a node are one: its id the least of theirs (each
    /// the least node of its part, as one index would have it), merged by each shard's
    /// metadata as `Threads.assign` merges them, no record rewritten.
    func threads(through nodes: [(term: String, shards: [Int])]) throws {
        var groups = Groups<ShardThread>()
        for (term, holders) in nodes {
            let threads = try holders.map { shard in
                let db = shards[shard].db
                let label = try db.slotValuesOfFirst(holding: [term], slot: Schema.Slot.thread).first ?? ""
                return ShardThread(label: try Threads.current(label, in: db), shard: shard)
            }
            for thread in threads.dropFirst() { groups.join(threads[0], thread) }
        }
        for group in groups.all {
            let thread = group.map(\.label).min()!
            for part in group where part.label != thread {
                try Threads.merge(part.label, into: thread, in: shards[part.shard].db)
                report.threads += 1
            }
        }
    }

    /// Rewrites the records changed, each in its shard, and commits every shard (with
    /// the facet columns of what it now holds).
    func write() throws {
        for id in changed.sorted() {
            guard let found = known[id] else { continue }
            let shard = shards[found.shard]
            try shard.db.replace(idTerm: Schema.Prefix.id + id, with: try Schema.document(for: found.record, gazetteer: shard.gazetteer))
        }
        for shard in shards {
            try shard.db.commit()
            try shard.db.writeFacetColumns(slot: Schema.Slot.facets, path: Schema.facetColumnsPath(in: shard.folder))
            try shard.db.close()
        }
    }

    /// Keeps a record as the join leaves it, to be written if it differs from what was read.
    private func update(_ record: Record) {
        guard let before = known[record.id], before.record != record else { return }
        known[record.id] = (before.shard, record)
        changed.insert(record.id)
    }

    /// The record of an id, in whichever shard holds it (nil if none does).
    private func record(_ id: String) throws -> Record? {
        if let found = known[id] { return found.record }
        for shard in shards.indices where try shards[shard].db.termExists(Schema.Prefix.id + id) {
            return try remember(RecordCoding.record(from: shards[shard].db.data(forTerm: Schema.Prefix.id + id)), in: shard)
        }
        return nil
    }

    /// The records of a shard's documents holding a term, as the join has left them.
    private func records(holding term: String, in shard: Int) throws -> [Record] {
        try shards[shard].db.records(holdingAny: [term]).map { remember($0, in: shard) }
    }

    private func remember(_ record: Record, in shard: Int) -> Record {
        if let seen = known[record.id] { return seen.record }
        known[record.id] = (shard, record)
        return record
    }

    /// The terms with a prefix that more than one shard holds, each with those shards.
    func termsOfSeveralShards(prefix: String) throws -> [(term: String, shards: [Int])] {
        var holders: [String: [Int]] = [:]
        for shard in shards.indices {
            for term in try shards[shard].db.terms(withPrefix: prefix, limit: Int.max) { holders[term, default: []].append(shard) }
        }
        return holders.filter { $0.value.count > 1 }.map { (prefix + $0.key, $0.value) }.sorted { $0.term < $1.term }
    }
}

/// A thread as one shard labels it.
private struct ShardThread: Hashable, Comparable {
    var label: String
    var shard: Int

    static func < (a: ShardThread, b: ShardThread) -> Bool { (a.label, a.shard) < (b.label, b.shard) }
}

/// Disjoint sets (union–find), for what joins what.
private struct Groups<Item: Hashable & Comparable> {
    private var parent: [Item: Item] = [:]

    mutating func join(_ a: Item, _ b: Item) {
        let (x, y) = (root(a), root(b))
        if x != y { parent[max(x, y)] = min(x, y) }
    }

    private mutating func root(_ item: Item) -> Item {
        var top = parent[item] ?? item
        while let next = parent[top], next != top { top = next }
        if parent[item] != nil { parent[item] = top }
        return top
    }

    /// Each set of two or more, sorted.
    var all: [[Item]] {
        mutating get {
            var sets: [Item: [Item]] = [:]
            for item in parent.keys.sorted() { sets[root(item), default: []].append(item) }
            return sets.map { ($0.value + [$0.key]).sorted() }.sorted { $0[0] < $1[0] }
        }
    }
}
