import Foundation
import Ingest

/// A thread as `corpus thread` shows it: its messages in date order, each linked to the
/// one it answers; a message named by a reply (or quoted in one) but not released is a
/// ghost, known only through the replies that name it.
public struct Conversation: Encodable, Sendable {
    public struct Message: Encodable, Sendable {
        /// The record; nil for a ghost.
        public var id: String?
        /// What `replyTo` names this message by: the record's id, or for a ghost its
        /// Message-ID or the key of its quoted header.
        public var key: String
        public var ghost: Bool
        public var messageID: String?
        @NullEncoded public var from: Correspondent?
        public var to: [Correspondent]
        @NullEncoded public var date: RecordDate?
        @NullEncoded public var subject: String?
        /// The key of the message this one answers.
        @NullEncoded public var replyTo: String?
        /// False when a later message quotes the whole of it.
        public var inclusive: Bool
        /// For a record: the records that quote it whole; for a ghost: those that name or
        /// quote it.
        public var quotedIn: [String]
        public var sources: [Source]

        enum CodingKeys: String, CodingKey {
            case id, key, ghost, from, to, date, subject, inclusive, sources
            case messageID = "message_id", replyTo = "reply_to", quotedIn = "quoted_in"
        }
    }

    public var thread: String
    @NullEncoded public var subject: String?
    public var messages: [Message]

    /// The conversation of `records` (one thread's, any order), as JWZ's algorithm links
    /// messages: a message answers the last message it names (In-Reply-To, References, the
    /// latest copy it quotes), and each of those answers the one named before it; a loop
    /// is never made.
    public init(thread: String, records: [Record]) {
        self.thread = thread
        let links = records.map(Threads.links(of:))
        var recordByKey: [String: Record] = [:]
        for (record, link) in zip(records, links) {
            for key in link.own where recordByKey[key] == nil { recordByKey[key] = record }
        }
        // A message named by keys: the record known by one of them, else a ghost.
        func node(_ keys: [String]) -> String { keys.lazy.compactMap { recordByKey[$0]?.id }.first ?? keys[0] }

        var parentOf: [String: String] = [:]
        func isAncestor(_ candidate: String, of node: String) -> Bool {
            var at: String? = candidate
            var steps = 0
            while let current = at, steps <= parentOf.count {
                if current == node { return true }
                at = parentOf[current]
                steps += 1
            }
            return false
        }
        func link(_ child: String, to parent: String) {
            guard child != parent, parentOf[child] == nil, !isAncestor(parent, of: child) else { return }
            parentOf[child] = parent
        }
        let recordIDs = Set(records.map(\.id))
        var namedBy: [String: [String]] = [:]
        var ghostHeader: [String: QuotedCopy] = [:]
        let chains = zip(records, links).map { record, link -> [String] in
            let chain = link.answered.map(node).filter { $0 != record.id }
            for named in Set(chain) where !recordIDs.contains(named) { namedBy[named, default: []].append(record.id) }
            for (copy, keys) in zip(record.quoted, Threads.copyKeys(of: record)) {
                // (A quoted copy of no record here is a ghost known by its first key.)
                if let first = keys.first, node(keys) == first, ghostHeader[first] == nil { ghostHeader[first] = copy }
            }
            return chain
        }
        // Each message's own naming first, then what others say of the messages they name.
        for (record, chain) in zip(records, chains) { if let parent = chain.last { link(record.id, to: parent) } }
        for chain in chains { for (parent, child) in zip(chain, chain.dropFirst()) { link(child, to: parent) } }
        // A reply that names nothing answers the latest earlier message its subject and
        // people name.
        let ownBySubject = links.map { Set($0.related).subtracting($0.answeringBySubject) }
        for (index, record) in records.enumerated() where parentOf[record.id] == nil && !links[index].answeringBySubject.isEmpty {
            let named = Set(links[index].answeringBySubject), sent = record.date?.sortKey ?? "~"
            let answered = records.indices.filter { other in
                other != index && !named.isDisjoint(with: ownBySubject[other]) && (records[other].date?.sortKey ?? "") < sent
            }.max { (records[$0].date?.sortKey ?? "") < (records[$1].date?.sortKey ?? "") }
            if let answered { link(record.id, to: records[answered].id) }
        }

        var messages = records.map { record in
            Message(id: record.id, key: record.id, ghost: false, messageID: record.messageID.map(Threads.messageKey), from: record.from,
                    to: record.to + record.cc, date: record.date, subject: record.subject, replyTo: parentOf[record.id],
                    inclusive: record.quotedIn.isEmpty, quotedIn: record.quotedIn, sources: [record.source] + record.otherSources)
        }
        // The messages not released first, then the records in date order (undated last).
        messages.sort { ($0.date?.sortKey ?? "~", $0.key) < ($1.date?.sortKey ?? "~", $1.key) }
        let ghosts = namedBy.keys.sorted().map { key in
            let header = ghostHeader[key]
            return Message(id: nil, key: key, ghost: true, messageID: header == nil ? key : nil, from: header?.from, to: [],
                           date: header?.date, subject: header?.subject, replyTo: parentOf[key],
                           inclusive: false, quotedIn: namedBy[key, default: []].sorted(), sources: [])
        }
        self.messages = ghosts + messages
        subject = messages.first { $0.subject != nil }?.subject
    }
}

extension SearchIndex {
    /// The conversation the record `id` (or the thread `id`) is part of.
    public func conversation(of id: String) throws -> Conversation {
        var thread = id
        do {
            thread = try record(id: id).thread ?? id
        } catch let error as IndexError where error.kind == .notFound {}
        var records: [Record] = []
        try forEachRecord(matching: "thread:\(thread)") { records.append($0) }
        guard !records.isEmpty else { throw IndexError(kind: .notFound, message: "no record or thread with id \(id)") }
        return Conversation(thread: thread, records: records)
    }
}
