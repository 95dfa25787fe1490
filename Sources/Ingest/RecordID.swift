import Foundation

/// Record ids: short, stable, and the same for the same email wherever it is found.
public enum RecordID {
    /// A message by its Message-ID and what it says: mailers and test suites reuse
    /// Message-IDs, and two messages under one must stay two records, while the same
    /// message found in two files (other transport headers, another MIME layout) is one.
    static func make(messageID: String, content message: EmailMessage) -> String {
        let people = ([message.from].compactMap { $0 } + message.to + message.cc).map { $0.address ?? $0.name ?? "" }
        let content = [message.date?.sortKey ?? "", message.subject ?? "", people.joined(separator: ","),
                       message.body.collapsingWhiteSpace()]
        let digest = FileHash.sha256(Data(content.joined(separator: "\n").utf8))
        return FileHash.shortSHA256("message-id:\(messageID.lowercased()):\(digest)")
    }

    /// The j-th record read from an attachment (its bytes' SHA-256) of the record `parent`.
    /// By what is attached, not where: the same message found in two files with other
    /// attachments (a list archive keeps one, a mailbox another) keeps every one's records,
    /// and the same attachment found again is the same record, wherever the copy put it.
    public static func make(parent: String, attachment sha256: String, record j: Int) -> String {
        FileHash.shortSHA256("attachment:\(parent):\(sha256):\(j)")
    }

    public static func make(sha256: String, pages: ClosedRange<Int>? = nil, lines: ClosedRange<Int>? = nil, index: Int? = nil) -> String {
        var key = "file:\(sha256)"
        if let pages { key += ":pages:\(pages.lowerBound)-\(pages.upperBound)" }
        if let lines { key += ":lines:\(lines.lowerBound)-\(lines.upperBound)" }
        if let index { key += ":message:\(index)" }
        return FileHash.shortSHA256(key)
    }
}
