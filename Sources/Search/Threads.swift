import Foundation
import Ingest

/// Conversations, joined at ingest and kept in the index (nothing is recomputed per
/// query). A record stands for the messages it names, each by keys: mail by Message-ID
/// (its own, In-Reply-To's and References'), a printed email by its sender or subject
/// with the minute it was sent, for itself and for each email quoted in it. Each key is
/// a node (`XNODE` + a short hash); records that share a node are in one thread, as
/// JWZ's algorithm joins them, a message named but not released (a ghost) joining its
/// replies. A thread's id is the least node of all its records: the same whichever
/// order the files came in, so an ingest in two steps gives the threads of one. A
/// record naming no message is a thread of its own.
enum Threads {
    static let nodePrefix = "XNODE"
    static let threadPrefix = "XTHREAD"

    /// The messages a record names, each by its keys (any one identifies it): the record's
    /// own message, and what it answers, oldest first.
    struct Links {
        var own: [String]
        var answered: [[String]]
        /// For a printed email: the thread it was printed in (a Gmail or request-tracker
        /// print); else, for a reply that quotes nothing, its subject with each pair of
        /// people writing to each other.
        var related: [String] = []
        /// Of those, the keys by which a reply that quotes nothing names what it answers
        /// (the others are the record's own).
        var answeringBySubject: [String] = []
    }

    static func links(of record: Record) -> Links {
        let printed = isPrinted(record)
        let own = ownKeys(of: record, printed: printed)
        // Mail: References, oldest first, then the message In-Reply-To names.
        var answered = record.references.map { [messageKey($0)] }
        if let parent = record.inReplyTo.map(messageKey), answered.last != [parent] { answered.append([parent]) }
        // A printed email quotes the latest first.
        answered += copyKeys(of: record).reversed()
        answered = answered.map { $0.filter { !$0.isEmpty && !own.contains($0) } }.filter { !$0.isEmpty }
        // Messages printed as one thread are one, whoever wrote to whom; subjects and
        // people join the others to a reply that nothing else joins.
        var related: [String] = [], answering: [String] = []
        if let printed = record.printedThread.map(reduced), !printed.isEmpty {
            related = ["print:\(record.source.sha256):\(printed)"]
        } else if printed {
            let keys = subjectKeys(record, answering: answered.isEmpty)
            (related, answering) = (keys.own + keys.answering, keys.answering)
        }
        return Links(own: own, answered: answered, related: related, answeringBySubject: answering)
    }

    /// The keys of a record's own message (`Links.own`), without what it answers.
    static func ownKeys(of record: Record) -> [String] {
        ownKeys(of: record, printed: isPrinted(record))
    }

    private static func ownKeys(of record: Record, printed: Bool) -> [String] {
        // (Mail is known by its Message-ID alone: test suites and lists reuse dates and
        // subjects, which would join unrelated messages.)
        let keys = record.messageID.map { [messageKey($0)] } ?? (printed ? printedKeys(from: record.from, date: record.date, subject: record.subject) : [])
        return keys.filter { !$0.isEmpty }
    }

    /// Whether a record is an email read from a print (it has pages or lines), not mail.
    private static func isPrinted(_ record: Record) -> Bool {
        record.messageID == nil && record.kind == .email && (record.source.pages != nil || record.source.lines != nil)
    }

    /// The nodes a record joins, sorted.
    static func nodes(of record: Record, _ links: Links? = nil) -> [String] {
        let links = links ?? self.links(of: record)
        let keys = links.own + links.answered.joined() + links.related
        return keys.isEmpty ? alone(record) : Set(keys.map(hash)).sorted()
    }

    /// The node of a record that names no message: a thread of its own.
    static func alone(_ record: Record) -> [String] {
        [hash("record:" + record.id)]
    }

    /// A Message-ID as mailers compare them: without its angle brackets and spaces.
    static func messageKey(_ id: String) -> String {
        id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t\r\n")).lowercased()
    }

