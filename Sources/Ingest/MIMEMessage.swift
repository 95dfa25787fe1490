import Foundation
import Workers

/// An RFC 5322 / MIME message or body part: unfolded headers (encoded words decoded)
/// and a decoded body, or sub-parts for a multipart.
public struct MIMEPart: Sendable {
    public var headers: [(name: String, value: String)]
    /// The same headers before encoded words are decoded: address headers are read
    /// from these (MailboxList), so that a decoded comma cannot split a name.
    public var rawHeaders: [(name: String, value: String)]
    /// Lowercased `type/subtype`; `text/plain` when the part does not say.
    public var contentType: String
    public var parameters: [String: String]
    /// The body after its transfer encoding is undone (still in its charset).
    public var body: Data
    public var parts: [MIMEPart]

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    /// Every header of that name, undecoded, in order (a message may repeat To: or Cc:).
    public func rawHeaders(_ name: String) -> [String] {
        rawHeaders.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Header names compared case aside: ASCII names a byte at a time (Foundation's
    /// caseInsensitiveCompare, through NSString, was a twentieth of reading a message),
    /// others as Foundation folds them.
    static func sameName(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let ascii: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0 | 0x20 == $1 | 0x20 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
            }
        }
        return ascii ?? (a.caseInsensitiveCompare(b) == .orderedSame)
    }

    public var filename: String? {
        if let disposition = header("Content-Disposition"), let name = MIMEPart.parameters(of: disposition)["filename"] {
            return name
        }
        return parameters["name"]
    }

    public var isAttachment: Bool {
        if let disposition = header("Content-Disposition")?.lowercased(), disposition.hasPrefix("attachment") { return true }
        return filename != nil && !contentType.hasPrefix("text/")
            || contentType == "message/rfc822"
    }

    /// The body as text, decoded from its declared charset (leniently when unknown).
    public var text: String { TextDecoding.decode(body, charset: parameters["charset"]) }

    /// Parses a whole message or part.
    public init(_ data: Data) {
        let (headerBytes, bodyBytes) = MIMEPart.splitHeaders(data)
        rawHeaders = MIMEPart.parseHeaders(headerBytes)
        headers = rawHeaders.map { ($0.name, EncodedWords.decode($0.value)) }
        var type = "text/plain"
        var params: [String: String] = [:]
        if let raw = headers.first(where: { $0.name.lowercased() == "content-type" })?.value {
            let main = raw.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let cleaned = main.trimmed().lowercased()
            if cleaned.holds("/") { type = cleaned }
            params = MIMEPart.parameters(of: raw)
        }
        contentType = type
        parameters = params
        let encoding = headers.first(where: { $0.name.lowercased() == "content-transfer-encoding" })?.value
            .trimmed().lowercased()
        if type.hasPrefix("multipart/"), let boundary = params["boundary"] {
            body = Data()
            parts = MIMEPart.splitMultipart(bodyBytes, boundary: boundary).map(MIMEPart.init)
        } else {
            switch encoding {
            case "base64" where TransferEncoding.looksLikeBase64(bodyBytes): body = TransferEncoding.base64(bodyBytes)
            case "quoted-printable": body = TransferEncoding.quotedPrintable(bodyBytes)
            default: body = bodyBytes
            }
            parts = []
        }
    }

    /// Headers end at the first empty line (CRLF or LF), or, when a careless exporter
    /// left it out, at the first line that is neither a header nor a header's
    /// continuation: that line is the body's first. (An mbox "From " line kept among
    /// the headers is neither, and is skipped.)
    /// A message's headers alone, undecoded: what is needed of a message before reading it
    /// (which shard it goes to) without parsing its body.
    static func rawHeaders(of data: Data) -> [(name: String, value: String)] {
        parseHeaders(splitHeaders(data).0)
    }

