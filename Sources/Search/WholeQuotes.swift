import Foundation
import Ingest

/// Which messages a later one holds whole. A printed reply's quoted copy of an earlier
/// email, or mail whose text holds the text of a message it answers, makes that message
/// not inclusive: the later one holds what it says. Kept at ingest in both directions (a
/// reply may come before or after what it quotes), as `Record.quotedIn`.
enum WholeQuotes {
    /// Followed by the hash of a key a record's own message is known by.
    static let ownPrefix = "XOWN"
    /// Followed by the hash of a key of a message the record quotes or answers.
    static let quotesPrefix = "XQUOTES"

    /// The terms by which a record is found as quoted, and as quoting.
    static func terms(of links: Threads.Links) -> [String] {
        links.own.map { ownPrefix + Threads.hash($0) } + Set(links.answered.joined()).sorted().map { quotesPrefix + Threads.hash($0) }
    }

    /// Whether `later`, which names `earlier` among what it quotes or answers, holds its
    /// whole text: a printed email names only the emails it prints quoted copies of; mail
    /// names what it answers, whose text it may have dropped, so its text must hold the
    /// earlier one's (every line of it, as letters and digits: quoting re-wraps lines and
    /// marks them with ">").
    static func holds(_ later: Record, whole earlier: Record) -> Bool {
        guard later.id != earlier.id, later.copyOf == nil, earlier.copyOf == nil else { return false }
        if later.messageID == nil { return true }
        let lines = earlier.text.split(separator: "\n").map { Threads.reduced(String($0)) }.filter { $0.count >= 8 }
        guard !lines.isEmpty else { return false }
        let text = Threads.reduced(later.text)
        return lines.allSatisfy { text.contains($0) }
    }
}
