import Foundation
import Ingest

/// What a `field:value` filter of the query language means: the one table that the
/// parser (names, checks, examples), the compiler (terms), the document's terms
/// (`Schema.document`), `corpus help query` and the facets (through `Facet`) read. A
/// field added here is indexed, parsed, compiled and documented.
public struct QueryField: Hashable, Sendable {
    public let name: String
    let meaning: Meaning
    /// A filter using the field, for help and error messages.
    public let example: String
    /// What the field matches, in one line.
    public let summary: String

    /// How the field is indexed and matched, and what of a record it holds. Prefixes
    /// follow Xapian Omega's conventions: single capitals for its standard fields (A
    /// author, S subject), `X…` for ours; free-text prefixes index words with positions,
    /// so they take phrases; boolean ones hold exact lowercase values (an address and
    /// each domain above it, a keyword). Names — of people, agencies, vendors, files —
    /// are matched word for word, without English stems: they do not inflect, and their
    /// stems were a fifth of a message's terms (a maildir's ingest took a tenth longer).
    enum Meaning: Sendable {
        /// Words of a free-text prefix, matched as a phrase: each text apart; `stemmed`:
        /// a word matches its other forms too ("referrals" finds "referral").
        case words(prefix: String, stemmed: Bool, of: @Sendable (Record, Gazetteer) -> [String])
        /// A person: an exact address or domain (boolean prefix), else name words.
        case correspondent(words: String, address: String, of: @Sendable (Record) -> [Correspondent])
        /// One of a fixed set of lowercase values, as a boolean term.
        case keyword(prefix: String, values: [String], of: @Sendable (Record) -> String)
        /// A date or a range of dates: the date slot, or Omega's D/M/Y terms.
        case dateRange
        /// A record's id or a thread's: every record of that conversation (`Threads`).
        case thread
        /// A whole number, as a boolean term (absent when the record has none).
        case number(prefix: String, of: @Sendable (Record) -> Int?)
        /// Identifiers matched whole, in any case, as boolean terms.
        case identifier(prefix: String, of: @Sendable (Record) -> [String])
    }

    // A field is its name: the table holds one of each.
    public static func == (a: QueryField, b: QueryField) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The full names an email is signed with, when its sender was printed without one.
    private static func signedNames(_ record: Record) -> [Correspondent] {
        guard record.kind == .email, let sender = record.from, sender.address != nil, PersonName.key(sender.name ?? "") == nil else { return [] }
        return PersonName.signatures(in: record.text).map { Correspondent(name: $0, address: nil) }
    }

    /// An entity's canonical name with its aliases, so that any of them finds it.
    private static func withAliases(_ names: [String], _ gazetteer: Gazetteer) -> [String] {
        names.map { name in ([name] + (gazetteer.entity(named: name)?.aliases ?? [])).joined(separator: "\n") }
    }

    public static let from = QueryField(
        // (Who sent for the mailbox is found by from: too, and the name a message from a bare
        // address, or one printed with a first name only, is signed with.)
        name: "from", meaning: .correspondent(words: "A", address: "XFROM",
                                              of: { [$0.from, $0.sender].compactMap { $0 } + signedNames($0) }),
        example: "from:jdoe@nypd.org",
        summary: "the sender: name words, an address or a domain")
    public static let to = QueryField(
        name: "to", meaning: .correspondent(words: "XTO", address: "XRCPT", of: { $0.to + $0.cc }),
        example: "to:ice.dhs.gov", summary: "a recipient (To or Cc), as from:")
    public static let subject = QueryField(
        name: "subject", meaning: .words(prefix: "S", stemmed: true, of: { record, _ in record.subject.map { [$0] } ?? [] }),
        example: "subject:trial", summary: "words of the subject line")
    public static let agency = QueryField(
        name: "agency", meaning: .words(prefix: "XAGENCY", stemmed: false, of: { withAliases($0.agencies, $1) }),
        example: "agency:NYPD", summary: "an agency, by its name or any alias")
    public static let vendor = QueryField(
        name: "vendor", meaning: .words(prefix: "XVENDOR", stemmed: false, of: { withAliases($0.vendors, $1) }),
        example: "vendor:\"Clearview AI\"", summary: "a vendor, by its name or any alias")
    public static let kind = QueryField(
        name: "kind", meaning: .keyword(prefix: "XKIND", values: Record.Kind.allCases.map(\.rawValue), of: \.kind.rawValue),
        example: "kind:email", summary: "email or document (a file that is not mail)")
    public static let date = QueryField(
        name: "date", meaning: .dateRange,
        example: "date:2018-10..2019-02",
        summary: "YYYY[-MM[-DD]], or a range (either end open)")
    public static let file = QueryField(
        name: "file", meaning: .words(prefix: "XFILE", stemmed: false, of: { record, _ in
            ([record.source] + record.otherSources).map { ($0.path as NSString).lastPathComponent }
        }),
        example: "file:release.pdf", summary: "words of the released file's name")
    public static let ocr = QueryField(
        name: "ocr", meaning: .keyword(prefix: "XOCR", values: ["yes", "no"], of: { $0.ocr ? "yes" : "no" }),
        example: "ocr:yes", summary: "yes when any page was read by OCR")

