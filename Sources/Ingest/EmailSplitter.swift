import Foundation

/// One email found in a PDF's text: its header, body and page range.
public struct PrintedEmail: Sendable {
    public var header: PrintedHeader
    public var body: String
    public var firstPage: Int
    public var lastPage: Int
}

/// Where a PDF's text becomes emails. Finds every header block, wherever it starts on a
/// page: Outlook print (From / Sent / To / Cc / Subject / Attachments, under the
/// mailbox owner's name), Gmail print (a sender line with the date, then To: / Cc:,
/// under a thread subject and "N messages"), and RFC style (From / Date / To / Subject).
/// Quoted and forwarded copies inside a body stay in that body.
public enum EmailSplitter {
    /// Lines that announce a quoted or forwarded copy: a header block right after one
    /// is part of the body above it.
    static let quoteMarkers: [NSRegularExpression] = [
        // OCR turns the dashes into other marks, so any non-letters may surround the words.
        #"^[^A-Za-z]{2,}\s*Original\s*Message\s*[^A-Za-z]*$"#,
        #"^[^A-Za-z]{2,}\s*Forwarded\s*message\s*[^A-Za-z]*$"#,
        #"^Begin forwarded message:?$"#,
        #"^_{8,}$"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// A Gmail print's sender line: "Name <address>   Tue, Dec 4, 2018 at 10:32 AM".
    static let gmailSender = try! NSRegularExpression(
        pattern: #"^(.*<\s*[^<>\s]+\s*@\s*[^<>]+>)\s+((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+.*\d{4}\s+at\s+\d{1,2}\s*[:.]\s*\d{2}\s*[AaPp][Mm])\s*$"#)
    static let fileName = try! NSRegularExpression(pattern: #"\.\w{2,4}[;,]?$"#)
    static let gmailMessageCount = try! NSRegularExpression(pattern: #"^\d{1,3}\s+messages?$"#)

    struct Block {
        var start: Int
        var end: Int        // one past the last header line
        var header: PrintedHeader
        var preambleStart: Int
    }

    /// The emails in a PDF's pages; empty when it holds none (a document).
    public static func split(_ pages: [Page]) -> [PrintedEmail] {
        // A Gmail thread starts a page, so its "N messages" line recurs at page tops: it
        // is structure, not furniture.
        let lines = PageFurniture.strip(pages, keeping: { matches(gmailMessageCount, $0) })
        let texts = lines.map(\.text)
        var blocks: [Block] = []
        var threadSubject: String?
        var i = 0
        while i < texts.count {
            if matches(gmailMessageCount, texts[i]), i > 0 {
                threadSubject = texts[i - 1]
                i += 1
                continue
            }
            if let block = headerBlock(at: i, in: texts, threadSubject: threadSubject), !isQuoted(block.start, in: texts) {
                blocks.append(block)
                i = block.end
                continue
            }
            i += 1
        }
        let owners = ownerLines(blocks, texts: texts)
        if !owners.isEmpty {
            // Every email of this print sits under the mailbox owner's name; a header
            // block without it is a quoted copy whose marker OCR lost.
            blocks = blocks.enumerated().filter { index, block in index == 0 || isOwned(block, owners: owners, texts: texts) }.map(\.element)
        }
        markPreambles(&blocks, owners: owners, texts: texts)
        return blocks.enumerated().map { index, block in
            let bodyEnd = index + 1 < blocks.count ? blocks[index + 1].preambleStart : lines.count
            let bodyLines = block.end < bodyEnd ? Array(lines[block.end..<bodyEnd]) : []
            let lastPage = bodyLines.last?.page ?? lines[block.end - 1].page
            return PrintedEmail(header: block.header, body: bodyLines.map(\.text).joined(separator: "\n"),
                                firstPage: lines[block.preambleStart].page, lastPage: lastPage)
        }
    }

    /// A header block starting at line i, if there is one.
    static func headerBlock(at i: Int, in texts: [String], threadSubject: String?) -> Block? {
        var header = PrintedHeader()
        var j = i
        if let m = firstMatch(gmailSender, texts[i]) {
            header.fields[.from] = m[0]
            header.fields[.date] = m[1]
            if let threadSubject { header.fields[.subject] = threadSubject }
            j = i + 1
        } else {
            guard let (label, value) = PrintedHeader.label(of: texts[i]), label == .from, !value.isEmpty else { return nil }
        }
        var last: PrintedHeader.Label?
        while j < texts.count, j < i + 16 {
            if let (label, value) = PrintedHeader.label(of: texts[j]) {
                // A second From: starts another block.
                if label == .from, j > i { break }
                if header.fields[label] == nil { header.fields[label] = value }
                last = label
                j += 1
            } else if let last, [.to, .cc, .bcc].contains(last), looksLikeAddresses(texts[j]) {
                header.fields[last, default: ""] += " " + texts[j]
                j += 1
            } else if let last, last == .attachments, matches(fileName, texts[j]) {
                header.fields[last, default: ""] += " " + texts[j]
                j += 1
            } else {
                break
            }
        }
        let fields = header.fields
        guard fields[.from] != nil, fields[.sent] != nil || fields[.date] != nil,
              fields[.to] != nil || fields[.cc] != nil || fields[.subject] != nil
        else { return nil }
        return Block(start: i, end: j, header: header, preambleStart: i)
    }

    /// Wrapped recipient lists: addresses, or "Last, First;" names.
    static let surnameFirst = try! NSRegularExpression(pattern: #"^[A-Z][\w'.-]+, [A-Z][\w'.-]+(;|$)"#)

    static func looksLikeAddresses(_ line: String) -> Bool {
        line.contains("@") || line.hasSuffix(";") || matches(surnameFirst, line)
    }

    /// True when the lines just before the block mark it as a quoted copy.
    static func isQuoted(_ start: Int, in texts: [String]) -> Bool {
        if texts[start].hasPrefix(">") { return true }
        for back in 1...2 where start - back >= 0 {
            if quoteMarkers.contains(where: { matches($0, texts[start - back]) }) { return true }
        }
        return false
    }

    /// The mailbox owner's name an Outlook print puts over every email: a line without
    /// a colon that stands before at least two thirds of the header blocks (and two).
    static func ownerLines(_ blocks: [Block], texts: [String]) -> Set<String> {
        var before: [String: Int] = [:]
        for block in blocks where block.start > 0 { before[PageFurniture.key(texts[block.start - 1]), default: 0] += 1 }
        let needed = max(2, Int((Double(blocks.count) * 2 / 3).rounded(.up)))
        return Set(before.filter { $0.value >= needed && !$0.key.isEmpty }.keys)
    }

    static func isOwned(_ block: Block, owners: Set<String>, texts: [String]) -> Bool {
        guard block.start > 0, !texts[block.start - 1].contains(":") else { return false }
        let key = PageFurniture.key(texts[block.start - 1])
        return owners.contains { PrintedHeader.editDistance($0, key) <= 2 }
    }

    /// Lines printed above each email that are not the previous email's body: the
    /// mailbox owner's name over every Outlook email, and a Gmail thread's title,
    /// subject and message count.
    static func markPreambles(_ blocks: inout [Block], owners: Set<String>, texts: [String]) {
        for index in blocks.indices {
            var start = blocks[index].start
            if isOwned(blocks[index], owners: owners, texts: texts) { start -= 1 }
            if start > 0, matches(gmailMessageCount, texts[start - 1]) {
                start -= 1
                if start > 0 { start -= 1 } // the thread's subject
                if start > 0, texts[start - 1].hasPrefix("Gmail") { start -= 1 }
            }
            let floor = index > 0 ? blocks[index - 1].end : 0
            blocks[index].preambleStart = max(start, floor)
        }
    }

    private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func firstMatch(_ regex: NSRegularExpression, _ text: String) -> [String]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
}