    /// A printed email's keys: the minute it was sent (as printed: a copy quoted with an
    /// offset and one without agree; and in UTC, when the offset is known, for copies a
    /// mailer printed in another zone) with its subject, and with its sender's name, each
    /// reduced to letters and digits (case, accents, "RE:" and OCR's stray marks aside).
    /// No time, no key: a day alone joins too much.
    static func printedKeys(from: Correspondent?, date: RecordDate?, subject: String?) -> [String] {
        keysOfPrinted.value(for: PrintedHeading(from: from.map(ExactPerson.init), date: date, subject: subject.map(ExactText.init))) { _ in
            readPrintedKeys(from: from, date: date, subject: subject)
        }
    }

    /// What a printed email's keys are made of, its texts told apart by their bytes.
    private struct PrintedHeading: Hashable {
        var from: ExactPerson?
        var date: RecordDate?
        var subject: ExactText?
    }

    /// A person told apart by the bytes of their name and address (see `ExactText`).
    private struct ExactPerson: Hashable {
        var name, address: ExactText?

        init(_ person: Correspondent) { (name, address) = (person.name.map(ExactText.init), person.address.map(ExactText.init)) }
    }

    /// (Kept: an email is printed again in every reply that quotes it, and the writer reads
    /// the keys of the records a new one joins, again for each new one.)
    private static let keysOfPrinted = Memo<PrintedHeading, [String]>(capacity: 4096)

    private static func readPrintedKeys(from: Correspondent?, date: RecordDate?, subject: String?) -> [String] {
        guard let date, date.time != nil else { return [] }
        let minutes = ["printed:" + date.sortKey.prefix(13)] + (date.utcMinute.map { ["utc:" + $0] } ?? [])
        let topic = subject.map(topicKey).flatMap { $0.count >= 3 ? $0 : nil }
        // (The sender by name and by address: a copy may print either, or both; an
        // address's first.last as the name it spells; and the surname alone, of the name or
        // the address, where OCR garbled the rest: "Aisha B." <oliveira@…> in a copy; a
        // surname of several words run together, as an address spells it: "dasilva" of
        // Stephen da Silva, det.dasilva@….)
        let localPart = from?.address?.split(separator: "@").first.map(String.init)
        let local = localPart.map(reduced)
        let words = from?.name?.split(separator: " ") ?? []
        let surname = words.last.map { reduced(String($0)) }
        let particle = words.indices.dropFirst().first { AddressList.surnameParticles.contains(words[$0].lowercased()) }
        let longSurname = particle.map { reduced(words[$0...].joined()) }
        let localSurname = localPart?.split(whereSeparator: { ".-_".contains($0) }).last.map { reduced(String($0.filter { !$0.isNumber })) }
        // (An address of one word may be an initial and a surname: "perez" of nperez@…,
        // quoted as "Nikhil Perez wrote:"; or a surname and an initial.)
        let initialed = localPart.flatMap { part -> [String]? in
            let word = reduced(part.filter { !$0.isNumber })
            return part.contains(where: { ".-_".contains($0) }) || word.count < 5 ? nil : [String(word.dropFirst()), String(word.dropLast())]
        } ?? []
        // (A name's first and last words run together, its middle initial aside, as the
        // first part of an address may hold them: Marcus T. Hollings, marcushollings.nyc@….)
        let firstAndLast = words.count >= 3 ? reduced(String(words[0] + words[words.count - 1])) : nil
        let runTogether = localPart?.split(whereSeparator: { ".-_".contains($0) }).dropLast().map { reduced(String($0.filter { !$0.isNumber })) }
            .filter { $0.count >= 8 } ?? []
        // (Each without its vowels, which OCR misreads.)
        let senders = Set(([from?.name.map(reduced), local, surname, longSurname, localSurname, firstAndLast] + initialed + runTogether).compactMap { $0 }.filter { $0.count >= 3 }
            .map(withoutVowels) + [from?.address.map { "@" + $0.lowercased() }].compactMap { $0 }).sorted()
        return minutes.flatMap { minute in (topic.map { [minute + ":subject:" + $0] } ?? []) + senders.map { minute + ":from:" + $0 } }
    }

