import Foundation
import Ingest

/// The same email released twice — in two files, in two parts, as a print and its
/// `.eml`, as a scan and a born-digital print — is one message. One record stands for
/// it, the best copy (mail with its headers, then a print with a text layer, then a
/// scan; the least id among equals, whatever order the files came in), with every
/// copy's file among its sources; the other records are kept, each naming it
/// (`Record.copyOf`), but searches, counts, people, timelines and exports pass them by.
///
/// Two records are copies when they name the same sender (by name or address) and the
/// same subject (its "RE:"/"FW:" chain kept) at the same minute, as printed or in UTC.
/// Two mail records are never copies by these keys: mail is one message by its
/// Message-ID, which gives it its record id.
enum MessageCopies {
    static let keyPrefix = "XCOPYKEY"
    /// On every record another stands for.
    static let copyTerm = "XCOPY"
    /// Followed by the id of the record that stands for it.
    static let copyOfPrefix = "XCOPYOF"

    /// The keys a record is known by as a copy (terms of its own), and those it looks
    /// for among the records written before it.
    static func keys(of record: Record) -> (own: [String], lookup: [String]) {
        guard record.kind == .email, let date = record.date, date.time != nil, let from = record.from else { return ([], []) }
        let minutes = ["printed:" + date.sortKey.prefix(13)] + (date.utcMinute.map { ["utc:" + $0] } ?? [])
        let senders = [from.name.map(Threads.reduced).flatMap { $0.count >= 3 ? $0 : nil }, from.address.map { "@" + $0.lowercased() }]
            .compactMap { $0 }
        let subject = record.subject.map { EmailSplitter.replyPrefixes($0).joined(separator: ".") + ":" + Threads.reduced(EmailSplitter.withoutReplyPrefixes($0)) } ?? ""
        let keys = minutes.flatMap { minute in senders.map { "\(minute):\($0):\(subject)" } }
        func terms(_ kind: String) -> [String] { keys.map { keyPrefix + Threads.hash(kind + "|" + $0) } }
        return record.messageID == nil ? (terms("print"), terms("print") + terms("mail")) : (terms("mail"), terms("print"))
    }

    /// Which of two copies stands for the message: the lesser.
    static func rank(_ record: Record) -> (Int, String) {
        (record.messageID != nil ? 0 : record.ocr ? 2 : 1, record.id)
    }

    /// The terms of a record's standing: a copy, and of which record.
    static func terms(of record: Record) -> [String] {
        guard let copyOf = record.copyOf else { return [] }
        return [copyTerm, copyOfPrefix + copyOf]
    }
}
