import Foundation

/// A file being ingested: where it is and its content hash; for an email's
/// attachment, the email's path, the attachment's hash and its name; for a message of
/// an mbox, its position too.
public struct SourceFile: Sendable {
    public var path: String
    public var sha256: String
    public var attachment: String?
    /// Where in the file it is: a message's position in an mbox ("#17"), a member's path in
    /// an archive ("!/part2/x.pdf"), or both ("!/mail.mbox#17").
    public var member: String?

    public init(path: String, sha256: String, attachment: String? = nil, member: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.attachment = attachment
        self.member = member
    }

    /// Where it is, as a rejection names it ("release.zip!/part2/x.mbox#3").
    var citation: String { path + (member ?? "") }

    func source(pages: ClosedRange<Int>? = nil, lines: ClosedRange<Int>? = nil) -> Source {
        Source(path: path, sha256: sha256, pages: pages, lines: lines, attachment: attachment, member: member)
    }
}