    private static func splitHeaders(_ data: Data) -> (Data, Data) {
        let bytes = [UInt8](data)
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { return (Data(bytes[0..<lineStart]), Data(bytes[min(lineEnd + 1, bytes.count)...])) }
            let isHeader = line.first == 0x20 || line.first == 0x09 || line.starts(with: Array("From ".utf8))
                || line.firstIndex(of: 0x3A).map { $0 > line.startIndex && line[..<$0].allSatisfy(FileKind.isNameByte) } == true
            if !isHeader, lineStart > 0 { return (Data(bytes[0..<lineStart]), Data(bytes[lineStart...])) }
            lineStart = lineEnd + 1
        }
        return (data, Data())
    }

    private static func parseHeaders(_ data: Data) -> [(name: String, value: String)] {
        // Raw 8-bit bytes in headers are UTF-8 in newer mail (RFC 6532); in older mail
        // they are in the charset the message declares for its text.
        let text = String(validating: data, as: UTF8.self) ?? TextDecoding.decode(data, charset: declaredCharset(in: data))
        var result: [(name: String, value: String)] = []
        for line in lines(of: text) {
            // (A first header indented by mistake is read as a header, not lost.)
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].value += " " + line.trimmed()
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmed()
                guard !name.isEmpty, !name.holds(" ") else { continue }
                result.append((name, line[line.index(after: colon)...].trimmed()))
            }
        }
        return result
    }

    /// A header block's lines: parted at LF and CRLF, and without one CR more at the end
    /// (as splitting at those Characters, then dropping a last "\r", parts them). Found as
    /// bytes: splitting into Characters was a thirtieth of reading a message.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        while true {
            let newline = utf8[start...].firstIndex(of: 0x0A)
            var end = newline ?? utf8.endIndex
            if newline != nil, end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            lines.append(text[start..<end])
            guard let newline else { return lines }
            start = utf8.index(after: newline)
        }
    }

    /// The first `charset=` in a header block, read as ASCII.
    private static func declaredCharset(in headers: Data) -> String? {
        let text = String(decoding: headers.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let range = text.range(of: "charset=") else { return nil }
        let value = text[range.upperBound...].drop { $0 == "\"" }.prefix { !";\" \t\r\n".contains($0) }
        return value.isEmpty ? nil : String(value)
    }

    /// `key=value` and `key="value"` parameters after the first `;` (RFC 2231 `key*=` too).
    static func parameters(of header: String) -> [String: String] {
        var result: [String: String] = [:]
        var segments: [String: [(index: Int, extended: Bool, value: String)]] = [:]
        let scalars = Array(header)
        var i = scalars.firstIndex(of: ";").map { $0 + 1 } ?? scalars.count
        while i < scalars.count {
            while i < scalars.count, scalars[i] == " " || scalars[i] == ";" || scalars[i] == "\t" { i += 1 }
            var key = ""
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";" { key.append(scalars[i]); i += 1 }
            guard i < scalars.count, scalars[i] == "=" else { continue }
            i += 1
            // (`boundary= "…"`: a space after the = is not part of the value.)
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var value = ""
            if i < scalars.count, scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    value.append(scalars[i]); i += 1
                }
                i += 1
            } else {
                while i < scalars.count, scalars[i] != ";" { value.append(scalars[i]); i += 1 }
            }
            key = key.trimmed().lowercased()
            value = value.trimmed()
            if let star = key.firstIndex(of: "*") {
                let base = String(key[..<star])
                let index = Int(key[key.index(after: star)...].filter(\.isNumber)) ?? 0
                segments[base, default: []].append((index, key.hasSuffix("*"), value))
            } else {
                result[key] = value
            }
        }
        // RFC 2231: `name*=charset'language'%E2%82%AC…`, and long values cut into
        // `name*0*=`, `name*1*=`, … whose bytes join before the charset decodes them.
        for (base, parts) in segments {
            var charset: String?
            var bytes = Data()
            for (n, part) in parts.sorted(by: { $0.index < $1.index }).enumerated() {
                var value = Substring(part.value)
                if part.extended, n == 0 {
                    let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if pieces.count == 3 {
                        charset = pieces[0].isEmpty ? nil : String(pieces[0])
                        value = pieces[2]
                    }
                }
                bytes.append(part.extended ? percentDecoded(value) : Data(value.utf8))
            }
            result[base] = TextDecoding.decode(bytes, charset: charset)
        }
        return result
    }

    private static func percentDecoded(_ text: Substring) -> Data {
        var bytes = Data()
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "%", let end = text.index(i, offsetBy: 3, limitedBy: text.endIndex),
               let byte = UInt8(text[text.index(after: i)..<end], radix: 16)
            {
                bytes.append(byte)
                i = end
            } else {
                bytes.append(contentsOf: Array(String(text[i]).utf8))
                i = text.index(after: i)
            }
        }
        return bytes
    }

    private static func splitMultipart(_ data: Data, boundary: String) -> [Data] {
        let delimiter = Array("--\(boundary)".utf8)
        let bytes = [UInt8](data)
        var parts: [Data] = []
        var partStart: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                if let start = partStart {
                    var end = lineStart
                    // The line break before the delimiter belongs to it.
                    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                    parts.append(Data(bytes[start..<max(start, end)]))
                }
                let rest = line.dropFirst(delimiter.count)
                if rest.starts(with: [0x2D, 0x2D]) { return parts }
                partStart = lineEnd + 1
            }
            lineStart = lineEnd + 1
        }
        // A truncated multipart keeps what it has.
        if let start = partStart, start < bytes.count { parts.append(Data(bytes[start...])) }
        return parts
    }
}
