import CGsf
import Foundation
import Workers

/// An Outlook `.msg` ([MS-OXMSG]): an OLE2 compound file, read through libgsf, whose
/// streams hold MAPI properties. It is written out as the MIME message it stands for, so
/// that one parser, the one real mail goes through, reads every email: From is the
/// mailbox it was sent for (sent-on-behalf), Sender the one who sent it when that
/// differs; recipients by type; the plain, HTML and compressed-RTF bodies; attachments;
/// an embedded `.msg` as an attached message.
public enum OutlookMessageFile {
    public static func mime(of path: String) throws -> Data {
        gsf_init()
        var error: UnsafeMutablePointer<GError>?
        guard let input = gsf_input_stdio_new(path, &error) else {
            throw PDFError(path: path, reason: "cannot be opened: \(consume(error) ?? "unknown error")")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(input)) }
        guard let root = gsf_infile_msole_new(input, &error) else {
            throw PDFError(path: path, reason: "not an Outlook message: the OLE2 container is damaged (\(consume(error) ?? "unknown error"))")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(root)) }
        let message = MAPIStorage(root)
        guard message.hasProperties || message.child("__substg1.0_0037001F") != nil || message.child("__substg1.0_0037001E") != nil else {
            throw PDFError(path: path, reason: "an OLE2 file that is no Outlook message (a .doc or .xls?)")
        }
        return try MessageWriter(storage: message, propertyHeader: 32).mime()
    }

    /// An RTF body in Outlook's compressed form, as the message holds it; nil when it is none.
    public static func decompressRTF(_ data: Data) -> Data? { CompressedRTF.decompress(data) }

    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) }
    }
}

/// One storage of the file (the message, a recipient, an attachment, an embedded
/// message) and its MAPI properties: variable-size ones each in a stream
/// `__substg1.0_IIIITTTT` (property id, type), fixed-size ones in `__properties_version1.0`.
struct MAPIStorage {
    /// Borrowed: the file's root, or a child of it kept alive by `owner`.
    let infile: OpaquePointer
    private let owner: ChildReference?

    init(_ infile: OpaquePointer, owner: ChildReference? = nil) {
        self.infile = infile
        self.owner = owner
    }

    /// A stream never read past this (a hostile size field must not allocate the machine).
    static let maxStreamBytes: Int64 = 1 << 30

    final class ChildReference {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }

    func child(_ name: String) -> ChildReference? {
        gsf_infile_child_by_name(infile, name).map(ChildReference.init)
    }

    /// Child storages whose names start with `prefix`, in name order.
    func storages(prefix: String) -> [MAPIStorage] {
        let count = gsf_infile_num_children(infile)
        guard count > 0 else { return [] }
        var found: [(String, MAPIStorage)] = []
        for index in 0..<count {
            guard let name = gsf_infile_name_by_index(infile, index).map({ String(cString: $0) }), name.hasPrefix(prefix),
                  let input = gsf_infile_child_by_index(infile, index) else { continue }
            let reference = ChildReference(input)
            // (A storage has children, or none; a stream answers -1.)
            guard gsf_infile_num_children(input) >= 0 else { continue }
            found.append((name, MAPIStorage(input, owner: reference)))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The storage named `name`, if it is one.
    func storage(_ name: String) -> MAPIStorage? {
        guard let reference = child(name) else { return nil }
        let infile = reference.pointer
        guard gsf_infile_num_children(infile) >= 0 else { return nil }
        return MAPIStorage(infile, owner: reference)
    }

    func stream(_ name: String) -> Data? {
        guard let reference = child(name) else { return nil }
        let size = gsf_input_size(reference.pointer)
        guard size >= 0, size <= Self.maxStreamBytes else { return nil }
        var data = Data(count: Int(size))
        let read = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: guint8.self) else { return true }
            return gsf_input_read(reference.pointer, Int(size), base) != nil
        }
        return read ? data : nil
    }

    var hasProperties: Bool { child("__properties_version1.0") != nil }

    /// A string property: Unicode (PT_UNICODE, 001F) or 8-bit in the message's code page (PT_STRING8, 001E).
    func string(_ id: UInt16, codePage: UInt32? = nil) -> String? {
        let tag = String(format: "%04X", id)
        if let data = stream("__substg1.0_\(tag)001F") {
            let units = stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map { data.littleEndian(UInt16.self, at: $0) }
            return String(decoding: units, as: UTF16.self).trimmingNulls()
        }
        if let data = stream("__substg1.0_\(tag)001E") {
            return MAPIStorage.decode(data, codePage: codePage).trimmingNulls()
        }
        return nil
    }

