import Foundation

/// Where a record came from.
public struct Source: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    /// First and last page (1-based) in the source PDF; nil (null) for non-paged sources.
    @NullEncoded public var pages: ClosedRange<Int>?
    /// First and last line (1-based) in the source file, for an email split out of a
    /// text release; absent otherwise.
    public var lines: ClosedRange<Int>?
    /// For a record read from an email's attachment: the attachment's file name (path
    /// is then the email's file, and sha256 the attachment's own).
    public var attachment: String?
    /// Where in the file the record is when the file holds several: for an mbox, the
    /// message's position ("#17"). The file's sha256 is then the whole mbox's.
    public var member: String?

    public init(path: String, sha256: String, pages: ClosedRange<Int>? = nil, lines: ClosedRange<Int>? = nil, attachment: String? = nil,
                member: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.pages = pages
        self.lines = lines
        self.attachment = attachment
        self.member = member
    }

    /// Where in its file the record is, as a reader cites it: "p. 3", "pp. 3–4",
    /// "lines 7–19"; nil for a record that is its whole file.
    public var rangeLabel: String? {
        if let pages { return pages.count == 1 ? "p. \(pages.lowerBound)" : "pp. \(pages.lowerBound)–\(pages.upperBound)" }
        if let lines { return "lines \(lines.lowerBound)–\(lines.upperBound)" }
        return nil
    }

    /// Where the record is, as a reader cites it: its file (with the archive member), the
    /// attachment it was read from, and its range ("/r/mail.mbox, attachment memo.pdf p. 3").
    public func citation(rangeSeparator: String = " ") -> String {
        var place = path + (member ?? "")
        if let attachment { place += ", attachment \(attachment)" }
        if let rangeLabel { place += rangeSeparator + rangeLabel }
        return place
    }

    /// The file's name and the range, where a line has room for little more ("release.pdf p. 3").
    public var shortCitation: String {
        (path as NSString).lastPathComponent + (rangeLabel.map { " " + $0 } ?? "")
    }
}