    /// The keys of each email quoted in `record`, in the order printed. A reply prints the
    /// date it quotes in its writer's zone, without an offset: read at the reply's own
    /// offset, it is the instant the original states with its own. A copy printed inside an
    /// older copy came with the message that quoted it, in that writer's zone: it is read at
    /// that copy's offset too, when the copy printed one.
    static func copyKeys(of record: Record) -> [[String]] {
        record.quoted.indices.map { k in
            let offsets = [record.date?.offsetMinutes, k > 0 ? record.quoted[k - 1].date?.offsetMinutes : nil].compactMap { $0 }
            let copy = record.quoted[k]
            let dates = offsets.isEmpty ? [copy.date] : offsets.map { offset in copy.date?.assuming(offsetMinutes: offset) }
            var seen = Set<String>()
            return dates.flatMap { printedKeys(from: copy.from, date: $0, subject: copy.subject) }.filter { seen.insert($0).inserted }
        }
    }

    /// "subject:" a printed email's subject as printed (its chain of "RE:" and "FW:" kept,
    /// so that the messages of two exchanges on one topic stay apart) with the surnames of
    /// its sender and one recipient, for each recipient. A reply that nothing else joins
    /// (`answering`) names the message it answers so too: its subject less one "RE:", or the
    /// same subject, as mailers that do not repeat prefixes print it.
    /// How many weeks back a reply that quotes nothing looks for what it answers.
    static let answeredWeeks = 4

    static func subjectKeys(_ record: Record, answering: Bool) -> (own: [String], answering: [String]) {
        guard let subject = record.subject, let senders = record.from.map(surnames), !senders.isEmpty else { return ([], []) }
        let topic = topicKey(subject)
        let chain = EmailSplitter.replyPrefixes(subject)
        guard topic.count >= 3 else { return ([], []) }
        // The week it was sent: a reply that quotes nothing answers an email of the weeks
        // before, not one of two that started threads months apart on the same subject.
        // (Undated, those of the emails printed around it, when they are close.)
        let around = record.datesAround.map { $0.daysSince1970 / 7 }
        let weeks: [Int?] = record.date.map { [$0.daysSince1970 / 7] }
            ?? around.min().flatMap { first in around.max().flatMap { last in last - first <= answeredWeeks ? Array(first...last) : nil } }
            ?? [nil]
        func keys(_ chain: [String], _ people: [Correspondent], weeks: [Int?]) -> [String] {
            // (Two first names alone are too common a pair to join by.)
            let pairs = Set(senders.flatMap { sender in
                people.flatMap(surnames).filter { !senders.contains($0) && !(sender.hasPrefix("~") && $0.hasPrefix("~")) }
                    .map { [sender, $0].sorted().joined(separator: "|") }
            }).sorted()
            return weeks.flatMap { week in pairs.map { "subject:\(week.map(String.init) ?? "undated"):\(chain.joined(separator: ".")):\(topic):\($0)" } }
        }
        // (Its own keys pair the sender with those it was addressed to, who answer it; a
        // reply's with anyone it went to, the writer it answers among them.)
        let own = keys(chain, record.to, weeks: weeks)
        guard answering, chain.first == "re" else { return (own, []) }
        let earlier: [Int?] = weeks.first.flatMap { $0 }.map { first in (1...Self.answeredWeeks).map { first - $0 } } ?? []
        return (own, keys(Array(chain.dropFirst()), record.to + record.cc, weeks: weeks.reversed() + earlier)
            + keys(chain, record.cc, weeks: weeks) + keys(chain, record.to + record.cc, weeks: earlier))
    }