    func binary(_ id: UInt16) -> Data? {
        stream("__substg1.0_" + String(format: "%04X", id) + "0102")
    }

    /// The fixed-size properties: id → 8-byte value, from the properties stream past its
    /// header (32 bytes for a message, 24 for an embedded one, 8 for a recipient or attachment).
    func fixedProperties(headerSize: Int) -> [UInt16: Data] {
        guard let data = stream("__properties_version1.0"), data.count > headerSize else { return [:] }
        var values: [UInt16: Data] = [:]
        var offset = data.startIndex + headerSize
        while offset + 16 <= data.endIndex {
            let tag = data.littleEndian(UInt32.self, at: offset)
            values[UInt16(tag >> 16)] = data[(offset + 8)..<(offset + 16)]
            offset += 16
        }
        return values
    }

    /// Windows code pages by the charset names mail uses (iconv knows the rest as "CPnnn").
    private static let charsets: [UInt32: String] = [
        65001: "utf-8", 20127: "us-ascii", 936: "gbk", 949: "cp949", 950: "big5", 932: "shift_jis", 51932: "euc-jp",
        50220: "iso-2022-jp", 50221: "iso-2022-jp", 50222: "iso-2022-jp", 20866: "koi8-r", 21866: "koi8-u", 52936: "hz-gb-2312",
        54936: "gb18030",
    ]

    /// An 8-bit string in the message's code page (none said: UTF-8 if valid, else Windows-1252).
    static func decode(_ data: Data, codePage: UInt32?) -> String {
        let charset = codePage.map { charsets[$0] ?? (28591...28605 ~= $0 ? "iso-8859-\($0 - 28590)" : "cp\($0)") }
        return TextDecoding.decode(data, charset: charset)
    }
}

extension Data {
    func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Index) -> T {
        var value: T = 0
        for byte in 0..<MemoryLayout<T>.size { value |= T(self[offset + byte]) << (8 * byte) }
        return value
    }
}

private extension String {
    func trimmingNulls() -> String {
        var text = self
        while text.last == "\0" { text.removeLast() }
        return text
    }
}

/// Writes one message storage as a MIME message.
struct MessageWriter {
    let storage: MAPIStorage
    let propertyHeader: Int
    /// Embedded messages inside embedded messages stop here.
    var depth = 0

    private enum Property {
        static let subject: UInt16 = 0x0037, clientSubmitTime: UInt16 = 0x0039, representingName: UInt16 = 0x0042
        static let representingAddressType: UInt16 = 0x0064, representingAddress: UInt16 = 0x0065
        static let transportHeaders: UInt16 = 0x007D, recipientType: UInt16 = 0x0C15, senderName: UInt16 = 0x0C1A
        static let senderAddressType: UInt16 = 0x0C1E, senderAddress: UInt16 = 0x0C1F, deliveryTime: UInt16 = 0x0E06
        static let body: UInt16 = 0x1000, rtfCompressed: UInt16 = 0x1009, html: UInt16 = 0x1013
        static let messageID: UInt16 = 0x1035, references: UInt16 = 0x1039, inReplyTo: UInt16 = 0x1042
        static let displayName: UInt16 = 0x3001, addressType: UInt16 = 0x3002, emailAddress: UInt16 = 0x3003
        static let attachData: UInt16 = 0x3701, attachFilename: UInt16 = 0x3704, attachMethod: UInt16 = 0x3705
        static let attachLongFilename: UInt16 = 0x3707, attachMIMETag: UInt16 = 0x370E, smtpAddress: UInt16 = 0x39FE
        static let internetCodePage: UInt16 = 0x3FDE, messageCodePage: UInt16 = 0x3FFD
        static let senderSMTP: UInt16 = 0x5D01, representingSMTP: UInt16 = 0x5D02
    }

