import Foundation

/// OCR misreads a letter of an address or a name now and then ("hq.dhs.gov" as
/// "hg.dhs.gov", "Alicia" as "Alicil"), and each print of a person reads differently.
/// Within one scanned file the same people recur — as senders, in To and Cc — so a
/// spelling seen less often than one a letter away from it is taken for a misreading.
struct SpellingConsensus {
    /// Misread address → the file's usual one.
    private var addresses: [String: String] = [:]
    /// Address → misread name → the name usually printed with that address.
    private var names: [String: [String: String]] = [:]

    /// The consensus of every correspondent OCR read in one file.
    init(_ people: [Correspondent]) {
        addresses = Self.usualAddresses(people)
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
        guard let address = person.address, let usual = addresses[address] else { return OCRRepair.name(person) }
        return OCRRepair.name(Correspondent(name: person.name, address: usual))
    }

    /// An address seen less often than one a letter away from it is misread when the part
    /// before the @ is the same (a misread domain), or when the domain is the same and the
    /// address was seen once with a long part before the @: short ones one letter apart
    /// ("mark@", "mary@") are as often two people.
    private static func usualAddresses(_ people: [Correspondent]) -> [String: String] {
        var counts: [String: Int] = [:]
        for address in people.compactMap(\.address) { counts[address, default: 0] += 1 }
        var result: [String: String] = [:]
        for (address, count) in counts {
            let (local, domain) = parts(address)
            let candidates = counts.filter { other, otherCount in
                guard otherCount > count, PrintedHeader.editDistance(other, address) == 1 else { return false }
                let (otherLocal, otherDomain) = parts(other)
                return otherLocal == local || (otherDomain == domain && count == 1 && local.count >= 8)
            }
            if let usual = mostFrequent(candidates) { result[address] = usual.key }
        }
        return result
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
