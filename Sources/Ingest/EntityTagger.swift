import Foundation

/// Finds a record's agencies and vendors: from its correspondents' email domains, from
/// the signature of a sender writing from a personal account, and (vendors, and
/// everything for a document) from what the text names.
public struct EntityTagger: Sendable {
    public var gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public func tag(_ record: inout Record, signature: String? = nil) {
        var agencies: [String] = []
        var vendors: [String] = []
        func add(_ entity: Entity) {
            switch entity.kind {
            case .agency: if !agencies.contains(entity.name) { agencies.append(entity.name) }
            case .vendor: if !vendors.contains(entity.name) { vendors.append(entity.name) }
            }
        }
        for person in record.correspondents {
            if let domain = person.domain, let entity = gazetteer.entity(forDomain: domain) { add(entity) }
        }
        if let signature, let from = record.from, Gazetteer.isPersonal(from) {
            for entity in gazetteer.entitiesMentioned(in: signature) where entity.kind == .agency { add(entity) }
        }
        // OCR splits "hal@ clearview.ai": an address is not a mention of its domain's owner.
        let text = ByteSearch.replacing("@ ", with: "@", in: (record.subject ?? "") + "\n" + record.text)
        let named = gazetteer.entitiesMentioned(in: text)
        for entity in named where entity.kind == .vendor || record.kind == .document { add(entity) }
        record.agencies = agencies
        record.vendors = vendors
    }

    /// Which entity, if any, an address belongs to.
    public func entity(for correspondent: Correspondent) -> Entity? {
        correspondent.domain.flatMap(gazetteer.entity(forDomain:))
    }
}