    func mime() throws -> Data {
        let fixed = storage.fixedProperties(headerSize: propertyHeader)
        let codePage = (fixed[Property.messageCodePage] ?? fixed[Property.internetCodePage]).map { $0.littleEndian(UInt32.self, at: $0.startIndex) }
        func string(_ id: UInt16) -> String? {
            storage.string(id, codePage: codePage).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        }
        var headers: [String] = []
        do {
            let sender = Mailbox(name: string(Property.senderName),
                                 address: Self.smtp(string(Property.senderSMTP), type: string(Property.senderAddressType), address: string(Property.senderAddress)))
            let representing = Mailbox(name: string(Property.representingName),
                                       address: Self.smtp(string(Property.representingSMTP), type: string(Property.representingAddressType),
                                                          address: string(Property.representingAddress)))
            let from = representing.isEmpty ? sender : representing
            if !from.isEmpty { headers.append("From: " + from.header) }
            if !sender.isEmpty, !representing.isEmpty, sender != representing { headers.append("Sender: " + sender.header) }
            var byType: [Int: [Mailbox]] = [:]
            for recipient in storage.storages(prefix: "__recip_version1.0_") {
                let values = recipient.fixedProperties(headerSize: 8)
                let type = values[Property.recipientType].map { Int($0.littleEndian(UInt32.self, at: $0.startIndex)) } ?? 1
                let mailbox = Mailbox(name: recipient.string(Property.displayName, codePage: codePage),
                                      address: Self.smtp(recipient.string(Property.smtpAddress, codePage: codePage),
                                                         type: recipient.string(Property.addressType, codePage: codePage),
                                                         address: recipient.string(Property.emailAddress, codePage: codePage)))
                if !mailbox.isEmpty { byType[type, default: []].append(mailbox) }
            }
            for (type, name) in [(1, "To"), (2, "Cc"), (3, "Bcc")] {
                if let list = byType[type], !list.isEmpty { headers.append("\(name): " + list.map(\.header).joined(separator: ", ")) }
            }
            let sent = fixed[Property.clientSubmitTime] ?? fixed[Property.deliveryTime]
            if let date = sent.flatMap(Self.date) { headers.append("Date: " + date) }
            if let subject = string(Property.subject) { headers.append("Subject: " + Self.encodedWord(subject)) }
            if let id = string(Property.messageID) { headers.append("Message-ID: " + id) }
            if let id = string(Property.inReplyTo) { headers.append("In-Reply-To: " + id) }
            if let ids = string(Property.references) { headers.append("References: " + ids) }
        }
        if let transport = string(Property.transportHeaders).map(Self.headerLines), !transport.isEmpty {
            // A message as it arrived: its own headers (an Exchange sender's SMTP address is
            // only there), less those describing the MIME body it had, which is written anew
            // below; the properties give what they lack.
            let names = Self.headerNames(transport)
            headers = transport.filter { !Self.describesContent($0) } + headers.filter { !names.contains(Self.headerName($0) ?? "") }
        }
        headers.append("MIME-Version: 1.0")

        var bodies: [Data] = []
        if let text = storage.string(Property.body, codePage: codePage), !text.isEmpty {
            bodies.append(Self.part(type: "text/plain; charset=utf-8", data: Data(text.utf8)))
        }
        if let html = storage.binary(Property.html) ?? storage.string(Property.html, codePage: codePage).map({ Data($0.utf8) }), !html.isEmpty {
            let text = storage.binary(Property.html) == nil ? String(decoding: html, as: UTF8.self) : MAPIStorage.decode(html, codePage: codePage)
            bodies.append(Self.part(type: "text/html; charset=utf-8", data: Data(text.utf8)))
        }
        if let compressed = storage.binary(Property.rtfCompressed), let rtf = CompressedRTF.decompress(compressed) {
            bodies.append(Self.part(type: "text/rtf", data: rtf))
        }
        var parts: [Data] = []
        if bodies.count == 1 { parts.append(bodies[0]) }
        if bodies.count > 1 { parts.append(Self.multipart("alternative", bodies)) }
        for attachment in storage.storages(prefix: "__attach_version1.0_") {
            if let part = try attachmentPart(attachment, codePage: codePage) { parts.append(part) }
        }
        let body = parts.count == 1 ? parts[0] : Self.multipart("mixed", parts)
        return Data((headers.joined(separator: "\r\n") + "\r\n").utf8) + body
    }

    private func attachmentPart(_ attachment: MAPIStorage, codePage: UInt32?) throws -> Data? {
        let name = [Property.attachLongFilename, Property.attachFilename, Property.displayName]
            .lazy.compactMap { attachment.string($0, codePage: codePage) }.first { !$0.isEmpty }
        let disposition = "attachment; filename*=utf-8''" + (name ?? "attachment").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        if let embedded = attachment.storage("__substg1.0_3701000D"), embedded.hasProperties, depth < 8 {
            let message = try MessageWriter(storage: embedded, propertyHeader: 24, depth: depth + 1).mime()
            return Self.part(type: "message/rfc822", disposition: disposition, data: message, encode: false)
        }
        guard let data = attachment.binary(Property.attachData) else { return nil }
        let type = attachment.string(Property.attachMIMETag, codePage: codePage).flatMap { $0.contains("/") ? $0 : nil } ?? "application/octet-stream"
        return Self.part(type: type, disposition: disposition, data: data)
    }

