import Foundation
import Ingest

/// A correspondent across the matching records: one person, however many addresses.
public struct Person: Encodable, Sendable {
    @NullEncoded public var name: String?
    public var addresses: [String]
    @NullEncoded public var agency: String?
    @NullEncoded public var vendor: String?
    public var personalAccount: Bool
    @NullEncoded public var first: RecordDate?
    @NullEncoded public var last: RecordDate?
    public var messages: Int

    enum CodingKeys: String, CodingKey {
        case name, addresses, agency, vendor, first, last, messages
        case personalAccount = "personal_account"
    }

}

extension SearchIndex {
    /// Everyone who sent or received the matching emails. Addresses printed with the
    /// same name are one person (a detective's work and Gmail accounts); their agency
    /// or vendor comes from a work address's domain, or, for someone seen only on a
    /// personal account, from the agency their signed emails were attributed to.
    public func people(query: String) throws -> [Person] {
        struct Tally {
            var names: [String: Int] = [:]
            var addresses: [String] = []
            var agencies: [String: Int] = [:]
            var first: RecordDate?, last: RecordDate?
            var messages = 0
        }
        var tallies: [String: Tally] = [:]
        var keyForAddress: [String: String] = [:]
        try forEachRecord(matching: query) { record in
            guard record.kind == .email else { return }
            var seen = Set<String>()
            for (position, person) in record.correspondents.enumerated() {
                let nameKey = person.name.map { "name:" + $0.lowercased() }
                let key = person.address.flatMap { keyForAddress[$0] } ?? nameKey ?? "address:" + (person.address ?? "")
                guard seen.insert(key).inserted else { continue }
                var tally = tallies[key] ?? Tally()
                if let name = person.name { tally.names[name, default: 0] += 1 }
                if let address = person.address {
                    if !tally.addresses.contains(address) { tally.addresses.append(address) }
                    keyForAddress[address] = key
                }
                if position == 0, Gazetteer.isPersonal(person) {
                    let explained = Set(record.correspondents.dropFirst().compactMap { $0.domain.flatMap(gazetteer.entity(forDomain:))?.name })
                    for agency in record.agencies where !explained.contains(agency) { tally.agencies[agency, default: 0] += 1 }
                }
                tally.messages += 1
                if let date = record.date {
                    tally.first = min(tally.first ?? date, date)
                    tally.last = max(tally.last ?? date, date)
                }
                tallies[key] = tally
            }
        }
        return tallies.values.map { tally in
            let entity = tally.addresses.lazy.compactMap { address in
                Correspondent(name: nil, address: address).domain.flatMap(self.gazetteer.entity(forDomain:))
            }.first
            let signed = tally.agencies.max { $0.value < $1.value }?.key
            return Person(
                name: tally.names.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key, addresses: tally.addresses,
                agency: entity?.kind == .agency ? entity?.name : (entity == nil ? signed : nil),
                vendor: entity?.kind == .vendor ? entity?.name : nil,
                personalAccount: tally.addresses.contains { Gazetteer.isPersonal(Correspondent(name: nil, address: $0)) },
                first: tally.first, last: tally.last, messages: tally.messages)
        }.sorted { ($0.messages, $1.name ?? "") > ($1.messages, $0.name ?? "") }
    }
}