    public static let thread = QueryField(
        name: "thread", meaning: .thread,
        example: "thread:3f2a9c0d1e4b5a68", summary: "every record of a record's conversation (a record id or a thread id)")

    public static let inclusive = QueryField(
        name: "inclusive", meaning: .keyword(prefix: "XINCLUSIVE", values: ["yes", "no"], of: { $0.quotedIn.isEmpty ? "yes" : "no" }),
        example: "inclusive:yes", summary: "no when a later message quotes the whole of it (yes: the messages that hold a conversation)")

    public static let release = QueryField(
        name: "release", meaning: .number(prefix: "XRELEASE", of: \.release),
        example: "release:2", summary: "what ingest N added to the index (corpus releases lists them)")

    public static let request = QueryField(
        // (NYPD's FOIL-2019-056-14551 is found by its number alone too.)
        name: "request", meaning: .identifier(prefix: "XREQUEST", of: { record in
            (record.requests ?? []).flatMap { number in [number] + (number.hasPrefix("FOIL-") ? [String(number.dropFirst(5))] : []) }
        }),
        example: "request:FOIL-2019-056-14551", summary: "a public-records request's number, named in the record or its release's pages")

    /// Every field, in the order help lists them.
    public static let all: [QueryField] = [from, to, subject, agency, vendor, kind, date, file, ocr, thread, inclusive, release, request]

    /// The query language in a few lines, for `corpus search --help`.
    public static var help: String {
        let width = all.map(\.example.count).max()! + 2
        // (Padded by hand: Foundation's padding goes through NSString, and every `corpus
        // search` builds this help while reading its arguments.)
        let rows = all.map { "  " + $0.example + String(repeating: " ", count: width - $0.example.count) + $0.summary }
        return """
            Words, "exact phrases", AND / OR / NOT, a leading - to exclude, parentheses, and fields:
            \(rows.joined(separator: "\n"))
            Example: vendor:"Clearview AI" agency:NYPD date:2018-10..2019-02 -newsletter
            """
    }

    /// The field a query names (in any case), or nil.
    static func named(_ name: some StringProtocol) -> QueryField? {
        let lower = name.lowercased()
        return all.first { $0.name == lower }
    }
}

/// A facet that search reports: its name, the field that narrows to one of its values,
/// and the values a record has. The facet slot and every facet count follow this table.
public struct Facet: Sendable {
    public let name: String
    public let field: QueryField
    let values: @Sendable (Record) -> [String]

    /// The facets, in the contract's order.
    public static let all: [Facet] = [
        Facet(name: "agency", field: .agency, values: \.agencies),
        Facet(name: "vendor", field: .vendor, values: \.vendors),
        Facet(name: "from", field: .from, values: { $0.from.map { [$0.display] } ?? [] }),
        Facet(name: "year", field: .date, values: { $0.date.map { [String($0.sortKey.prefix(4))] } ?? [] }),
        Facet(name: "kind", field: .kind, values: { [$0.kind.rawValue] }),
        Facet(name: "release", field: .release, values: { $0.release.map { [String($0)] } ?? [] }),
        Facet(name: "request", field: .request, values: { $0.requests ?? [] }),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The filter that narrows a query to records with `value`.
    public func filter(_ value: String) -> String {
        // (A quote mark inside the value would end the phrase; it is no part of any term.)
        let phrase = value.replacingOccurrences(of: #"["“”]"#, with: " ", options: .regularExpression)
        return "\(field.name):\"\(phrase)\""
    }
}
