import Foundation
import Ingest

/// A correspondent across the matching records: one person, however many spellings and
/// addresses, and the evidence that made them one.
public struct Person: Encodable, Sendable {
    /// The spelling printed most often.
    @NullEncoded public var name: String?
    /// Every spelling printed, most often first.
    public var names: [String]
    public var addresses: [String]
    @NullEncoded public var agency: String?
    @NullEncoded public var vendor: String?
    public var personalAccount: Bool
    @NullEncoded public var first: RecordDate?
    @NullEncoded public var last: RecordDate?
    public var messages: Int
    /// Why these spellings and addresses are one person.
    public var mergedBecause: [String]

    enum CodingKeys: String, CodingKey {
        case name, names, addresses, agency, vendor, first, last, messages
        case personalAccount = "personal_account", mergedBecause = "merged_because"
    }
}

extension SearchIndex {
    /// Everyone who sent or received the matching emails, one entry a person. Spellings
    /// and addresses are one person only on evidence: one name however printed ("Reyes,
    /// Michael", "Det. Michael Reyes"; never a first name alone), a name printed with an
    /// address, and a message from an address signed with a name printed elsewhere. Their
    /// agency or vendor comes from a work address's domain, or, for someone seen only on a
    /// personal account, from the agency their signed emails were attributed to.
    public func people(query: String) throws -> [Person] {
        let gazetteer = try self.gazetteer
        var people = PeopleGraph()
        try forEachRecord(matching: query) { record in
            guard record.kind == .email else { return }
            var nodes: [Int] = []
            for (position, person) in record.correspondents.enumerated() {
                let address = person.address.map { people.node("address:" + $0.lowercased(), address: $0) }
                // (A name that is no full name, "Tony", or an organisation's, "Clearview AI", is
                // a spelling of its address only.)
                let key = person.name.flatMap { gazetteer.entity(named: $0) == nil ? PersonName.key($0) : nil }
                let name = key.map { people.node("name:" + $0) }
                guard let node = address ?? name ?? person.name.map({ people.node("spelling:" + $0.lowercased()) }) else { continue }
                if let address, let name { people.union(address, name, because: "printed together: \(person.name!) <\(person.address!)>") }
                if let spelling = person.name { people.spellings[node, default: [:]][spelling, default: 0] += 1 }
                if position == 0, Gazetteer.isPersonal(person) {
                    let explained = Set(record.correspondents.dropFirst().compactMap { $0.domain.flatMap(gazetteer.entity(forDomain:))?.name })
                    for agency in record.agencies where !explained.contains(agency) { people.agencies[node, default: [:]][agency, default: 0] += 1 }
                }
                nodes.append(node)
            }
            // A message from an address, signed with a name or introducing its sender by one:
            // said again after every message is read, when the name may have been printed
            // elsewhere. Addresses its sender gives as their own are theirs.
            if let address = record.from?.address?.lowercased() {
                for signed in PersonName.signatures(in: record.text) where gazetteer.entity(named: signed) == nil {
                    people.signed.append((address, signed, "signed", record.id))
                }
                for introduced in OwnAccounts.introducedNames(in: record.text) where gazetteer.entity(named: introduced) == nil {
                    people.signed.append((address, introduced, "introduced as", record.id))
                }
                for other in OwnAccounts.addresses(in: record.text, from: address) {
                    people.union(people.node("address:" + address, address: address), people.node("address:" + other, address: other),
                                 because: "a message from \(address) gives \(other) as the sender's own (record \(record.id))")
                }
            }
            people.messages.append((nodes, record.date))
        }
        people.linkSignatures()
        return people.persons(gazetteer: gazetteer)
    }
}

