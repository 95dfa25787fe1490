import Foundation

/// A file being ingested: where it is and its content hash; for an email's
/// attachment, the email's path, the attachment's hash and its name; for a message of
/// an mbox, its position too.
public struct SourceFile: Sendable {
    public var path: String
    public var sha256: String
    public var attachment: String?
    /// A message's position in an mbox ("#17").
    public var member: String?

    public init(path: String, sha256: String, attachment: String? = nil, member: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.attachment = attachment
        self.member = member
    }

    func source(pages: ClosedRange<Int>? = nil, lines: ClosedRange<Int>? = nil) -> Source {
        Source(path: path, sha256: sha256, pages: pages, lines: lines, attachment: attachment, member: member)
    }
}
