import Foundation
import Ingest

/// Which messages a later one holds whole. A printed reply's quoted copy of an earlier
/// email, or mail whose text holds the text of a message it answers, makes that message
/// not inclusive: the later one holds what it says. Kept at ingest in both directions (a
/// reply may come before or after what it quotes), as `Record.quotedIn`.
enum WholeQuotes {
    /// Whether `later`, which names `earlier` among what it quotes or answers, holds its
    /// whole text: a printed email names only the emails it prints quoted copies of; mail
    /// names what it answers, whose text it may have dropped, so its text must hold the
    /// earlier one's (every line of it, as letters and digits: quoting re-wraps lines and
    /// marks them with ">").
    static func holds(_ later: Record, whole earlier: Record) -> Bool {
        guard later.id != earlier.id, later.copyOf == nil, earlier.copyOf == nil else { return false }
        if later.messageID == nil { return true }
        guard mayQuote(later) else { return false }
        let lines = earlier.text.split(separator: "\n").map { Threads.reduced(String($0)) }.filter { $0.count >= 8 }
        guard !lines.isEmpty else { return false }
        let text = Threads.reduced(later.text)
        return lines.allSatisfy { text.contains($0) }
    }

    /// Whether mail's text shows a quote at all: a line quoted with ">", an attribution
    /// ("… wrote:"), or a quoted header (Outlook's "From:", "Original Message",
    /// "Forwarded message"). Mail without one quotes nothing, and is not compared.
    static func mayQuote(_ record: Record) -> Bool {
        // (Searched as bytes: this runs on the index's one writer for every mail message.)
        var text = record.text
        return text.hasPrefix(">") || text.withUTF8 { bytes in
            quoteMarkers.contains { marker in marker.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) } }
        }
    }

    private static let quoteMarkers = ["\n>", "wrote:", "From:", "riginal Message", "riginal message", "RIGINAL MESSAGE",
                                       "orwarded message", "orwarded Message", "ORWARDED MESSAGE"].map { Array($0.utf8) }
}
