import CXapian
import Foundation
import Ingest

/// The index schema: the terms and value slots that are no query field's (those are in
/// `QueryField`'s table), the layout version, and how a record becomes a Xapian document.
public enum Schema {
    /// Prefixes as Xapian Omega uses them: single capitals for its standard terms.
    public enum Prefix {
        /// Unique record id (boolean).
        public static let id = "Q"
        /// Date as YYYYMMDD, YYYYMM, YYYY (boolean, as Omega's D, M, Y): `date:` filters.
        public static let day = "D", month = "M", year = "Y"
        /// A person's name key, "<", an address the record ties to that name (printed
        /// together, or a message from the address signed with the name): read back, not
        /// searched, so that `from:"Michael Reyes"` also finds the address's other mail.
        static let namedAddress = "XNA"
        /// An address, "<", another its sender gave as their own (`OwnAccounts`), both ways
        /// round: read back by `from:`/`to:` a person's name.
        static let ownAddress = "XOA"
    }

    public enum Slot {
        /// `RecordDate.sortKey`: date order and date ranges.
        public static let date: UInt32 = 0
        /// Every facet value of the record in one slot (see `facetItems`), so that
        /// exact facet counts read one value a match.
        public static let facets: UInt32 = 1
        /// The record's thread id, read when a new record joins threads (`Threads`).
        public static let thread: UInt32 = 2
        /// Date order: `RecordDate.sortKey` (empty when undated), then the record id, so
        /// that records of one minute come in one order, the same over shards as in one
        /// index (Xapian would order them by document number).
        public static let dateOrder: UInt32 = 3
        /// The facet items again, one a slot from here on, in `facetItems` order: what
        /// Xapian's own ValueCountMatchSpy counts, on remote shards too.
        public static let firstFacetItem: UInt32 = 100
    }

    /// The layout of terms and slots this build writes and reads, kept in the index's
    /// metadata: an index written by another layout must be rebuilt, not misread.
    static let version = "8"
    /// The index layout, for `corpus --version`.
    public static var layoutVersion: String { version }
    static let versionKey = "corpus.schema"
    /// Metadata key: the agencies and vendors given with `--entities`, as CSV, kept so that
    /// every later command answers with the list that tagged the records.
    static let entitiesKey = "corpus.entities"

    /// The built-in list plus the entities stored in this index.
    static func gazetteer(storedIn db: XapianDatabase) throws -> Gazetteer {
        var gazetteer = Gazetteer.builtIn
        for stored in try db.metadataOfEach(entitiesKey) where !stored.isEmpty {
            try gazetteer.add(csv: stored, origin: "the index's own entities")
        }
        return gazetteer
    }

    /// Throws when db holds records written under another layout (an empty index is
    /// anyone's: the writer marks it).
    static func checkVersion(of db: XapianDatabase, path: String) throws {
        let found = try db.metadata(versionKey)
        guard found != version, try db.documentCount > 0 else { return }
        throw IndexError(kind: .database, message: """
            \(path) was built by another version of corpus (index layout \(found.isEmpty ? "1" : found), \
            this one reads \(version)): ingest the files again into a new index folder
            """)
    }

    /// Database metadata keys counting what was ingested.
    public enum Counter {
        public static let files = "corpus.files"
        public static let pages = "corpus.pages"
        public static let ocrPages = "corpus.ocr_pages"
        /// Followed by a file's sha256: set when the file was indexed to its end.
        public static let fileDone = "corpus.file:"
        /// Followed by a file's sha256: why it could not be read.
        public static let fileFailed = "corpus.failed:"
        /// The number of the last release (ingest), and followed by a number, that
        /// release's summary (`Release`, as JSON).
        public static let releases = "corpus.releases"
        public static let release = "corpus.release:"
        /// The saved searches (`Watch`, a JSON list).
        public static let watches = "corpus.watches"
    }

    /// The facet columns file in the index folder (facet counting without decoding
    /// the facet slot; written by each ingest, read by searches).
    public static func facetColumnsPath(in index: String) -> String {
        (index as NSString).appendingPathComponent("facets.columns")
    }

    /// The facet slot's value: `name` \u{1e} `value` items joined by \u{1f}, as the
    /// bridge's facet counter reads them (CX_FACET_NAME_END, CX_LIST_SEPARATOR).
    static func facetItems(of record: Record) -> String {
        facetItemList(of: record).joined(separator: "\u{1f}")
    }

