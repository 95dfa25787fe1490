import Foundation

/// The agencies and vendors `corpus` recognises: a built-in list (BuiltInEntities.swift)
/// plus a reporter's own (`--entities FILE`, same CSV format).
public struct Gazetteer: Sendable {
    public private(set) var entities: [Entity] = []
    /// Request numbers: the built-in forms and the shapes of `request` rows.
    public private(set) var requestNumbers = RequestNumbers()
    private var byDomain: [String: Int] = [:]
    private var byName: [String: Int] = [:]
    /// Every name and alias, with its entity: what `mentions` are made of.
    private var names: [(name: String, entity: Int)] = []
    /// Names and aliases as whole-word patterns, each with its words (lowercased UTF-8, or
    /// as printed for an acronym): a pattern only runs on a text that contains them all,
    /// which is few of them for any one text. Made on first use, once: a search
    /// looks entities up by name alone, and making them (the word list read, a pattern
    /// compiled for each name) was most of the time a search took.
    private var mentions = Mentions()

    // (The built-in list is checked by the tests: it always reads.)
    public static let builtIn = try! Gazetteer(csv: BuiltInEntities.csv, origin: "built-in entities")

    public init() {}

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads `type,name,aliases,domains` rows (aliases and domains separated by `;`). A
    /// `request` row names an agency and, in place of aliases, the shapes of its request
    /// numbers (`RequestNumbers.add(shape:)`).
    public init(csv: String, origin: String) throws {
        try add(csv: csv, origin: origin)
    }

