import Foundation

/// A sender or recipient as printed: a name, an address, or both.
public struct Correspondent: Codable, Sendable, Hashable {
    public var name: String?
    public var address: String?

    public init(name: String?, address: String?) {
        let trimmedName = name?.trimmed()
        self.name = (trimmedName?.isEmpty ?? true) ? nil : trimmedName
        let trimmedAddress = address?.trimmed().lowercased()
        self.address = (trimmedAddress?.isEmpty ?? true) ? nil : trimmedAddress
    }

    /// The part after the @, lowercased.
    public var domain: String? {
        guard let address, let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...])
    }

    /// What to show when only one string fits: the address, else the name.
    public var display: String { address ?? name ?? "" }

    enum CodingKeys: String, CodingKey {
        case name, address
        case personalAccount = "personal_account"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decodeIfPresent(String.self, forKey: .name), address: try c.decodeIfPresent(String.self, forKey: .address))
    }

    /// name and address (null when unknown), and personal_account when the address is
    /// on a personal domain (gmail.com, yahoo.com, …).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
        if Gazetteer.isPersonal(self) { try c.encode(true, forKey: .personalAccount) }
    }
}

extension Correspondent {
    static let onBehalfOf = try! NSRegularExpression(pattern: #"^(.+?)\s+on behalf of\s+(.+)$"#, options: .caseInsensitive)

    /// "Jane Doe on behalf of Records Desk" <desk@x>: the mailbox (Records Desk, with the
    /// address) and the person who sent for it (Jane Doe); anyone else as they are.
    public var splitOnBehalf: (from: Correspondent, sender: Correspondent?) {
        guard let name, let m = Self.onBehalfOf.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)),
              let who = Range(m.range(at: 1), in: name), let mailbox = Range(m.range(at: 2), in: name)
        else { return (self, nil) }
        let trim = CharacterSet(charactersIn: " \"'")
        return (Correspondent(name: name[mailbox].trimmingCharacters(in: trim), address: address),
                Correspondent(name: name[who].trimmingCharacters(in: trim), address: nil))
    }
}

extension Correspondent: CustomStringConvertible {
    /// As a reader quotes them: "Jane Doe <jdoe@nypd.org>", the name or the address
    /// alone, "?" when neither was read.
    public var description: String {
        switch (name, address) {
        case let (name?, address?): "\(name) <\(address)>"
        case let (name?, nil): name
        case let (nil, address?): address
        case (nil, nil): "?"
        }
    }
}
