import Foundation

/// One searchable unit of a release: an email (printed in a PDF, or an .eml/.mbox
/// message) or a whole document. Fields the source does not give are empty or nil,
/// never guessed.
public struct Record: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case email, document
    }

    /// Stable across re-ingests: derived from the Message-ID and the message's content,
    /// or from the source file's sha256 and page range.
    public var id: String
    public var kind: Kind
    public var subject: String?
    public var from: Correspondent?
    /// Who sent the message for the From mailbox, when that is someone else: a `Sender:`
    /// header, or "Jane Doe on behalf of Records Desk" (Jane Doe).
    public var sender: Correspondent?
    public var to: [Correspondent]
    public var cc: [Correspondent]
    public var date: RecordDate?
    public var agencies: [String]
    public var vendors: [String]
    public var source: Source
    /// The same message found in other files (released twice, or as an .eml and inside
    /// an mbox): one record, every place it was found.
    public var otherSources: [Source] = []
    public var ocr: Bool
    /// Mean Tesseract confidence (0–100) over the record's OCR'd pages.
    public var ocrConfidence: Int?
    public var redactions: Int
    public var text: String
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The record this one was attached to, and the records attached to this one.
    public var parent: String?
    public var attachments: [String]
    /// Attachments that are not records (an image, a format corpus does not read), each
    /// with the reason: an email says what it carried even when it cannot be searched.
    public var unreadAttachments: [UnreadAttachment] = []

    public init(
        id: String, kind: Kind, subject: String? = nil, from: Correspondent? = nil,
        to: [Correspondent] = [], cc: [Correspondent] = [], date: RecordDate? = nil,
        agencies: [String] = [], vendors: [String] = [], source: Source, ocr: Bool = false,
        ocrConfidence: Int? = nil, redactions: Int = 0, text: String, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], parent: String? = nil, attachments: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
        self.agencies = agencies
        self.vendors = vendors
        self.source = source
        self.ocr = ocr
        self.ocrConfidence = ocrConfidence
        self.redactions = redactions
        self.text = text
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.parent = parent
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, subject, from, sender, to, cc, date, agencies, vendors, source, ocr, redactions, text
        case ocrConfidence = "ocr_confidence"
        case messageID = "message_id", inReplyTo = "in_reply_to", references, parent, attachments
        case unreadAttachments = "unread_attachments", otherSources = "other_sources"
    }

    /// Everyone on the record: sender first, then To, then Cc.
    public var correspondents: [Correspondent] {
        (from.map { [$0] } ?? []) + to + cc
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

/// An attachment an email carried that is no record of its own, and why.
public struct UnreadAttachment: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var size: Int
    public var reason: String

    public init(name: String, type: String, size: Int, reason: String) {
        self.name = name
        self.type = type
        self.size = size
        self.reason = reason
    }
}

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

/// Where a record came from.
public struct Source: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    /// First and last page (1-based) in the source PDF; nil (null) for non-paged sources.
    @NullEncoded public var pages: ClosedRange<Int>?
    /// First and last line (1-based) in the source file, for an email split out of a
    /// text release; absent otherwise.
    public var lines: ClosedRange<Int>?
    /// For a record read from an email's attachment: the attachment's file name (path
    /// is then the email's file, and sha256 the attachment's own).
    public var attachment: String?
    /// Where in the file the record is when the file holds several: for an mbox, the
    /// message's position ("#17"). The file's sha256 is then the whole mbox's.
    public var member: String?

    public init(path: String, sha256: String, pages: ClosedRange<Int>? = nil, lines: ClosedRange<Int>? = nil, attachment: String? = nil,
                member: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.pages = pages
        self.lines = lines
        self.attachment = attachment
        self.member = member
    }
}
