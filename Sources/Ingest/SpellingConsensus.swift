import Foundation

/// OCR misreads a letter of an address or a name now and then ("hq.dhs.gov" as
/// "hg.dhs.gov", "Alicia" as "Alicil"), and each print of a person reads differently.
/// Within one scanned file the same people and mail domains recur — as senders, in To
/// and Cc, in signatures and quoted lines — so a spelling seen less often than one a
/// letter away from it is taken for a misreading.
struct SpellingConsensus {
    /// Misread domain → the file's usual one, or the known one it is a letter or two from.
    private var domains: [String: String] = [:]
    /// Misread address → the file's usual one.
    private var addresses: [String: String] = [:]
    /// Address → the addresses read in the file a letter or two from it, with how often
    /// each was read (a read that agrees with its name counting twice).
    private var neighbours: [String: [String: Int]] = [:]
    /// Address → misread name → the name usually printed with that address.
    private var names: [String: [String: String]] = [:]
    /// How often each address was read in the file, in headers and in its text.
    private var readCounts: [String: Int] = [:]

    /// The consensus of every correspondent OCR read in one file, with the addresses OCR
    /// read elsewhere in its text as further votes, and the domains of the agencies and
    /// vendors `corpus` knows (and web mail) as what a domain read nowhere else may be.
    init(_ people: [Correspondent], textAddresses: [String] = [], knownDomains: Set<String> = []) {
        domains = Self.usualDomains(people.compactMap(\.address) + textAddresses, known: knownDomains)
        let people = people.map { Correspondent(name: $0.name, address: $0.address.map(withUsualDomain)) }
        let read = people.compactMap(\.address)
        // A read whose name spells its address is two readings that agree: it counts twice.
        let agreeing = people.compactMap { person in
            person.name.flatMap { name in person.address.flatMap { Self.spells(Self.parts($0).local, name) ? $0 : nil } }
        }
        (addresses, neighbours, readCounts) = Self.usualAddresses(read + textAddresses.map(withUsualDomain), agreeing: agreeing, of: Set(read))
        var namesByAddress: [String: [String: Int]] = [:]
        for person in people.map(repaired) {
            guard let address = person.address, let name = person.name, !name.isEmpty else { continue }
            namesByAddress[address, default: [:]][name, default: 0] += 1
        }
        for (address, counts) in namesByAddress {
            guard let usual = Self.mostFrequent(counts) else { continue }
            let key = Self.letters(usual.key)
            for (name, count) in counts where count < usual.value {
                let read = Self.letters(name)
                // A letter or two of a name; a different person under a shared mailbox is
                // further off. Accents alone are left as read: OCR drops more than it adds.
                if read != key, PrintedHeader.editDistance(read, key) <= max(1, read.count / 5) {
                    names[address, default: [:]][name] = usual.key
                }
            }
        }
    }

    /// The person as the file usually spells them: the address, then the name checked
    /// against it (OCRRepair.name), then the name usually printed with that address.
    func apply(_ person: Correspondent) -> Correspondent {
        var person = repaired(person)
        if let address = person.address, let name = person.name, let usual = names[address]?[name] {
            person.name = usual
        }
        return person
    }

    private func repaired(_ person: Correspondent) -> Correspondent {
        let person = Correspondent(name: person.name, address: person.address.map(withUsualDomain))
        guard let address = person.address else { return OCRRepair.name(person) }
        // An address whose dot OCR read as a space, the word before it then taken for a
        // name ("Kwame Simkova@…", "Kwame .Simkova@…"): the whole address, where the file
        // reads it so at least as often.
        if let name = person.name, !name.contains(" "), case let (local, domain) = Self.parts(address), !domain.isEmpty {
            let whole = Self.letters(name) + "." + local.drop { $0 == "." } + "@" + domain
            if let wholeCount = readCounts[whole], wholeCount >= readCounts[address, default: 0] || local.hasPrefix(".") {
                return Correspondent(name: nil, address: whole)
            }
        }
        // The name read beside an address is a second reading of it: of the spellings a
        // letter off a misread address, the one that spells the name is right.
        if let name = person.name, !Self.spells(Self.parts(address).local, name) {
            let spelling = (neighbours[address] ?? [:]).filter { Self.spells(Self.parts($0.key).local, name) }
            if let usual = Self.mostFrequent(spelling) {
                return OCRRepair.name(Correspondent(name: person.name, address: usual.key))
            }
        }
        guard let usual = addresses[address] else { return OCRRepair.name(person) }
        return OCRRepair.name(Correspondent(name: person.name, address: usual))
    }

    /// Whether the part of an address before the @ spells the name the usual ways: every
    /// word ("kathleen.t.dasilva"), the first word's initial and the rest ("lwilliams"),
    /// the rest and that initial ("rahmanj"), or the first word alone.
    private static func spells(_ local: Substring, _ name: String) -> Bool {
        let words = name.split(whereSeparator: { !$0.isLetter }).map { letters(String($0)) }
        guard let first = words.first, words.count >= 2 else { return false }
        let read = letters(String(local.filter(\.isLetter)))
        let rest = words.dropFirst().joined()
        return [words.joined(), String(first.prefix(1)) + rest, rest + first.prefix(1), first].contains(read)
    }

    private func withUsualDomain(_ address: String) -> String {
        let (local, domain) = Self.parts(address)
        return domains[String(domain)].map { local + "@" + $0 } ?? address
    }