    public mutating func add(csv: String, origin: String) throws {
        let rows = CSV.parse(csv)
        // (Trimmed without Foundation, which goes through NSString: every search reads the
        // built-in list.)
        guard let header = rows.first?.map({ $0.trimmedOfSpaces().lowercased() }),
              header.starts(with: ["type", "name"])
        else { throw FormatError(description: "\(origin): the first line must be the header type,name,aliases,domains") }
        for (number, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.trimmedOfSpaces().isEmpty }) {
            func field(_ i: Int) -> String { i < row.count ? row[i].trimmedOfSpaces() : "" }
            let list = { (s: String) in s.split(separator: ";").map { $0.trimmedOfSpaces() }.filter { !$0.isEmpty } }
            if field(0).lowercased() == "request" {
                guard !list(field(2)).isEmpty else {
                    throw FormatError(description: "\(origin): line \(number + 2): a request row gives its number shapes in the third column")
                }
                for shape in list(field(2)) {
                    do { try requestNumbers.add(shape: shape) } catch {
                        throw FormatError(description: "\(origin): line \(number + 2): \(error)")
                    }
                }
                continue
            }
            guard let kind = Entity.Kind(rawValue: field(0).lowercased()) else {
                throw FormatError(description: "\(origin): line \(number + 2): type must be 'agency', 'vendor' or 'request', not '\(field(0))'")
            }
            guard !field(1).isEmpty else { throw FormatError(description: "\(origin): line \(number + 2): the name is empty") }
            add(Entity(kind: kind, name: field(1), aliases: list(field(2)), domains: list(field(3)).map { $0.lowercased() }))
        }
    }

    public mutating func add(_ entity: Entity) {
        let index: Int
        if let existing = byName[entity.name.lowercased()], entities[existing].kind == entity.kind {
            index = existing
            entities[index].aliases += entity.aliases
            entities[index].domains += entity.domains
        } else {
            index = entities.count
            entities.append(entity)
        }
        for domain in entity.domains { byDomain[domain] = index }
        for name in [entity.name] + entity.aliases {
            byName[name.lowercased()] = index
            names.append((name, index))
        }
        // (A copy keeps the patterns made for it; this one makes its own when first asked.)
        mentions = Mentions()
    }

    /// A name's pattern and how it counts.
    private struct Mention {
        /// Each word of the name (lowercased UTF-8, or as printed): a text lacking one
        /// cannot match the pattern.
        var words: [[UInt8]]
        var caseSensitive: Bool
        var needsCue: Bool
        var pattern: NSRegularExpression
        var entity: Int
    }

    /// The patterns of a gazetteer's names, made when first asked for.
    private final class Mentions: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [Mention]?

        func list(_ make: () -> [Mention]) -> [Mention] {
            lock.withLock {
                if let made { return made }
                let list = make()
                made = list
                return list
            }
        }
    }

    private func madeMentions() -> [Mention] {
        let everyday = EverydayWords.entries(among: Set(names.flatMap { name, _ in name.split(separator: " ").map { $0.lowercased() } }))
        return names.compactMap { name, index in
            let entity = entities[index]
            // Short all-caps aliases (ICE, DHS, ROC) only count in capitals, so that
            // "ice" or "roc" in running text is not taken for an agency.
            let isAcronym = name.count <= 4 && name == name.uppercased()
            // A one-word name that is also an everyday word ("Vigilant", "Hive") counts
            // only as printed and beside a word that makes it a vendor ("Vigilant's LPR
            // database"), not in "the police became vigilant".
            let isEverydayWord = !isAcronym && !name.contains(" ") && everyday.contains(name.lowercased())
            // A vendor's name of everyday words ("Rank One") counts as printed or in
            // capitals, not in "a rank one priority".
            let isEverydayPhrase = entity.kind == .vendor && name.contains(" ")
                && name.split(separator: " ").allSatisfy { everyday.contains($0.lowercased()) }
            let caseSensitive = isAcronym || isEverydayWord
            // A name may wrap onto the next line.
            func escaped(_ name: String) -> String {
                NSRegularExpression.escapedPattern(for: name).replacingOccurrences(of: " ", with: "\\s+")
            }
            let names = isEverydayPhrase ? "(?:" + escaped(name) + "|" + escaped(name.uppercased()) + ")" : escaped(name)
            let pattern = "(?<![\\w@.])" + names + "(?![\\w@])"
            guard let regex = try? NSRegularExpression(pattern: pattern, options: caseSensitive || isEverydayPhrase ? [] : [.caseInsensitive]) else { return nil }
            let words = name.split(separator: " ").map { Array((caseSensitive ? String($0) : $0.lowercased()).utf8) }
            return Mention(words: words, caseSensitive: caseSensitive,
                           needsCue: isEverydayWord, pattern: regex, entity: index)
        }
    }

    /// The entity owning an email domain (or a parent domain of it).
    public func entity(forDomain domain: String) -> Entity? {
        var candidate = domain.lowercased()
        while true {
            if let i = byDomain[candidate] { return entities[i] }
            guard let dot = candidate.firstIndex(of: ".") else { return nil }
            candidate = String(candidate[candidate.index(after: dot)...])
            if !candidate.contains(".") { return nil }
        }
    }

    /// The entity with this name or alias (case-insensitive).
    public func entity(named name: String) -> Entity? {
        byName[name.lowercased()].map { entities[$0] }
    }

    /// Entities named anywhere in text, in gazetteer order.
    public func entitiesMentioned(in text: String) -> [Entity] {
        var found = Set<Int>()
        let range = NSRange(text.startIndex..., in: text)
        let bytes = Array(text.utf8), lower = Array(text.lowercased().utf8)
        let runs = (bytes: ByteSearch.Trigrams(bytes), lower: ByteSearch.Trigrams(lower))
        for mention in mentions.list(madeMentions) where !found.contains(mention.entity) {
            guard mention.words.allSatisfy({ word in
                mention.caseSensitive ? runs.bytes.mayHold(word) && ByteSearch.contains(bytes, word)
                    : runs.lower.mayHold(word) && ByteSearch.contains(lower, word)
            }) else { continue }
            if mention.needsCue {
                let cued = mention.pattern.matches(in: text, range: range).contains { match in
                    Range(match.range, in: text).map { Self.hasVendorCue(around: $0, in: text) || Self.capitalisedMidSentence($0, in: text) } ?? false
                }
                if cued { found.insert(mention.entity) }
            } else if mention.pattern.firstMatch(in: text, range: range) != nil {
                found.insert(mention.entity)
            }
        }
        return found.sorted().map { entities[$0] }
    }

    /// Words that make a name beside them a company or its product.
    static let vendorCues: Set<String> = [
        "inc", "llc", "corp", "corporation", "co", "ltd", "company", "solutions", "systems", "technologies", "technology",
        "labs", "software", "platform", "system", "database", "app", "application", "product", "products", "tool",
        "license", "licenses", "subscription", "contract", "vendor", "sales", "account", "accounts", "trial", "pilot",
        "demo", "quote", "invoice", "lpr", "alpr", "plate", "reader", "readers", "api", "sdk", "server", "s",
    ]

    /// A vendor cue among the three words before or after the range.
    static func hasVendorCue(around range: Range<String.Index>, in text: String) -> Bool {
        func words(_ part: Substring) -> [String] {
            part.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        let before = words(text[preceding(range, in: text)])
        let after = words(text[range.upperBound..<text.index(range.upperBound, offsetBy: min(40, text.distance(from: range.upperBound, to: text.endIndex)))])
        return (before.suffix(3) + after.prefix(3)).contains { vendorCues.contains($0) }
    }

    /// Whether a name printed with its capital stands inside a sentence, after a word in
    /// lower case ("the connection to Axon drops"): a name there, not a sentence's first
    /// word or a title's ("Stay Vigilant").
    static func capitalisedMidSentence(_ range: Range<String.Index>, in text: String) -> Bool {
        guard let word = text[preceding(range, in: text)].split(whereSeparator: { $0.isWhitespace }).last,
              let first = word.first, let last = word.last
        else { return false }
        return first.isLowercase && (last.isLetter || last.isNumber || last == ",")
    }

    /// The forty characters (or fewer) before a range: what is read around a name.
    private static func preceding(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        text.index(range.lowerBound, offsetBy: -min(40, text.distance(from: text.startIndex, to: range.lowerBound)))..<range.lowerBound
    }

    /// Web-mail and consumer domains: an address there is a personal account.
    public static let personalDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com",
        "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "protonmail.com", "proton.me", "gmx.com",
        "mail.com", "comcast.net", "verizon.net", "optonline.net", "att.net", "zoho.com", "fastmail.com",
    ]

    public static func isPersonal(_ correspondent: Correspondent) -> Bool {
        correspondent.domain.map { personalDomains.contains($0) } ?? false
    }
}