    /// The ways a person is known, reduced, by name and by address (a name OCR garbled or
    /// cut short — "Colleen" for Colleen Ó Briain — is still known by the address beside it).
    /// By name: the last name, the last name of several words ("delacruz" of Sofia M. De La
    /// Cruz), the first and last names run together (as an address may spell them:
    /// kevinfitzgerald59@…), and the first name (marked "~": an address may hold it alone,
    /// samuel@… for Samuel Green), as a name of one word may be. By address, what its local
    /// part may hold: the last part without digits ("nunez" of zoe.nunez@…, "rahman" of
    /// dmitri.rahman70@…), all parts run together, the first part as a first name; and of
    /// one word, that word without its first or last letter too (an initial: "sullivan" of
    /// ssullivan@…, "scott" of scotta@…, "wong" of owong@…).
    private static func surnames(_ person: Correspondent) -> [String] { surnamesOf.value(for: ExactPerson(person)) { _ in readSurnames(person) } }

    /// (Kept: the same people are named on every message of a thread, and a record's
    /// keys ask for each recipient's once for each of its senders.)
    private static let surnamesOf = Memo<ExactPerson, [String]>(capacity: 4096)

    private static func readSurnames(_ person: Correspondent) -> [String] {
        var keys: [String] = []
        if let name = person.name {
            let words = name.split(separator: " ").map { reduced(String($0)) }.filter { !$0.isEmpty }
            if let last = words.last, last.count >= 2 {
                keys.append(last)
                // (Initials do not spell a surname: "M." of Sofia M. De La Cruz.)
                let tail = words.dropFirst().filter { $0.count >= 2 }
                if words.count >= 2, let first = words.first, first.count >= 2 {
                    if tail.count >= 2 { keys.append(tail.joined()) }
                    keys += [first + tail.joined(), "~" + first]
                } else if words.count == 1 {
                    // (A name of one word may be the first name alone: "Keisha" for Keisha Müller.)
                    keys.append("~" + last)
                }
            }
        }
        if let parts = person.address?.split(separator: "@").first?.split(whereSeparator: { ".-_".contains($0) })
            .map({ reduced($0.filter { !$0.isNumber }) }).filter({ !$0.isEmpty }),
           let last = parts.last, last.count >= 2
        {
            if parts.count == 1 {
                keys += (last.count >= 4 ? [last, String(last.dropFirst()), String(last.dropLast())] : [last]) + ["~" + last]
            } else {
                keys += [last, parts.joined()] + (parts[0].count >= 2 ? ["~" + parts[0]] : [])
                // The first and last names run together, as a personal address may spell
                // them: "dmitribaptiste" of dmitri.j.baptiste@… (no initial) and of
                // dmitribaptiste.nyc@… (a short tag after the name).
                let named = parts.filter { $0.count >= 2 }
                if named.count >= 2, parts.count > named.count { keys.append(named[0] + named[named.count - 1]) }
                if parts.count == 2, parts[1].count <= 3, parts[0].count >= 8 { keys.append(parts[0]) }
            }
        }
        var seen = Set<String>()
        return keys.map(withoutVowels).filter { seen.insert($0).inserted }
    }

    /// A name's key without its vowels, where four letters or more remain: OCR reads a
    /// scan's accented vowels as others ("Jóhannsdóttir" as "Joéhannsdottir", "Søndergaard"
    /// as "Sandergaard"), and the consonants hold. (Three are too few: "weireed" of Wei Reed
    /// and "ward" would both be "wrd".)
    static func withoutVowels(_ key: String) -> String {
        let consonants = key.filter { !"aeiouøæœ".contains($0) }
        return consonants.filter { $0 != "~" }.count >= 4 ? consonants : key
    }