    /// A name and an SMTP address for a MAPI mailbox. An Exchange address ("EX":
    /// /O=ORG/OU=…/CN=RECIPIENTS/CN=JSMITH) is no email address: without an SMTP one, the
    /// mailbox keeps its name alone.
    struct Mailbox: Equatable {
        var name: String?
        var address: String?
        var isEmpty: Bool { name == nil && address == nil }

        var header: String {
            let phrase = name.flatMap { $0 == address ? nil : $0 }.map(MessageWriter.phrase)
            switch (phrase, address) {
            case let (phrase?, address?): return "\(phrase) <\(address)>"
            case let (nil, address?): return "<\(address)>"
            case let (phrase?, nil): return "\(phrase) <>"
            default: return ""
            }
        }
    }

    static func smtp(_ smtp: String?, type: String?, address: String?) -> String? {
        if let smtp, smtp.contains("@") { return smtp }
        guard let address, address.contains("@"), !address.hasPrefix("/"), type == nil || type?.uppercased() == "SMTP" else { return nil }
        return address
    }

    /// A display name as a header phrase: quoted, or an encoded word when not ASCII.
    static func phrase(_ name: String) -> String {
        if !name.allSatisfy(\.isASCII) { return encodedWord(name) }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func encodedWord(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return flat.allSatisfy(\.isASCII) ? flat : "=?utf-8?B?" + Data(flat.utf8).base64EncodedString() + "?="
    }

    /// A FILETIME (100 ns since 1601, UTC) as an RFC 5322 date; nil for zero or absurd values.
    static func date(_ value: Data) -> String? {
        let ticks = value.littleEndian(UInt64.self, at: value.startIndex)
        guard ticks > 0 else { return nil }
        let seconds = Double(ticks) / 10_000_000 - 11_644_473_600
        guard seconds > 0, seconds < 4_102_444_800 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// A header's name, lower-cased ("from"); nil for a folded continuation.
    static func headerName(_ header: String) -> String? {
        guard let first = header.first, first != " ", first != "\t", let colon = header.firstIndex(of: ":") else { return nil }
        return header[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func headerNames(_ headers: [String]) -> Set<String> { Set(headers.compactMap(headerName)) }

    /// Content-* and MIME-Version: what describes the body the message had.
    static func describesContent(_ header: String) -> Bool {
        guard let name = headerName(header) else { return false }
        return name.hasPrefix("content-") || name == "mime-version"
    }

    /// Transport headers as header lines, each with its folded continuation, up to the
    /// first empty line (Outlook ends them with one, or with NULs). Lines end in CRLF or
    /// LF; Swift takes "\r\n" for one character, so they are cut on scalars.
    static func headerLines(_ text: String) -> [String] {
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" }
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: CharacterSet(charactersIn: "\r\0")) }
        var headers: [String] = []
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if (line.first == " " || line.first == "\t"), !headers.isEmpty {
                headers[headers.count - 1] += "\r\n" + line
            } else if line.contains(":") {
                headers.append(line)
            }
        }
        return headers.contains { headerName($0) == "from" || headerName($0) == "date" || headerName($0) == "received" } ? headers : []
    }

    static func part(type: String, disposition: String? = nil, data: Data, encode: Bool = true) -> Data {
        var head = "Content-Type: \(type)\r\n"
        if let disposition { head += "Content-Disposition: \(disposition)\r\n" }
        if encode { head += "Content-Transfer-Encoding: base64\r\n" }
        let body = encode ? Data(data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8) : data
        return Data((head + "\r\n").utf8) + body
    }

    static func multipart(_ subtype: String, _ parts: [Data]) -> Data {
        let boundary = "=_corpus_" + UUID().uuidString
        var data = Data("Content-Type: multipart/\(subtype); boundary=\"\(boundary)\"\r\n\r\n".utf8)
        for part in parts {
            data += Data("--\(boundary)\r\n".utf8) + part + Data("\r\n".utf8)
        }
        data += Data("--\(boundary)--\r\n".utf8)
        return data
    }
}
