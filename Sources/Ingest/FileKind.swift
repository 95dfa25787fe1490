import Foundation
import Workers

/// What a file holds, judged by its first bytes rather than its name.
public enum FileKind: String, Sendable {
    /// `image`: a scan delivered as a TIFF (of one page or many), a JPEG or a PNG.
    /// `archive`: a ZIP, 7-Zip, tar (plain or compressed) or RAR archive, or one file
    /// compressed alone (gzip, bzip2, xz), whose members are files of their own.
    /// `outlookMessage`: an Outlook `.msg`; `outlookMailbox`: a `.pst` or `.ost`.
    case pdf, image, email, mbox, text, archive, outlookMessage, outlookMailbox

    /// Why a file is not one of the kinds `corpus` reads.
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
    }

    public static func detect(path: String) throws -> FileKind {
        try detectReading(path: path).kind
    }

    /// The file's kind, and its bytes when it is small: a message read here is not opened
    /// and read a second time (a maildir's files are a few kilobytes each).
    public static func detectReading(path: String, keepingUpTo limit: Int = 65536) throws -> (kind: FileKind, whole: Data?) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Unsupported(description: FileManager.default.fileExists(atPath: path) ? "cannot be opened (permissions?)" : "no such file")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: limit)) ?? Data()
        let head = start.prefix(4096)
        // (An OLE2 file says what it holds in its directory, which may lie further in.)
        var directory: Data?
        if let offset = oleDirectoryOffset(head) {
            try? handle.seek(toOffset: UInt64(offset))
            directory = try? handle.read(upToCount: 4096)
        }
        let kind = try detect(head: head, name: path.split(separator: "/").last.map(String.init) ?? path, oleDirectory: directory)
        return (kind, start.count < limit ? start : nil)
    }

    /// `data`: the file's first bytes, or all of it (an attachment's).
    public static func detect(data: Data, name: String) throws -> FileKind {
        try detect(head: data.prefix(4096), name: name,
                   oleDirectory: oleDirectoryOffset(data).flatMap { $0 < data.count ? data.dropFirst($0).prefix(4096) : nil })
    }

    static func detect(head: Data, name: String, oleDirectory: Data? = nil) throws -> FileKind {
        if head.isEmpty { throw Unsupported(description: "empty file") }
        let ext = (name as NSString).pathExtension.lowercased()
        // (Before the PDF test: a zip or a .msg holding a PDF may show "%PDF-" in its first KB.)
        if isArchive(head, ext: ext) { return .archive }
        if head.starts(with: oleSignature), ext == "msg" || oleDirectory.map(holdsMAPIProperties) == true { return .outlookMessage }
        if head.starts(with: Array("!BDN".utf8)) { return .outlookMailbox }
        // %PDF- may follow a little junk; readers accept it within the first 1 KB.
        let bytes = [UInt8](head)
        if ByteSearch.contains(Array(bytes.prefix(1024)), Array("%PDF-".utf8)) { return .pdf }
        if ext == "pdf" {
            throw Unsupported(description: "not a PDF: starts with \(head.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " "))")
        }
        if ImageFormat(head: head) != nil { return .image }
        let isBinary = bytes.prefix(512).contains(0)
        // (A NUL byte in a message's body does not make an mbox binary data.)
        if head.starts(with: "From ".utf8), !isBinary || looksLikeHeaders(head.drop { $0 != 0x0A }.dropFirst()) { return .mbox }
        // A .txt that opens with From:/Sent:/To: lines is usually a printed email (a
        // release delivered as text); it is a message only with a message's own headers.
        if looksLikeHeaders(head), !["txt", "text"].contains(ext) || hasTransportHeaders(head) { return .email }
        if ext == "eml" { throw Unsupported(description: "not an email: no message headers at the top") }
        if ext == "mbox" { throw Unsupported(description: "not an mbox: it must start with a \"From \" line") }
        if let format = knownFormat(head, ext: ext) { throw Unsupported(description: "\(format): not supported yet") }
        if isBinary { throw Unsupported(description: "not a supported file type (binary data)") }
        // Other text files (source code, data exports) are not records of a release.
        guard ["txt", "text", ""].contains(ext) else {
            throw Unsupported(description: "not a supported file type (.\(ext)); corpus reads PDF, TIFF, JPEG, PNG, .eml, .mbox, .msg, .pst, .txt and archives of them")
        }
        return .text
    }

    /// Formats a release may hold that corpus does not read yet, by their first bytes,
    /// named as a reporter knows them.
    private static func knownFormat(_ head: Data, ext: String) -> String? {
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        if starts(oleSignature) { return "a Microsoft Office file (.doc, .xls or .ppt)" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a document in a ZIP container (.\(ext))" }
        return nil
    }

    private static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Where an OLE2 file's directory starts: its first sector, by the header.
    static func oleDirectoryOffset(_ head: Data) -> Int? {
        guard head.starts(with: oleSignature), head.count >= 0x34 else { return nil }
        let shift = Int(head[head.startIndex + 0x1E]) | Int(head[head.startIndex + 0x1F]) << 8
        let sector = (0..<4).reduce(0) { $0 | Int(head[head.startIndex + 0x30 + $1]) << (8 * $1) }
        guard shift == 9 || shift == 12, sector < 0xFFFF_FFFA else { return nil }
        return (sector + 1) << shift
    }

    /// An Outlook message's directory names its MAPI property streams ("__substg1.0_…",
    /// in UTF-16); a Word or Excel file's does not.
    private static func holdsMAPIProperties(_ directory: Data) -> Bool {
        directory.range(of: Data("__substg1.0_".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil
            || directory.range(of: Data("__properties_version1.0".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil
    }

    /// Office and e-book documents are ZIP files too, but no archive of a release's files.
    private static let zipDocuments: Set<String> = ["docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "jar", "apk"]

    /// An archive libarchive reads, by its signature.
    private static func isArchive(_ head: Data, ext: String) -> Bool {
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        // (An empty ZIP is its end record alone.)
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return !zipDocuments.contains(ext)
        }
        return starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])      // 7-Zip
            || starts([0x1F, 0x8B])                               // gzip
            || starts(Array("BZh".utf8))                          // bzip2
            || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])       // xz
            || starts(Array("Rar!\u{1A}\u{07}".utf8))             // RAR
            || head.count > 262 && head[257..<262] == Data("ustar".utf8)
    }

    private static let knownHeaders: Set<String> = [
        "from", "date", "subject", "to", "cc", "sender", "reply-to", "message-id", "received", "return-path",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// An RFC 5322 message (or a MIME entity) starts with header lines, one of them a
    /// message's or MIME's own: names of printable characters, a colon, folded
    /// continuations, up to an empty line — or straight into the body, as careless
    /// exporters write it. A saved message may carry its mbox "From " line among them,
    /// and headers of its mail client's own ("Replied:", "Forwarded:").
    /// Read on bytes: this runs on every file of a mail archive.
    private static func looksLikeHeaders(_ head: Data) -> Bool {
        // (Lines found by index in the bytes: splitting the head into Data slices was three
        // percent of reading a maildir.)
        let bytes = [UInt8](head)
        var sawKnown = false, headers = 0, start = 0
        for _ in 0..<60 where start <= bytes.count {
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = newline + 1 }
            var line = bytes[start..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            guard let first = line.first else { return sawKnown }
            if first == 0x20 || first == 0x09 {
                // (A first header indented by mistake is still one.)
                if headers > 0 { continue }
                line = line.drop { $0 == 0x20 || $0 == 0x09 }
            }
            if line.starts(with: "From ".utf8) { continue }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[..<colon].allSatisfy({ isNameByte($0) })
            else { return sawKnown }
            headers += 1
            if !sawKnown, knownHeaders.contains(String(decoding: line[..<colon], as: UTF8.self).lowercased()) { sawKnown = true }
        }
        return sawKnown
    }

    private static let transportHeaders: [String] = ["message-id:", "received:", "mime-version:", "return-path:", "content-type:"]

    /// Headers that only a message as sent has, never a printout of one.
    private static func hasTransportHeaders(_ head: Data) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return text.split(separator: "\n").prefix(60).contains { line in transportHeaders.contains { line.hasPrefix($0) } }
    }

    /// A header name's bytes: printable ASCII but the colon (RFC 5322), and UTF-8 as
    /// some mailers write it.
    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && byte != 0x3A || byte >= 0x80
    }
}
