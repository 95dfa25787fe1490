import Foundation

/// One email found in a release's printed text: its header, body and where it is
/// (pages of a PDF; lines of a text file).
public struct PrintedEmail: Sendable {
    public var header: PrintedHeader
    public var body: String
    public var firstPage: Int
    public var lastPage: Int
    /// First and last line in the source file, for a text release.
    public var lines: ClosedRange<Int>?
    /// The email's own text: its body up to the first copy it quotes.
    public var ownText: String
}
