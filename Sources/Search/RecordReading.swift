import Foundation
import Ingest

extension RecordCoding {
    /// A record from its stored JSON, as `decoder` decodes it. Read directly when the JSON
    /// is what `json(_:)` writes (JSONDecoder's generic walk was a sixth of the reading
    /// room's answer to a search, for 20 records); anything else it may hold — a key this
    /// reader does not know, a number with a fraction, bytes that are not UTF-8 — is left
    /// to `decoder`, so that both always agree (a test holds them to it).
    public static func record(from data: Data) throws -> Record {
        try readDirectly(data) ?? decoder.decode(Record.self, from: data)
    }

    /// The record, when its JSON is what this reader expects; else nil.
    static func readDirectly(_ data: Data) -> Record? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            guard let record = reader.record(), reader.atEnd else { return nil }
            return record
        }
    }
}

/// A cursor over JSON bytes that reads the stored types; each read returns nil, leaving
/// the cursor anywhere, for anything it does not expect.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get { skipSpace(); return at == bytes.count }
    }

    mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
    }

    /// Consumes `byte` (after white space) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    mutating func take(_ word: String) -> Bool {
        skipSpace()
        for byte in word.utf8 {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
        }
        return true
    }

    /// An object's members in turn: `member` reads the value of the key it is given and
    /// returns false for a key it does not read.
    mutating func object(_ member: (inout JSONReader, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ element: (inout JSONReader) -> Element?) -> [Element]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        if take(UInt8(ascii: "]")) { return elements }
        repeat {
            guard let next = element(&self) else { return nil }
            elements.append(next)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? elements : nil
    }

    /// A value or null: `.some(nil)` for null, nil when neither.
    mutating func orNull<Value>(_ value: (inout JSONReader) -> Value?) -> Value?? {
        if take("null") { return .some(nil) }
        return value(&self).map { .some($0) }
    }

    mutating func bool() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// An integer as JSON writes one: an optional minus, digits (no leading zero), nothing else.
    mutating func int() -> Int? {
        skipSpace()
        let negative = take(UInt8(ascii: "-"))
        if at + 1 < bytes.count, bytes[at] == UInt8(ascii: "0"), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at + 1]) {
            return nil
        }
        var value = 0, digits = 0
        while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times + Int(bytes[at] - UInt8(ascii: "0"))
            at += 1
            digits += 1
        }
        guard digits > 0, at == bytes.count || ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) else {
            return nil
        }
        return negative ? -value : value
    }

    /// A string, its escapes undone; nil for bytes that are not UTF-8 or a lone surrogate.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var run = at
        while run < bytes.count, bytes[run] != UInt8(ascii: "\""), bytes[run] != UInt8(ascii: "\\") { run += 1 }
        guard run < bytes.count else { return nil }
        if bytes[run] == UInt8(ascii: "\"") {
            // (The common case: no escapes, the bytes as they are.)
            defer { at = run + 1 }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[at..<run]), as: UTF8.self)
        }
        var unescaped = Array(bytes[at..<run])
        at = run
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: unescaped, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { return nil }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    unescaped.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case ..<0x20:
                return nil
            default:
                unescaped.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), with the low half of a surrogate pair.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high) }
        guard take("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[at..<at + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        at += 4
        return value
    }

    mutating func date() -> RecordDate? {
        string().flatMap { RecordDate(iso: $0) }
    }

    /// A closed range as Swift encodes one: [lower, upper], lower not above upper.
    mutating func range() -> ClosedRange<Int>? {
        guard let bounds = array({ $0.int() }), bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
        return bounds[0]...bounds[1]
    }

    mutating func correspondent() -> Correspondent? {
        var name: String?, address: String?
        let read = object { reader, key in
            switch key {
            case "name": guard let value = reader.orNull({ $0.string() }) else { return false }; name = value
            case "address": guard let value = reader.orNull({ $0.string() }) else { return false }; address = value
            // (Written for readers of the JSON; a correspondent's address says it again.)
            case "personal_account": return reader.bool() != nil
            default: return false
            }
            return true
        }
        return read ? Correspondent(name: name, address: address) : nil
    }

    mutating func source() -> Source? {
        var path: String?, sha256: String?, pages: ClosedRange<Int>?, lines: ClosedRange<Int>?
        var attachment: String?, member: String?
        let read = object { reader, key in
            switch key {
            case "path": path = reader.string(); return path != nil
            case "sha256": sha256 = reader.string(); return sha256 != nil
            case "pages": guard let value = reader.orNull({ $0.range() }) else { return false }; pages = value
            case "lines": guard let value = reader.orNull({ $0.range() }) else { return false }; lines = value
            case "attachment": guard let value = reader.orNull({ $0.string() }) else { return false }; attachment = value
            case "member": guard let value = reader.orNull({ $0.string() }) else { return false }; member = value
            default: return false
            }
            return true
        }
        guard read, let path, let sha256 else { return nil }
        return Source(path: path, sha256: sha256, pages: pages, lines: lines, attachment: attachment, member: member)
    }

    mutating func quotedCopy() -> QuotedCopy? {
        var from: Correspondent?, date: RecordDate?, subject: String?
        let read = object { reader, key in
            switch key {
            case "from": guard let value = reader.orNull({ $0.correspondent() }) else { return false }; from = value
            case "date": guard let value = reader.orNull({ $0.date() }) else { return false }; date = value
            case "subject": guard let value = reader.orNull({ $0.string() }) else { return false }; subject = value
            default: return false
            }
            return true
        }
        return read ? QuotedCopy(from: from, date: date, subject: subject) : nil
    }

    mutating func unreadAttachment() -> UnreadAttachment? {
        var name: String?, type: String?, size: Int?, reason: String?
        let read = object { reader, key in
            switch key {
            case "name": name = reader.string(); return name != nil
            case "type": type = reader.string(); return type != nil
            case "size": size = reader.int(); return size != nil
            case "reason": reason = reader.string(); return reason != nil
            default: return false
            }
        }
        guard read, let name, let type, let size, let reason else { return nil }
        return UnreadAttachment(name: name, type: type, size: size, reason: reason)
    }

    /// Every key `RecordCoding.json` writes; one missing where the record needs it, or one
    /// it does not write, and the record is left to JSONDecoder.
    mutating func record() -> Record? {
        var id: String?, kind: Record.Kind?, subject: String?, from: Correspondent?, sender: Correspondent?
        var to: [Correspondent]?, cc: [Correspondent]?, date: RecordDate?, agencies: [String]?, vendors: [String]?
        var source: Source?, otherSources: [Source]?, ocr: Bool?, ocrConfidence: Int?, ocrLanguage: String?
        var redactions: Int?, text: String?, messageID: String?, inReplyTo: String?, references: [String]?
        var parent: String?, attachments: [String]?, unreadAttachments: [UnreadAttachment]?, thread: String?
        var quoted: [QuotedCopy]?, printedThread: String?, datesAround: [RecordDate]?, copyOf: String?
        var quotedIn: [String]?, release: Int?, requests: [String]?
        let read = object { reader, key in
            // An optional property: its value or null.
            func optional<Value>(_ property: inout Value?, _ value: (inout JSONReader) -> Value?) -> Bool {
                guard let read = reader.orNull(value) else { return false }
                property = read
                return true
            }
            // A property that must have a value.
            func required<Value>(_ property: inout Value?, _ value: (inout JSONReader) -> Value?) -> Bool {
                property = value(&reader)
                return property != nil
            }
            switch key {
            case "agencies": return required(&agencies) { $0.array { $0.string() } }
            case "attachments": return required(&attachments) { $0.array { $0.string() } }
            case "cc": return required(&cc) { $0.array { $0.correspondent() } }
            case "copy_of": return optional(&copyOf) { $0.string() }
            case "date": return optional(&date) { $0.date() }
            case "dates_around": return required(&datesAround) { $0.array { $0.date() } }
            case "from": return optional(&from) { $0.correspondent() }
            case "id": return required(&id) { $0.string() }
            case "in_reply_to": return optional(&inReplyTo) { $0.string() }
            case "kind": return required(&kind) { $0.string().flatMap(Record.Kind.init(rawValue:)) }
            case "message_id": return optional(&messageID) { $0.string() }
            case "ocr": return required(&ocr) { $0.bool() }
            case "ocr_confidence": return optional(&ocrConfidence) { $0.int() }
            case "ocr_language": return optional(&ocrLanguage) { $0.string() }
            case "other_sources": return required(&otherSources) { $0.array { $0.source() } }
            case "parent": return optional(&parent) { $0.string() }
            case "printed_thread": return optional(&printedThread) { $0.string() }
            case "quoted": return required(&quoted) { $0.array { $0.quotedCopy() } }
            case "quoted_in": return required(&quotedIn) { $0.array { $0.string() } }
            case "redactions": return required(&redactions) { $0.int() }
            case "references": return required(&references) { $0.array { $0.string() } }
            case "release": return optional(&release) { $0.int() }
            case "requests": return optional(&requests) { $0.array { $0.string() } }
            case "sender": return optional(&sender) { $0.correspondent() }
            case "source": return required(&source) { $0.source() }
            case "subject": return optional(&subject) { $0.string() }
            case "text": return required(&text) { $0.string() }
            case "thread": return optional(&thread) { $0.string() }
            case "to": return required(&to) { $0.array { $0.correspondent() } }
            case "unread_attachments": return required(&unreadAttachments) { $0.array { $0.unreadAttachment() } }
            case "vendors": return required(&vendors) { $0.array { $0.string() } }
            default: return false
            }
        }
        guard read, let id, let kind, let to, let cc, let agencies, let vendors, let source, let otherSources, let ocr,
              let redactions, let text, let references, let attachments, let unreadAttachments, let quoted,
              let datesAround, let quotedIn else { return nil }
        var record = Record(
            id: id, kind: kind, subject: subject, from: from, to: to, cc: cc, date: date, agencies: agencies,
            vendors: vendors, source: source, ocr: ocr, ocrConfidence: ocrConfidence, redactions: redactions, text: text,
            messageID: messageID, inReplyTo: inReplyTo, references: references, parent: parent, attachments: attachments)
        record.sender = sender
        record.otherSources = otherSources
        record.ocrLanguage = ocrLanguage
        record.unreadAttachments = unreadAttachments
        record.thread = thread
        record.quoted = quoted
        record.printedThread = printedThread
        record.datesAround = datesAround
        record.copyOf = copyOf
        record.quotedIn = quotedIn
        record.release = release
        record.requests = requests
        return record
    }
}
