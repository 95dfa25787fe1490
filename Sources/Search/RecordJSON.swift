import Foundation
import Ingest

extension RecordCoding {
    /// A record's JSON as stored in its document: byte for byte what `encoder` writes
    /// (keys in byte order, absent optionals left out, `/` unescaped), which the tests hold
    /// it to. (Written directly: JSONEncoder's generic walk was a twentieth of a mail
    /// ingest.)
    public static func json(_ record: Record) -> Data {
        var out = JSONBytes()
        out.bytes.reserveCapacity(record.text.utf8.count + 1024)
        out.write(record)
        return Data(out.bytes)
    }
}

extension JSONBytes {
    /// Every stored property of `Record`, as its synthesized Codable writes them.
    mutating func write(_ record: Record) {
        object { out in
            out.key("agencies"); out.array(record.agencies) { $0.string($1) }
            out.key("attachments"); out.array(record.attachments) { $0.string($1) }
            out.key("cc"); out.array(record.cc) { $0.write($1) }
            if let copyOf = record.copyOf { out.key("copy_of"); out.string(copyOf) }
            if let date = record.date { out.key("date"); out.string(date.description) }
            out.key("dates_around"); out.array(record.datesAround) { $0.string($1.description) }
            if let from = record.from { out.key("from"); out.write(from) }
            out.key("id"); out.string(record.id)
            if let inReplyTo = record.inReplyTo { out.key("in_reply_to"); out.string(inReplyTo) }
            out.key("kind"); out.string(record.kind.rawValue)
            if let messageID = record.messageID { out.key("message_id"); out.string(messageID) }
            out.key("ocr"); out.bool(record.ocr)
            if let confidence = record.ocrConfidence { out.key("ocr_confidence"); out.int(confidence) }
            if let language = record.ocrLanguage { out.key("ocr_language"); out.string(language) }
            out.key("other_sources"); out.array(record.otherSources) { $0.write($1) }
            if let parent = record.parent { out.key("parent"); out.string(parent) }
            if let printed = record.printedThread { out.key("printed_thread"); out.string(printed) }
            out.key("quoted"); out.array(record.quoted) { $0.write($1) }
            out.key("quoted_in"); out.array(record.quotedIn) { $0.string($1) }
            out.key("redactions"); out.int(record.redactions)
            out.key("references"); out.array(record.references) { $0.string($1) }
            if let release = record.release { out.key("release"); out.int(release) }
            if let requests = record.requests { out.key("requests"); out.array(requests) { $0.string($1) } }
            if let sender = record.sender { out.key("sender"); out.write(sender) }
            out.key("source"); out.write(record.source)
            if let subject = record.subject { out.key("subject"); out.string(subject) }
            out.key("text"); out.string(record.text)
            if let thread = record.thread { out.key("thread"); out.string(thread) }
            out.key("to"); out.array(record.to) { $0.write($1) }
            out.key("unread_attachments"); out.array(record.unreadAttachments) { $0.write($1) }
            out.key("vendors"); out.array(record.vendors) { $0.string($1) }
        }
    }

    /// How many stored properties `write(_: Record)` writes: a property added to `Record`
    /// must be added there too (a test holds the two counts together).
    static let recordProperties = 31

    mutating func write(_ copy: QuotedCopy) {
        object { out in
            out.key("date"); out.string(orNull: copy.date?.description)
            out.key("from")
            if let from = copy.from { out.write(from) } else { out.null() }
            out.key("subject"); out.string(orNull: copy.subject)
        }
    }

    mutating func write(_ attachment: UnreadAttachment) {
        object { out in
            out.key("name"); out.string(attachment.name)
            out.key("reason"); out.string(attachment.reason)
            out.key("size"); out.int(attachment.size)
            out.key("type"); out.string(attachment.type)
        }
    }
}
