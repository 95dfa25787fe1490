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
            throw Unsupported(description: "cannot be opened (permissions?)")
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
        let text = String(decoding: head, as: UTF8.self)
        if !isBinary, text.hasPrefix("From ") { return .mbox }
        if !isBinary, looksLikeHeaders(text) { return .email }
        if ext == "eml" { throw Unsupported(description: "not an email: no message headers at the top") }
        if ext == "mbox" { throw Unsupported(description: "not an mbox: it must start with a \"From \" line") }
        if isBinary { throw Unsupported(description: "not a supported file type (binary data)") }
        // Other text files (source code, data exports) are not records of a release.
        guard ["txt", "text", ""].contains(ext) else {
            throw Unsupported(description: "not a supported file type (.\(ext)); corpus reads PDF, .eml, .mbox and .txt")
        }
        return .text
    }

    /// An RFC 5322 message starts with header lines, including From: or Date: or Subject:.
    private static func looksLikeHeaders(_ text: String) -> Bool {
        var sawKnown = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(60) {
            let l = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if l.isEmpty { return sawKnown }
            if l.first == " " || l.first == "\t" { continue }
            guard let colon = l.firstIndex(of: ":"), !l[..<colon].isEmpty,
                  l[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { return false }
            if ["from", "date", "subject", "to", "message-id", "received", "return-path", "mime-version"].contains(l[..<colon].lowercased()) {
                sawKnown = true
            }
        }
        return sawKnown
    }
}