/// Spellings and addresses as nodes, joined into people (union-find) with the reason each
/// join was made.
private struct PeopleGraph {
    var ids: [String: Int] = [:]
    var parent: [Int] = []
    var because: [[String]] = []
    /// A group's addresses and full names (kept at its root).
    var counts: [(addresses: Int, names: Int)] = []
    var addresses: [Int: String] = [:]
    var spellings: [Int: [String: Int]] = [:]
    var agencies: [Int: [String: Int]] = [:]
    var signed: [(address: String, name: String, how: String, record: String)] = []
    var messages: [(nodes: [Int], date: RecordDate?)] = []

    mutating func node(_ key: String, address: String? = nil) -> Int {
        if let id = ids[key] { return id }
        let id = parent.count
        ids[key] = id
        parent.append(id)
        because.append([])
        counts.append((address == nil ? 0 : 1, key.hasPrefix("name:") ? 1 : 0))
        if let address { addresses[id] = address }
        return id
    }

    mutating func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Joins two nodes; the reason is kept when the join gives a person a second address
    /// or a second name (a name printed with its address the first time is no evidence
    /// worth saying).
    mutating func union(_ a: Int, _ b: Int, because reason: String) {
        let (ra, rb) = (root(a), root(b))
        guard ra != rb else { return }
        let (ca, cb) = (counts[ra], counts[rb])
        parent[rb] = ra
        because[ra] += because[rb]
        counts[ra] = (ca.addresses + cb.addresses, ca.names + cb.names)
        if ca.addresses > 0 && cb.addresses > 0 || ca.names > 0 && cb.names > 0 { because[ra].append(reason) }
    }

    mutating func linkSignatures() {
        for (address, name, how, record) in signed {
            guard let from = ids["address:" + address], let key = PersonName.key(name), let named = ids["name:" + key] else { continue }
            union(named, from, because: "\(how) \"\(name)\" in a message from \(address) (record \(record))")
        }
    }

    mutating func persons(gazetteer: Gazetteer) -> [Person] {
        struct Tally {
            var nodes: [Int] = []
            var messages = 0
            var first: RecordDate?, last: RecordDate?
        }
        var tallies: [Int: Tally] = [:]
        for node in parent.indices { tallies[root(node), default: Tally()].nodes.append(node) }
        for (nodes, date) in messages {
            for person in Set(nodes.map { root($0) }) {
                guard var tally = tallies[person] else { continue }
                tally.messages += 1
                if let date {
                    tally.first = min(tally.first ?? date, date)
                    tally.last = max(tally.last ?? date, date)
                }
                tallies[person] = tally
            }
        }
        return tallies.map { root, tally in
            var spelled: [String: Int] = [:]
            var signedAgencies: [String: Int] = [:]
            for node in tally.nodes {
                spelled.merge(spellings[node] ?? [:], uniquingKeysWith: +)
                signedAgencies.merge(agencies[node] ?? [:], uniquingKeysWith: +)
            }
            let names = spelled.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            let addressList = tally.nodes.compactMap { addresses[$0] }
            // Spellings of one name, each printed: the same name however written.
            var reasons = because[root]
            let keyed = Dictionary(grouping: names, by: { PersonName.key($0) ?? $0 }).values.filter { $0.count > 1 }
            for forms in keyed { reasons.insert("the same name: " + forms.map { "\"\($0)\"" }.joined(separator: ", "), at: 0) }
            let entity = addressList.lazy.compactMap { Correspondent(name: nil, address: $0).domain.flatMap(gazetteer.entity(forDomain:)) }.first
            let signed = signedAgencies.max { $0.value < $1.value }?.key
            return Person(
                name: names.first, names: names, addresses: addressList,
                agency: entity?.kind == .agency ? entity?.name : (entity == nil ? signed : nil),
                vendor: entity?.kind == .vendor ? entity?.name : nil,
                personalAccount: addressList.contains { Gazetteer.isPersonal(Correspondent(name: nil, address: $0)) },
                first: tally.first, last: tally.last, messages: tally.messages, mergedBecause: reasons)
        }.filter { $0.messages > 0 }.sorted { ($0.messages, $1.name ?? "") > ($1.messages, $0.name ?? "") }
    }
}
