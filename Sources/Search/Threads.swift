import CXapian
import Foundation
import Ingest

/// Conversations, joined at ingest and kept in the index (nothing is recomputed per
/// query). A record stands for the messages it names: its own Message-ID and those of
/// In-Reply-To and References (each a node, `XNODE` + a short hash of the id). Records
/// that share a node are in one thread, as JWZ's algorithm joins them, a message named
/// but not released (a ghost) joining its replies. A thread's id is the least node
/// hash of all its records: the same whichever order the files came in, so an ingest in
/// two steps gives the threads of one. A record naming no message is a thread of its own.
enum Threads {
    static let nodePrefix = "XNODE"
    static let threadPrefix = "XTHREAD"

    /// The nodes a record joins, sorted.
    static func nodes(of record: Record) -> [String] {
        let ids = ([record.messageID, record.inReplyTo].compactMap { $0 } + record.references).map(messageKey).filter { !$0.isEmpty }
        let keys = ids.isEmpty ? ["record:" + record.id] : ids
        return Set(keys.map(hash)).sorted()
    }

    /// A Message-ID as mailers compare them: without its angle brackets and spaces.
    static func messageKey(_ id: String) -> String {
        id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t\r\n")).lowercased()
    }

    static func hash(_ key: String) -> String {
        String(FileHash.sha256(Data(key.utf8)).prefix(16))
    }

    /// The thread `record` belongs to in `db` (whose uncommitted writes it sees), with
    /// every other thread it joins relabelled to it; `rebuild` makes the document of a
    /// relabelled record.
    static func assign(_ record: Record, in db: XapianDatabase, rebuild: (Record) throws -> XapianDocument) throws -> String {
        let nodes = nodes(of: record)
        var query = try XapianQuery.term(nodePrefix + nodes[0])
        for node in nodes.dropFirst() { query = try .combine(CX_OP_OR, query, try .term(nodePrefix + node)) }
        var joined = Set<String>()
        let matches = try db.matches(query, sortSlot: nil, descending: false)
        while let data = try matches.next() {
            if let thread = try RecordCoding.decoder.decode(Record.self, from: data).thread { joined.insert(thread) }
        }
        let thread = (joined.union(nodes)).min()!
        for old in joined where old != thread {
            var moved: [Record] = []
            let members = try db.matches(try .term(threadPrefix + old), sortSlot: nil, descending: false)
            while let data = try members.next() { moved.append(try RecordCoding.decoder.decode(Record.self, from: data)) }
            for var member in moved {
                member.thread = thread
                try db.replace(idTerm: Schema.Prefix.id + member.id, with: try rebuild(member))
            }
        }
        return thread
    }
}