    /// A domain is misread when it is not a known one and a domain seen more often in the
    /// file, or a known one, is a letter away from it — two in a long domain
    /// ("ebabelstieet.com"), none in a short one that ends as domains do. A known domain
    /// may be the end of the one read ("ice.dhs.qov" ends as "dhs.gov" would): only that
    /// end is replaced.
    private static func usualDomains(_ addresses: [String], known: Set<String>) -> [String: String] {
        var counts: [String: Int] = [:]
        for address in addresses {
            let domain = String(parts(address).domain)
            if domain.contains(".") { counts[domain, default: 0] += 1 }
        }
        func isKnown(_ domain: String) -> Bool {
            known.contains(domain) || known.contains { domain.hasSuffix("." + $0) }
        }
        var result: [String: String] = [:]
        for (domain, count) in counts where !isKnown(domain) {
            // A short domain a letter off another is as often another domain ("hhs.gov",
            // "dhs.gov") unless it does not end as domains do ("atf.qov").
            if domain.count < 10, let end = domain.split(separator: ".").last, topLevelDomains.contains(String(end)) { continue }
            let allowed = domain.count >= 12 ? 2 : 1
            // Known first, then the most often seen, then the alphabetically first.
            var best: (usual: String, rank: (Int, Int))?
            func consider(_ usual: String, known: Bool, count: Int) {
                let rank = (known ? 1 : 0, count)
                if let b = best, b.rank > rank || (b.rank == rank && b.usual <= usual) { return }
                best = (usual, rank)
            }
            for (other, otherCount) in counts where otherCount > count && other != domain {
                if PrintedHeader.editDistance(other, domain) <= allowed { consider(other, known: isKnown(other), count: otherCount) }
            }
            let labels = domain.split(separator: ".")
            for usual in known {
                let width = usual.split(separator: ".").count
                guard width <= labels.count else { continue }
                let end = labels.suffix(width).joined(separator: ".")
                guard end != usual, PrintedHeader.editDistance(end, usual) <= (end.count >= 12 ? 2 : 1) else { continue }
                consider((labels.dropLast(width) + [Substring(usual)]).joined(separator: "."), known: true, count: counts[usual] ?? 0)
            }
            if let best { result[domain] = best.usual }
        }
        // A usual domain may itself be a misreading of a known one: follow to the end
        // (each step goes to a domain seen more often, or a known one, so it ends).
        for (domain, usual) in result {
            var end = usual
            while let next = result[end], next != end { end = next }
            result[domain] = end
        }
        return result
    }

    /// The ends of most mail domains in public records.
    private static let topLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "mil", "int", "us", "io", "ai", "co", "uk", "ca", "de", "fr", "info", "biz",
        "online", "me", "tv", "app", "dev", "law", "nyc", "eu", "au", "in", "cn", "ru", "es", "mx", "br", "jp", "il",
    ]

    /// An address (of a correspondent) seen less often than one a letter away from it is
    /// misread when the part before the @ is the same (a misread domain), or when the
    /// domain is the same and the address was seen once with a long part before the @:
    /// short ones one letter apart ("mark@", "mary@") are as often two people. A very long
    /// one ("theresa.nacdenald@") may be two letters off one seen at least twice. "Seen"
    /// counts a read that agrees with its name twice: "Liam Cook" <liam.cook@…> read twice
    /// outweighs "llam.cook@" read three times elsewhere.
    /// Also, for each address read, those of its domain a letter or two from it; and how
    /// often each address was seen.
    private static func usualAddresses(_ votes: [String], agreeing: [String], of read: Set<String>)
        -> (usual: [String: String], neighbours: [String: [String: Int]], counts: [String: Int])
    {
        var counts: [String: Int] = [:], weights: [String: Int] = [:]
        for address in votes { counts[address, default: 0] += 1 }
        for address in votes + agreeing { weights[address, default: 0] += 1 }
        var usual: [String: String] = [:], neighbours: [String: [String: Int]] = [:]
        for (address, count) in counts where read.contains(address) {
            let (local, domain) = parts(address)
            var near: [String: Int] = [:], distances: [String: Int] = [:]
            // (Lengths first: a file's addresses mostly share a domain, and comparing each
            // pair letter by letter is the cost here.)
            for (other, weight) in weights where other != address && abs(other.count - address.count) <= 2 {
                let (otherLocal, otherDomain) = parts(other)
                guard otherLocal == local || otherDomain == domain else { continue }
                let distance = PrintedHeader.editDistance(other, address)
                if distance == 1 || (distance == 2 && otherDomain == domain && local.count >= 8) {
                    near[other] = weight
                    distances[other] = distance
                }
            }
            neighbours[address] = near
            let weight = weights[address] ?? count
            let candidates = near.filter { other, otherWeight in
                guard otherWeight > weight else { return false }
                if distances[other] == 1 { return parts(other).local == local || (count == 1 && local.count >= 8) }
                return count == 1 && (counts[other] ?? 0) >= 2 && local.count >= 12
            }
            if let best = mostFrequent(candidates) { usual[address] = best.key }
        }
        return (usual, neighbours, counts)
    }

    private static func parts(_ address: String) -> (local: Substring, domain: Substring) {
        guard let at = address.lastIndex(of: "@") else { return (address[...], "") }
        return (address[..<at], address[address.index(after: at)...])
    }

    /// The most frequent entry; ties go to the alphabetically first, so that the result
    /// does not depend on a dictionary's order.
    private static func mostFrequent(_ counts: [String: Int]) -> (key: String, value: Int)? {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
    }

    /// A name compared by its letters only: case and accents are what OCR gets wrong most.
    private static func letters(_ name: String) -> String {
        name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    }
}
