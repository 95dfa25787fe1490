import Foundation

/// What a file holds, judged by its first bytes rather than its name.
public enum FileKind: String, Sendable {
    case pdf, email, mbox, text

    /// Why a file is not one of the kinds `corpus` reads.
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
    }

    public static func detect(path: String) throws -> FileKind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Unsupported(description: FileManager.default.fileExists(atPath: path) ? "cannot be opened (permissions?)" : "no such file")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return try detect(head: head, name: (path as NSString).lastPathComponent)
    }

    static func detect(head: Data, name: String) throws -> FileKind {
        if head.isEmpty { throw Unsupported(description: "empty file") }
        let ext = (name as NSString).pathExtension.lowercased()
        // %PDF- may follow a little junk; readers accept it within the first 1 KB.
        if head.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        if ext == "pdf" {
            throw Unsupported(description: "not a PDF: starts with \(head.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " "))")
        }
        let isBinary = head.prefix(512).contains(0)
        if !isBinary, head.starts(with: "From ".utf8) { return .mbox }
        // A .txt that opens with From:/Sent:/To: lines is usually a printed email (a
        // release delivered as text); it is a message only with a message's own headers.
        if !isBinary, looksLikeHeaders(head), !["txt", "text"].contains(ext) || hasTransportHeaders(head) { return .email }
        if ext == "eml" { throw Unsupported(description: "not an email: no message headers at the top") }
        if ext == "mbox" { throw Unsupported(description: "not an mbox: it must start with a \"From \" line") }
        if isBinary { throw Unsupported(description: "not a supported file type (binary data)") }
        // Other text files (source code, data exports) are not records of a release.
        guard ["txt", "text", ""].contains(ext) else {
            throw Unsupported(description: "not a supported file type (.\(ext)); corpus reads PDF, .eml, .mbox and .txt")
        }
        return .text
    }

    private static let knownHeaders: Set<String> = [
        "from", "date", "subject", "to", "message-id", "received", "return-path", "mime-version",
    ]

    /// An RFC 5322 message starts with header lines, including From: or Date: or Subject:.
    /// Read on bytes: this runs on every file of a mail archive.
    private static func looksLikeHeaders(_ head: Data) -> Bool {
        var sawKnown = false
        for rawLine in head.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(60) {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            guard let first = line.first else { return sawKnown }
            if first == 0x20 || first == 0x09 { continue }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[..<colon].allSatisfy({ isNameByte($0) })
            else { return false }
            if knownHeaders.contains(String(decoding: line[..<colon], as: UTF8.self).lowercased()) { sawKnown = true }
        }
        return sawKnown
    }

    private static let transportHeaders: [String] = ["message-id:", "received:", "mime-version:", "return-path:", "content-type:"]

    /// Headers that only a message as sent has, never a printout of one.
    private static func hasTransportHeaders(_ head: Data) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return text.split(separator: "\n").prefix(60).contains { line in transportHeaders.contains { line.hasPrefix($0) } }
    }

    /// Letters and digits (ASCII or not) and "-", as header names are written.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), 0x80...: return true
        default: return false
        }
    }
}