    /// A bracket or bar OCR read for an "l" beside letters: "Tria) account".
    static let marksReadAsL = try! NSRegularExpression(pattern: #"(?<=\p{L})[)|!\]}]|[|!](?=\p{L})"#)

    /// A subject's topic as thread keys compare it: without "RE:" and "FW:", reduced, and
    /// with the letters OCR confuses in a scan's print of it made one ("office", "ottice",
    /// "ollice"; "rn" for "m"; "0" for "o"; a bracket or bar for an "l").
    static func topicKey(_ subject: String) -> String { topicKeys.value(for: subject, readTopicKey) }

    /// (Kept: a thread's subject is asked again for every message of it.)
    private static let topicKeys = TextMemo<String>(capacity: 4096)

    private static func readTopicKey(_ subject: String) -> String {
        var folded = ""
        let topic = EmailSplitter.withoutReplyPrefixes(subject)
        let marksAsL = marksReadAsL.stringByReplacingMatches(in: topic, range: NSRange(topic.startIndex..., in: topic), withTemplate: "l")
        for letter in reduced(marksAsL).replacingOccurrences(of: "rn", with: "m") {
            switch letter {
            case "f", "t", "l", "i", "j", "1": folded.append("l")
            case "0": folded.append("o")
            default: folded.append(letter)
            }
        }
        return folded
    }

    /// Letters and digits only, without case or accents. (ASCII is done by hand: whole
    /// texts are reduced when a reply is compared with what it quotes.)
    static func reduced(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 48...57, 97...122: kept.append(scalar)
            case 65...90: kept.append(Unicode.Scalar(scalar.value + 32)!)
            case 0..<128: continue
            default:
                let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                kept.append(contentsOf: folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            }
        }
        return String(kept)
    }

    static func hash(_ key: String) -> String {
        FileHash.shortSHA256(key)
    }

    /// What a document's data holds for its thread until the writer knows it: as long as
    /// a thread id, and no hex (none can be one).
    static let pendingLabel = String(repeating: "~", count: 16)

    /// The record JSON of a thread id (sorted keys, no spaces: the writer finds it exactly).
    static func json(_ label: String) -> String { #""thread":"\#(label)""# }

    /// Metadata: a thread id that was merged into another → the thread it is now part of.
    static let mergedKey = "corpus.thread:"
    /// Metadata: a thread → every id merged into it, space-separated.
    static let labelsKey = "corpus.thread-labels:"

    /// The thread `record` belongs to in `db` (whose uncommitted writes it sees). The
    /// threads it joins are merged into it by the metadata alone: their records keep the
    /// id they were written with (a label), which readers resolve (`current`), so joining
    /// two threads rewrites no document.
    static func assign(nodes: [String], in db: XapianDatabase) throws -> String {
        // (Records sharing a node are in one thread already: one of them says which.)
        let labels = try db.slotValuesOfFirst(holding: nodes.map { nodePrefix + $0 }, slot: Schema.Slot.thread)
        let joined = Set(try labels.map { try current($0, in: db) })
        let thread = joined.union(nodes).min()!
        for old in joined where old != thread { try merge(old, into: thread, in: db) }
        return thread
    }

    /// Makes thread `old` part of `thread` in db's metadata: its records keep their label,
    /// which readers resolve (`current`).
    static func merge(_ old: String, into thread: String, in db: XapianDatabase) throws {
        let moved = try labels(of: old, in: db)
        for label in moved { try db.setMetadata(mergedKey + label, thread) }
        try db.setMetadata(labelsKey + thread, (try labels(of: thread, in: db).dropFirst() + moved).joined(separator: " "))
        try db.setMetadata(labelsKey + old, "")
    }

    /// The thread a record written with `label` is part of now.
    /// (Over shards, each shard's own merges; `shard`, when known, the record's, which
    /// alone can have merged its thread.)
    static func current(_ label: String, in db: XapianDatabase, shard: Int? = nil) throws -> String {
        let merged: [String]
        if let shard, db.shardCount > 1 {
            merged = [try db.shardMetadata(mergedKey + label, shard: shard)]
        } else {
            merged = try db.metadataOfEach(mergedKey + label)
        }
        return merged.first { !$0.isEmpty } ?? label
    }

    /// The ids a thread's records may carry: its own, and those merged into it.
    static func labels(of thread: String, in db: XapianDatabase) throws -> [String] {
        var labels = [thread]
        for merged in try db.metadataOfEach(labelsKey + thread) {
            for label in merged.split(separator: " ").map(String.init) where !labels.contains(label) { labels.append(label) }
        }
        return labels
    }
}