    /// Each facet value of the record once, as `name` \u{1e} `value`.
    static func facetItemList(of record: Record) -> [String] {
        var seen: Set<String> = []
        return Facet.all.flatMap { facet in facet.values(record).map { "\(facet.name)\u{1e}\($0)" } }.filter { seen.insert($0).inserted }
    }

    /// The name keys an email ties to addresses, as `people` ties them: a person's name
    /// printed with their address, the full name a message from a bare address, or one
    /// printed with a first name only, is signed with, and the name a message's sender
    /// introduces themselves with (`OwnAccounts`). (An organisation's name is no person's.)
    static func namedAddresses(of record: Record, gazetteer: Gazetteer) -> Set<NamedAddress> {
        guard record.kind == .email else { return [] }
        var pairs: Set<NamedAddress> = []
        for person in record.correspondents + [record.sender].compactMap({ $0 }) {
            guard let address = person.address?.lowercased(), let name = person.name, gazetteer.entity(named: name) == nil,
                  let key = PersonName.key(name) else { continue }
            pairs.insert(NamedAddress(key: key, address: address))
        }
        if let sender = record.from, let address = sender.address?.lowercased() {
            let signed = PersonName.key(sender.name ?? "") == nil ? PersonName.signatures(in: record.text) : []
            for name in signed + OwnAccounts.introducedNames(in: record.text) where gazetteer.entity(named: name) == nil {
                if let key = PersonName.key(name) { pairs.insert(NamedAddress(key: key, address: address)) }
            }
        }
        return pairs
    }

    struct NamedAddress: Hashable {
        var key: String
        var address: String
    }

    /// The addresses the index ties to a name key (`namedAddresses`), and those their senders
    /// gave as their own, at most `limit`.
    static func addresses(namedBy key: String, in db: XapianDatabase, limit: Int = 50) throws -> [String] {
        let named = try db.terms(withPrefix: Prefix.namedAddress + key + "<", limit: limit)
        var all = named
        for address in named where all.count < limit {
            for other in try db.terms(withPrefix: Prefix.ownAddress + address + "<", limit: limit) where !all.contains(other) { all.append(other) }
        }
        return Array(all.prefix(limit))
    }

    /// The prefix of a correspondent field's name keys (`PersonName.key`).
    static func nameKeyPrefix(_ addressPrefix: String) -> String { addressPrefix + "N" }

    /// A correspondent's address and the domains above it (`ice.dhs.gov`, `dhs.gov`),
    /// so that `from:` matches an address or any of its domains.
    static func addressTerms(_ person: Correspondent) -> [String] {
        guard let address = person.address else { return [] }
        var terms = [address]
        if var domain = person.domain {
            while domain.holds(".") {
                terms.append(domain)
                domain = String(domain[domain.index(after: domain.firstIndex(of: ".")!)...])
            }
        }
        return terms
    }

    /// - threadPending: the record's thread is not known yet; its data holds
    ///   `Threads.pendingLabel`, which the writer replaces (`IndexWriter`).
    /// - conversations: with the terms that join threads, copies and quotes.
    static func document(for record: Record, gazetteer: Gazetteer, threadPending: Bool = false, conversations: Bool = true,
                         links known: Threads.Links? = nil) throws -> XapianDocument {
        let doc = try XapianDocument()
        // Unprefixed, for words typed without a field: the subject, the sender, the text.
        if let subject = record.subject { try doc.indexText(subject) }
        for from in [record.from, record.sender].compactMap({ $0 }) { try doc.indexText(words(of: [from])) }
        try doc.indexText(record.text)
        for field in QueryField.all { try index(field, of: record, into: doc, gazetteer: gazetteer) }
        for tie in namedAddresses(of: record, gazetteer: gazetteer) { try doc.addTerm(Prefix.namedAddress + tie.key + "<" + tie.address) }
        if record.kind == .email, let sender = record.from?.address?.lowercased() {
            for other in OwnAccounts.addresses(in: record.text, from: sender) {
                try doc.addTerm(Prefix.ownAddress + sender + "<" + other)
                try doc.addTerm(Prefix.ownAddress + other + "<" + sender)
            }
        }
        if conversations {
            let links = known ?? Threads.links(of: record)
            for node in Threads.nodes(of: record, links) { try doc.addTerm(Threads.nodePrefix + node) }
            for term in MessageCopies.keys(of: record) + MessageCopies.terms(of: record) { try doc.addTerm(term) }
        } else {
            for node in Threads.alone(record) { try doc.addTerm(Threads.nodePrefix + node) }
        }
        try doc.setValue(Slot.facets, facetItems(of: record))
        try doc.setValue(Slot.dateOrder, (record.date?.sortKey ?? "") + "\u{1f}" + record.id)
        for (position, item) in facetItemList(of: record).enumerated() { try doc.setValue(Slot.firstFacetItem + UInt32(position), item) }
        var stored = record
        if threadPending { stored.thread = Threads.pendingLabel }
        try doc.setData(RecordCoding.json(stored))
        return doc
    }

