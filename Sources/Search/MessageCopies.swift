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
/// same subject (its "RE:"/"FW:" chain kept) at the same minute, as printed or in UTC,
/// in two files. Two mail records are never copies by these keys: mail is one message
/// by its Message-ID, which gives it its record id.
enum MessageCopies {
    static let keyPrefix = "XCOPYKEY"
    /// On every record another stands for.
    static let copyTerm = "XCOPY"
    /// Followed by the id of the record that stands for it.
    static let copyOfPrefix = "XCOPYOF"

    /// The terms a record is found by as a possible copy: the minute it was sent, as
    /// printed and in UTC (terms many records share; `same` tells the copies apart).
    static func keys(of record: Record) -> [String] {
        guard record.kind == .email, let date = record.date, date.time != nil, record.from != nil else { return [] }
        return ["\(keyPrefix)P\(date.sortKey.prefix(13))"] + (date.utcMinute.map { ["\(keyPrefix)U\($0)"] } ?? [])
    }

    /// Whether two records sent in one minute are copies of one message: the same sender
    /// (by name or address) and subject, and not two mail messages. Two in one file are
    /// not: there the second is most often a quoted copy the splitter took for an email,
    /// and which of the two holds the email's own fields cannot be told here.
    static func same(_ a: Record, _ b: Record) -> Bool {
        guard a.id != b.id, a.source.sha256 != b.source.sha256, a.messageID == nil || b.messageID == nil,
              let x = a.from, let y = b.from
        else { return false }
        func name(_ c: Correspondent) -> String? { c.name.map(Threads.reduced).flatMap { $0.count >= 3 ? $0 : nil } }
        let sender = (x.address != nil && x.address?.lowercased() == y.address?.lowercased()) || (name(x) != nil && name(x) == name(y))
        return sender && subject(a) == subject(b)
    }

    /// A subject as copies share it: its chain of "RE:"/"FW:" and its words.
    private static func subject(_ record: Record) -> String {
        record.subject.map { EmailSplitter.replyPrefixes($0).joined(separator: ".") + ":" + Threads.reduced(EmailSplitter.withoutReplyPrefixes($0)) } ?? ""
    }

    /// Which of two copies stands for the message: the lesser.
    static func rank(_ record: Record) -> (Int, String) {
        (record.messageID != nil ? 0 : record.ocr ? 2 : 1, record.id)
    }

    /// The files `copy` was found in that `head` does not name yet.
    static func newSources(of copy: Record, for head: Record) -> [Source] {
        ([copy.source] + copy.otherSources).filter { !([head.source] + head.otherSources).contains($0) }
    }

    /// The terms of a record's standing: a copy, and of which record.
    static func terms(of record: Record) -> [String] {
        guard let copyOf = record.copyOf else { return [] }
        return [copyTerm, copyOfPrefix + copyOf]
    }
}
