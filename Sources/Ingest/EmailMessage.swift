import Foundation

/// A parsed email file (.eml, or one message of an .mbox): its header fields, the
/// readable body, and the attachments that are files of their own.
public struct EmailMessage: Sendable {
    public var subject: String?
    public var from: Correspondent?
    /// Who sent it for the From mailbox (`Sender:`, or "X on behalf of Y"), when not the same.
    public var sender: Correspondent?
    public var to: [Correspondent]
    public var cc: [Correspondent]
    public var date: RecordDate?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var body: String
    public var attachments: [Attachment]

    public struct Attachment: Sendable {
        public var filename: String
        public var contentType: String
        public var data: Data
    }

    public init(_ data: Data) {
        self.init(part: MIMEPart(data))
    }

    init(part message: MIMEPart) {
        subject = message.header("Subject").map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
        let (mailbox, onBehalf) = message.rawHeaders("From").flatMap(MailboxList.parse).first.map(\.splitOnBehalf) ?? (nil, nil)
        from = mailbox
        let senderHeader = message.rawHeaders("Sender").flatMap(MailboxList.parse).first
        sender = senderHeader.flatMap { $0.address != nil && $0.address == mailbox?.address ? nil : $0 } ?? onBehalf
        to = message.rawHeaders("To").flatMap(MailboxList.parse)
        cc = message.rawHeaders("Cc").flatMap(MailboxList.parse)
        date = message.header("Date").flatMap(DateParser.parseHeader)
        messageID = message.header("Message-ID").flatMap(EmailMessage.messageIDs).flatMap(\.first)
        let named = message.header("References").flatMap(EmailMessage.messageIDs) ?? []
        references = named
        // Old mailers (MH, exmh) write "Message from Name <address> of Date. <message-id>":
        // the id the References also name, else the last.
        let replied = message.header("In-Reply-To").flatMap(EmailMessage.messageIDs) ?? []
        inReplyTo = replied.last { named.contains($0) } ?? replied.last
        var texts: [String] = []
        var files: [Attachment] = []
        EmailMessage.collect(message, texts: &texts, attachments: &files)
        // readpst writes an Outlook message's RTF body as an attachment, "rtf-body.rtf",
        // beside its plain or HTML body if it has one: the body, not a file sent with it.
        if let rtf = files.firstIndex(where: { $0.filename == "rtf-body.rtf" && Self.rtfTypes.contains($0.contentType) }) {
            if texts.isEmpty { texts.append(RTFText.text(from: files[rtf].data)) }
            files.remove(at: rtf)
        }
        body = ByteSearch.replacing("\r\n", with: "\n", in: texts.joined(separator: "\n\n"))
        attachments = files
    }

    /// The message a record names: the file's, or for an mbox the one at `member` ("#17").
    public static func read(path: String, member: String?) throws -> EmailMessage? {
        guard let member, let position = Int(member.dropFirst()) else {
            return EmailMessage(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        for (index, message) in try MboxReader(path: path).enumerated() where index + 1 == position {
            return EmailMessage(message.data)
        }
        return nil
    }

    /// `<a@b>` ids in a header, without the brackets.
    static let bracketed = try! NSRegularExpression(pattern: #"<([^<>\s]+)>"#)

    static func messageIDs(_ value: String) -> [String]? {
        let ids = bracketed.matches(in: value, range: NSRange(value.startIndex..., in: value)).compactMap {
            Range($0.range(at: 1), in: value).map { String(value[$0]) }
        }
        if !ids.isEmpty { return ids }
        let bare = value.trimmed()
        return bare.isEmpty ? nil : [bare]
    }

    /// An RTF body: Outlook's, when a message has no other.
    static let rtfTypes: Set<String> = ["text/rtf", "application/rtf"]

    /// Walks the MIME tree: readable text (plain preferred over HTML in an
    /// alternative) into texts, attached files into attachments.
    private static func collect(_ part: MIMEPart, texts: inout [String], attachments: inout [Attachment]) {
        if part.isAttachment {
            let name = part.filename ?? (part.contentType == "message/rfc822" ? "attached-message.eml" : "attachment")
            attachments.append(Attachment(filename: name, contentType: part.contentType, data: part.body))
            return
        }
        switch part.contentType {
        case "multipart/alternative":
            let choice = part.parts.first { $0.contentType == "text/plain" }
                ?? part.parts.first { $0.contentType == "text/html" }
                ?? part.parts.first { Self.rtfTypes.contains($0.contentType) }
                ?? part.parts.first { $0.contentType.hasPrefix("multipart/") }
            if let choice { collect(choice, texts: &texts, attachments: &attachments) }
        case let type where type.hasPrefix("multipart/"):
            for sub in part.parts { collect(sub, texts: &texts, attachments: &attachments) }
        case "text/plain", "text/enriched":
            texts.append(part.text)
        case "text/html":
            texts.append(HTMLText.text(from: part.text))
        case let type where rtfTypes.contains(type):
            texts.append(RTFText.text(from: part.body))
        default:
            if !part.body.isEmpty {
                attachments.append(Attachment(filename: part.filename ?? "attachment", contentType: part.contentType, data: part.body))
            }
        }
    }
}
