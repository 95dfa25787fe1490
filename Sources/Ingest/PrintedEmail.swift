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
    /// The header of each earlier email quoted in its body, in the order printed (the
    /// latest first, as replies quote).
    public var quoted: [PrintedHeader] = []
    /// For a message of a thread printed as one, what every message of the print shares:
    /// Gmail's subject over "N messages", or a request tracker's title over a request.
    public var printedThread: String?
}
