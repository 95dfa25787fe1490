import Foundation
import Ingest

/// A thread as `corpus thread` shows it: its messages in date order, each linked to the
/// one it answers; a message named by a reply but not released is a ghost, known only
/// through the replies that name it.
public struct Conversation: Encodable, Sendable {
    public struct Message: Encodable, Sendable {
        /// The record; nil for a ghost.
        public var id: String?
        public var ghost: Bool
        public var messageID: String?
        @NullEncoded public var from: Correspondent?
        public var to: [Correspondent]
        @NullEncoded public var date: RecordDate?
        @NullEncoded public var subject: String?
        /// The message this one answers: a record's id, or a ghost's Message-ID.
        @NullEncoded public var replyTo: String?
        /// For a ghost: the records that name it.
        public var quotedIn: [String]
        public var sources: [Source]

        enum CodingKeys: String, CodingKey {
            case id, ghost, from, to, date, subject, sources
            case messageID = "message_id", replyTo = "reply_to", quotedIn = "quoted_in"
        }
    }

    public var thread: String
    @NullEncoded public var subject: String?
    public var messages: [Message]

    /// The conversation of `records` (one thread's, any order), as JWZ's algorithm links
    /// messages: a message answers its In-Reply-To, else the last of its References, and
    /// each of its References answers the one before it; a loop is never made.
    public init(thread: String, records: [Record]) {
        self.thread = thread
        func key(_ record: Record) -> String { record.messageID.map(Threads.messageKey) ?? "record:" + record.id }
        let recordByKey = Dictionary(records.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
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
        var namedBy: [String: [String]] = [:]
        // Each message's own header first, then what others' References say of it.
        let chains = records.map { record -> (own: String, chain: [String]) in
            var chain = record.references.map(Threads.messageKey)
            if let parent = record.inReplyTo.map(Threads.messageKey), chain.last != parent { chain.append(parent) }
            chain = chain.filter { !$0.isEmpty && $0 != key(record) }
            for named in Set(chain) { namedBy[named, default: []].append(record.id) }
            return (key(record), chain)
        }
        for (own, chain) in chains { if let parent = chain.last { link(own, to: parent) } }
        for (_, chain) in chains { for (parent, child) in zip(chain, chain.dropFirst()) { link(child, to: parent) } }

        let ghostKeys = Set(namedBy.keys).subtracting(recordByKey.keys)
        func reference(_ node: String) -> String { recordByKey[node]?.id ?? node }
        var messages = records.map { record in
            Message(id: record.id, ghost: false, messageID: record.messageID.map(Threads.messageKey), from: record.from,
                    to: record.to + record.cc, date: record.date, subject: record.subject, replyTo: parentOf[key(record)].map(reference),
                    quotedIn: [], sources: [record.source] + record.otherSources)
        }
        // The messages not released first, then the records in date order (undated last).
        messages.sort { ($0.date?.sortKey ?? "~", $0.id ?? "") < ($1.date?.sortKey ?? "~", $1.id ?? "") }
        let ghosts = ghostKeys.sorted().map { ghost in
            Message(id: nil, ghost: true, messageID: ghost, to: [], replyTo: parentOf[ghost].map(reference),
                    quotedIn: namedBy[ghost, default: []].sorted(), sources: [])
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