    /// The terms (and for a date, the slot) that `field:` filters match.
    private static func index(_ field: QueryField, of record: Record, into doc: XapianDocument, gazetteer: Gazetteer) throws {
        switch field.meaning {
        case .words(let prefix, let stemmed, let of):
            for text in of(record, gazetteer) { try doc.indexText(text, prefix: prefix, stemmed: stemmed) }
        case .correspondent(let prefix, let addressPrefix, let of):
            let people = of(record)
            guard !people.isEmpty else { return }
            try doc.indexText(words(of: people), prefix: prefix, stemmed: false)
            for term in Set(people.flatMap(addressTerms)) { try doc.addTerm(addressPrefix + term) }
            // A person's name however printed ("Reyes, Michael", "Det. Michael Reyes"): one term.
            for key in Set(people.compactMap { $0.name.flatMap(PersonName.key) }) { try doc.addTerm(Self.nameKeyPrefix(addressPrefix) + key) }
        case .keyword(let prefix, _, let of):
            try doc.addTerm(prefix + of(record))
        case .number(let prefix, let of):
            if let number = of(record) { try doc.addTerm(prefix + String(number)) }
        case .identifier(let prefix, let of):
            for identifier in Set(of(record)) { try doc.addTerm(prefix + identifier.lowercased()) }
        case .thread:
            if let thread = record.thread {
                try doc.addTerm(Threads.threadPrefix + thread)
                try doc.setValue(Slot.thread, thread)
            }
        case .dateRange:
            guard let key = record.date?.sortKey else { return }
            try doc.addTerm(Prefix.day + key.prefix(8))
            try doc.addTerm(Prefix.month + key.prefix(6))
            try doc.addTerm(Prefix.year + key.prefix(4))
            try doc.setValue(Slot.date, key)
        }
    }

    /// People's names and addresses as words, one person a line.
    private static func words(of people: [Correspondent]) -> String {
        people.map { [$0.name, $0.address].compactMap { $0 }.joined(separator: " ") }.joined(separator: "\n")
    }
}

/// How records are stored in document data (and printed as JSON).
public enum RecordCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    public static let decoder = JSONDecoder()

    /// A record as stored, decoded, kept by its bytes (which say all it holds): the writer
    /// reads the records a new one joins, the same ones again for each new message of
    /// their thread. (A long one is decoded each time: the memo's memory stays small.)
    static func keptRecord(from data: Data) throws -> Record {
        guard data.count <= 32_768 else { return try record(from: data) }
        return try keptRecords.value(for: data) { data in Result { try record(from: data) } }.get()
    }

    private static let keptRecords = Memo<Data, Result<Record, any Error>>(capacity: 512)
}

extension XapianDatabase {
    /// The records of the documents holding any of `terms`, each once, in document order
    /// (a record sharing many of them is decoded once).
    func records(holdingAny terms: [String]) throws -> [Record] {
        let held = try terms.sorted().filter { try termExists($0) }
        guard var query = try held.first.map({ try XapianQuery.term($0) }) else { return [] }
        for term in held.dropFirst() { query = try .combine(CX_OP_OR, query, .term(term)) }
        let matches = try matches(query, sortSlot: nil, descending: false)
        var found: [Record] = []
        while let match = try matches.next() { found.append(try RecordCoding.keptRecord(from: match.data)) }
        return found
    }
}
