import Foundation

/// The labelled lines that open a printed email (From / Sent / Date / To / Cc / Subject /
/// Attachments), read tolerantly: OCR turns "From:" into "Fr0m:" and "Cc:" into "Ce:".
public struct PrintedHeader: Sendable {
    public enum Label: String, Sendable, CaseIterable {
        case from, sent, date, to, cc, bcc, subject, attachments, importance
        case replyTo = "reply-to"
    }

    public var fields: [Label: String] = [:]

    /// OCR's usual misreadings of the short labels, which are too short for an edit
    /// distance to tell apart from other words ("Tee:" for To:, "Con" for Cc:).
    static let misreadings: [String: Label] = [
        "tee": .to, "te": .to, "ta": .to, "io": .to, "tq": .to, "yo": .to, "lo": .to,
        "ce": .cc, "co": .cc, "cç": .cc, "con": .cc, "cc.": .cc, "oc": .cc, "ec": .cc, "cec": .cc, "ccc": .cc, "ge": .cc,
        "bec": .bcc, "bce": .bcc, "bee": .bcc, "dale": .date, "daie": .date, "sont": .sent, "seni": .sent, "sen": .sent,
    ]

    /// Marks OCR reads from a speck beside a label ("‘To", "*To", "bec."), and dashes
    /// ("-CC:"), which a lone label's column may also hold as a rule.
    static let specks = "‘’'\"“”`.,_~•*°", dashes = "-–—"
    private static let specksAndDashes = Set((specks + dashes).unicodeScalars)

    /// The label a line starts with ("Label: value"), and the rest of the line.
    static func label(of line: String) -> (Label, String)? {
        // A label in a column of its own, its value two spaces or more to its right
        // ("Subject  FW: Budget"): the value's own colon is not the label's. (OCR may
        // read a speck beside the label as a mark: "To\"  Frank Rodriguez", "To,  David",
        // "‘To  Raj Ferraro".)
        if let gap = line.firstRange(ofASCII: "  "),
           let label = Label(rawValue: line[..<gap.lowerBound].lowercased().trimmed(where: { specksAndDashes.contains($0) }))
        {
            let value = line[gap.upperBound...].trimmed()
            if !value.hasPrefix(":") { return (label, value) }
        }
        // (OCR may read the colon as a semicolon: "To; Castillo, Mei <…>".)
        // (A label and its marks take at most 14 characters: only those are looked through.)
        guard let colon = line.prefix(15).firstIndex(where: { $0 == ":" || $0 == ";" }), let label = label(named: line[..<colon])
        else { return nil }
        return (label, String(line[line.index(after: colon)...]).trimmed())
    }

    /// Inside a header block, OCR sometimes loses a label's colon ("Con Bob <b@x.org>", "Subject? Hi"),
    /// and Lotus Notes prints labels without one ("To  Jessica Moore"): the first word
    /// then counts as a label when a value follows.
    static func colonlessLabel(of line: String) -> (Label, String)? {
        if let labelled = label(of: line) { return labelled }
        guard let space = line.firstIndex(of: " ") else { return nil }
        // (A colon read as a question mark: "Subject? RE: Contract renewal".)
        let word = line[..<space].last == "?" ? line[..<space].dropLast() : line[..<space]
        guard word.count <= 12, word.allSatisfy({ $0.isLetter || $0 == "." }), let label = label(named: word) else { return nil }
        let value = String(line[space...]).trimmed()
        return value.isEmpty ? nil : (label, value)
    }

    /// A label read tolerantly: case, spaces, a speck before it ("‘To", "*To", "-CC") and OCR's
    /// digit-for-letter swaps aside.
    static func label(named raw: Substring) -> Label? { labels.value(for: String(raw), readLabel) }

    /// (Kept: the words before a colon are asked of every line, and most are the same few;
    /// a word that is no label is measured against each.)
    private static let labels = TextMemo<Label?>(capacity: 1024)

    private static func readLabel(_ raw: String) -> Label? {
        let letters = raw.drop { (specks + dashes).contains($0) }.lowercased().filter { !$0.isWhitespace }
        let repaired = String(letters.map { ch -> Character in
            switch ch {
            case "0": "o"
            case "1", "|", "!": "l"
            case "5": "s"
            default: ch
            }
        })
        if let label = Label(rawValue: repaired) { return label }
        if let label = misreadings[repaired] { return label }
        // A letter or two off, for labels long enough that this cannot be another word.
        for label in Label.allCases where label.rawValue.count >= 4 {
            let allowed = label.rawValue.count >= 7 ? 2 : 1
            if abs(label.rawValue.count - repaired.count) <= allowed, editDistance(label.rawValue, repaired) <= allowed {
                return label
            }
        }
        return nil
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: fields

    public var from: Correspondent? { fields[.from].flatMap { AddressList.parse(OCRRepair.addresses($0)).first } }
    public var to: [Correspondent] { fields[.to].map { AddressList.parse(OCRRepair.addresses($0)) } ?? [] }
    public var cc: [Correspondent] { fields[.cc].map { AddressList.parse(OCRRepair.addresses($0)) } ?? [] }
    public var subject: String? { fields[.subject].map(OCRRepair.subject).flatMap { $0.isEmpty ? nil : $0 } }
    public var date: RecordDate? {
        (fields[.sent] ?? fields[.date]).flatMap { DateParser.parsePrinted($0) }
    }
}
