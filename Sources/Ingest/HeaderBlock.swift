import Foundation

/// A printed email header found in a release's lines: the labelled lines of Outlook,
/// Apple Mail and RFC-style prints (in any order, OCR-damaged), a Gmail print's sender
/// line, a Lotus Notes sender line, or a request tracker's lone `From: Name`. Whether it
/// opens an email or is a quoted copy inside one is for `EmailSplitter` to decide.
struct HeaderBlock: Sendable {
    enum Style: String, Sendable {
        case labelled, gmail = "Gmail sender line", lotus = "Lotus Notes sender line", tracker = "request-tracker From line"
    }

    var start: Int
    /// One past the block's last line.
    var end: Int
    var header: PrintedHeader
    var style: Style
    /// The header's date and sender, read once: the splitter compares every block with
    /// the emails before it.
    let date: RecordDate?
    /// The date's sort key (wall-clock time as printed).
    let dateKey: String?
    let senderAddress: String?
    /// The sender's name, letters only.
    let senderName: String

    init(start: Int, end: Int, header: PrintedHeader, style: Style) {
        self.start = start
        self.end = end
        self.header = header
        self.style = style
        date = header.date
        dateKey = date?.sortKey
        let from = header.from
        senderAddress = from?.address
        senderName = PageFurniture.key(from?.name ?? "")
    }

    /// Every header block in the lines, in order. Lone `From: Name` lines count only in a
    /// file that has no other header, and at least two of them (a request tracker's
    /// printed thread); anywhere else such a line is body text.
    static func find(in lines: [PageLine], threadSubjects: [Int: String]) -> [HeaderBlock] {
        var blocks: [HeaderBlock] = []
        var trackerLines: [HeaderBlock] = []
        // The thread each line is in: the last "N messages" above it.
        var subjectAt: [String?] = []
        subjectAt.reserveCapacity(lines.count)
        var thread: String?
        for i in lines.indices {
            subjectAt.append(thread)
            if let subject = threadSubjects[i] { thread = subject }
        }
        // A memo is sought at every line, reading the two below it too: each line's columns
        // are split once.
        var memoColumnsOf = [[String]?](repeating: nil, count: lines.count)
        var i = 0
        while i < lines.count {
            // In a Gmail print (a thread's "N messages" above), "Name <address>" over a
            // date is Gmail's sender line; elsewhere it may open a Notes memo.
            let subject = subjectAt[i]
            let senderLine = subject != nil ? gmail(at: i, lines, subject: subject) ?? lotus(at: i, lines, memoColumnsOf: &memoColumnsOf)
                                            : lotus(at: i, lines, memoColumnsOf: &memoColumnsOf) ?? gmail(at: i, lines, subject: nil)
            if let block = senderLine ?? labelled(at: i, lines) {
                blocks.append(block)
                i = block.end
                continue
            }
            if let lone = tracker(at: i, lines) { trackerLines.append(lone) }
            i += 1
        }
        // A tracker prints a date or recipients under some messages only: its messages
        // with them read as full headers, naming people without addresses too. They are
        // its messages all the same (a tracker quotes no header).
        let trackerLike = blocks.allSatisfy { $0.style == .labelled && !($0.header.fields[.from] ?? "").contains("@") }
        guard trackerLines.count >= 2, trackerLike else { return blocks }
        for i in blocks.indices { blocks[i].style = .tracker }
        return (blocks + trackerLines).sorted { $0.start < $1.start }
    }

    // MARK: labelled blocks

    static let fileName = try! NSRegularExpression(pattern: #"\.\w{2,4}[;,)]?$"#)
    /// Wrapped recipient lists: addresses, or "Last, First;" names (with a middle name
    /// or initials: "Lewis, David K.").
    static let surnameFirst = try! NSRegularExpression(pattern: #"^[A-Z][\w'.-]+, [A-Z][\w'.-]+( [A-Z][\w'.-]*){0,2}(;|$)"#)

    static func labelled(at i: Int, _ lines: [PageLine]) -> HeaderBlock? {
        guard let (first, firstValue) = PrintedHeader.label(of: lines[i].text), first != .attachments, first != .importance else { return nil }
        var header = PrintedHeader()
        header.fields[first] = firstValue
        var last = first
        var j = i + 1
        while j < lines.count, j < i + 24 {
            let line = lines[j]
            // After an empty line (OCR puts them between header lines too) only a label
            // not yet seen goes on with a block that already has what a header needs.
            if line.gapBefore, isComplete(header), PrintedHeader.label(of: line.text).map({ header.fields[$0.0] != nil }) ?? true { break }
            if let (label, value) = PrintedHeader.label(of: line.text) ?? colonless(line.text, after: last) ?? unreadRecipients(line.text, header) {
                // A label seen twice starts another block.
                if header.fields[label] != nil { break }
                header.fields[label] = value
                last = label
            } else if continues(line, last: last, in: lines[j - 1], value: header.fields[last],
                                 beforeLabel: j + 1 < lines.count && !lines[j + 1].gapBefore
                                     && PrintedHeader.label(of: lines[j + 1].text).map { header.fields[$0.0] == nil } ?? false)
            {
                header.fields[last] = joined(header.fields[last], line.text)
            } else {
                break
            }
            j += 1
        }
        guard isComplete(header) else { return nil }
        return HeaderBlock(start: i, end: j, header: header, style: .labelled)
    }

    /// A colonless label only where a header is being read, and only with a value that
    /// fits it, so that "To whom it may concern" stays text.
    private static func colonless(_ text: String, after last: PrintedHeader.Label) -> (PrintedHeader.Label, String)? {
        guard let (label, value) = PrintedHeader.colonlessLabel(of: text) else { return nil }
        switch label {
        case .to, .cc, .bcc: return looksLikeAddresses(value) ? (label, value) : nil
        case .subject, .sent, .date: return last == .subject ? nil : (label, value)
        default: return nil
        }
    }

    /// A label OCR could not read ("Bie" for "To:") in the label column, beside a list
    /// of addresses: the recipients, To first, then Cc.
    private static func unreadRecipients(_ text: String, _ header: PrintedHeader) -> (PrintedHeader.Label, String)? {
        guard header.fields[.from] != nil, let value = addressesBesideUnreadLabel(text, labelLength: 6) else { return nil }
        if header.fields[.to] == nil { return (.to, value) }
        return header.fields[.cc] == nil ? (.cc, value) : nil
    }

    /// The addresses in the column beside a label of at most `labelLength` marks that OCR
    /// could not read ("Bie  jane@x.org", "Toa  Elena Cooper/CIB/PAPD@PAPD").
    private static func addressesBesideUnreadLabel(_ text: String, labelLength: Int) -> String? {
        let parts = columns(text)
        guard parts.count >= 2, parts[0].count <= labelLength, !parts[0].contains(" ") else { return nil }
        let value = parts.dropFirst().joined(separator: "  ")
        return value.contains("@") && looksLikeAddresses(value) ? value : nil
    }

    /// A sender, a date and a recipient or subject; or, where OCR lost the From line,
    /// a date, recipients and a subject.
    static func isComplete(_ header: PrintedHeader) -> Bool {
        let f = header.fields
        let from = !(f[.from] ?? "").isEmpty
        let date = f[.sent] != nil || f[.date] != nil
        let to = f[.to] != nil || f[.cc] != nil
        let subject = f[.subject] != nil
        return (from && date && (to || subject)) || (date && to && subject) || (from && to && subject && looksLikeAddresses(f[.from]!))
    }

    /// A line that is an address and nothing more ("<druiz@nypd.org>").
    static let addressAlone = #"^[<(]?[^\s<>()@]+@[^\s<>()@]+\.[A-Za-z]{2,}[>)]?$"#

    /// A wrapped value: recipients or attachments that go on, or any value printed
    /// further right than its label. `beforeLabel`: a label the header lacks comes next.
    private static func continues(_ line: PageLine, last: PrintedHeader.Label, in previous: PageLine, value: String?,
                                  beforeLabel: Bool = false) -> Bool
    {
        if line.gapBefore || line.page != previous.page { return false }
        // An address broken at the margin: "<mbailey@miami-police." then "org>".
        if [.from, .to, .cc, .bcc, .replyTo].contains(last), let value, value.filter({ $0 == "<" }).count > value.filter({ $0 == ">" }).count {
            return true
        }
        // A sender's address wrapped alone under the name: "From: Dana Ruiz" over "<druiz@…>".
        if last == .from, let value, !value.contains("@"), line.text.range(of: addressAlone, options: .regularExpression) != nil {
            return true
        }
        // A Notes memo beside its sender sets its labels in a column of their own, and wraps
        // a value under its label. (So does a value wrapped twice, each line under the one
        // before; OCR may set either a character off.)
        let underInLabelColumn = abs(line.indent - previous.indent) <= 1 && line.indent >= 8
        switch last {
        case .to, .cc, .bcc:
            // (There a list wraps a name, or a piece of one, per line.)
            let wrappedInColumn = underInLabelColumn && loneLabel(line.text) == nil && (isName(line.text) || !line.text.contains(" "))
            return looksLikeAddresses(line.text)
                || ((line.indent > previous.indent + 3 || wrappedInColumn) && PrintedHeader.label(of: line.text) == nil)
        case .attachments:
            return matches(fileName, line.text) || line.indent > previous.indent + 3
        case .subject:
            // Wrapped under its value, or in the label column, or at the margin right under
            // a line that ran to it (but not a greeting there: "Hello Samuel,") or between
            // it and the header's next label; words, or one token such as a request number
            // ("#2018-115-59604").
            let words = line.text.filter(\.isLetter).count >= 2 || (!line.text.contains(" ") && line.text.filter(\.isNumber).count >= 4)
            let atMargin = (previous.text.count >= 70 || beforeLabel) && !line.text.hasSuffix(",")
            return (line.indent > previous.indent + 3 || underInLabelColumn || atMargin)
                && words && PrintedHeader.label(of: line.text) == nil
        default:
            return false
        }
    }

    /// A value and the line it runs on to: an address broken after "." or "-" or "@"
    /// joins without a space.
    static func joined(_ value: String?, _ more: String) -> String {
        guard let value, !value.isEmpty else { return more }
        let brokenAddress = value.filter({ $0 == "<" }).count > value.filter({ $0 == ">" }).count
            && [".", "-", "@", "_"].contains(value.last!)
        return value + (brokenAddress ? "" : " ") + more
    }

    /// "Angela Goldberg", "Anthony De La", "Maria da": a person's name (or its first
    /// words) alone, as a narrow column wraps a recipient list.
    static func isName(_ text: String) -> Bool {
        let words = text.trimmed(where: { $0 == "," }).split(separator: " ")
        return (1...4).contains(words.count) && words.indices.allSatisfy { k in
            let word = words[k]
            return (word.first!.isUppercase || (k > 0 && AddressList.surnameParticles.contains(String(word))))
                && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
        }
    }

    static func looksLikeAddresses(_ text: String) -> Bool {
        text.contains("@") || text.hasSuffix(";") || text.contains("; ") || matches(surnameFirst, text)
    }

    // MARK: sender lines

    /// A Gmail print's sender line: "Name <address>" and the date, on one line or two.
    /// (A redacted address, "<█████>", still makes a sender line; so does an address
    /// alone, as Gmail prints a sender without a name.)
    static let gmailSender = try! NSRegularExpression(
        pattern: #"^((?:.{0,80}?(?:[<(«]\s*[^<>()«»\s]+\s*@\s*[^<>()«»]+[>)»]|<\s*█[█\s]*>))|[^\s<>()«»@:]+@[\w.-]+\.[A-Za-z]{2,}(?=\s{2,}|$))\s*(.*)$"#)

    /// The sender and the rest of a Gmail sender line, read again with OCR's damage to an
    /// address undone when it does not match as read ("<vincent.).lopez@usdoj.gov>"; only
    /// lines with an address: every line is tried).
    static func gmailSenderMatch(_ text: String) -> [String]? {
        // (A line with neither an "@" nor a "█" cannot match, and is not asked.)
        guard text.holds("@") || text.holds("█") else { return nil }
        return firstMatch(gmailSender, text) ?? (text.contains("@") ? firstMatch(gmailSender, OCRRepair.addresses(text)) : nil)
    }

    static func gmail(at i: Int, _ lines: [PageLine], subject: String?) -> HeaderBlock? {
        // The print's own top line names the account ("M Gmail   Jane Doe <jd@gmail.com>").
        // (A labelled line whose colon OCR read as a dot, "From.  jd@x.org", is no sender line.)
        let text = lines[i].text
        guard PrintedHeader.label(of: text) == nil,
              let m = gmailSenderMatch(text),
              !m[0].contains(":"), !m[0].prefix(10).contains("Gmail")
        else { return nil }
        var header = PrintedHeader()
        header.fields[.from] = m[0]
        var j = i + 1
        if !m[1].isEmpty, DateParser.parsePrinted(m[1]) != nil {
            header.fields[.date] = m[1]
        } else if m[1].isEmpty, j < lines.count, lines[j].text.count < 60, lines[j].text.contains(":"),
                  DateParser.parsePrinted(lines[j].text) != nil
        {
            header.fields[.date] = lines[j].text
            j += 1
        } else {
            return nil
        }
        if let subject { header.fields[.subject] = subject }
        var last: PrintedHeader.Label?
        while j < lines.count, j < i + 12, !lines[j].gapBefore || last == nil {
            if let (label, value) = PrintedHeader.label(of: lines[j].text), [.to, .cc, .bcc, .replyTo].contains(label),
               header.fields[label] == nil
            {
                header.fields[label] = value
                last = label
            } else if let last, continues(lines[j], last: last, in: lines[j - 1], value: header.fields[last]) {
                header.fields[last] = joined(header.fields[last], lines[j].text)
            } else {
                break
            }
            j += 1
        }
        return HeaderBlock(start: i, end: j, header: header, style: .gmail)
    }

    /// A line that opens a printed email by naming its sender (Gmail, Lotus Notes), or
    /// stands for its date (a Notes date line): page furniture never takes it, even
    /// when every page starts with the same sender, or at about the same time.
    static func isSenderLine(_ text: String) -> Bool {
        let parts = memoColumns(text)
        let first = withoutTrailingSpeck(parts.first ?? "")
        let dateLine = first.count < 40 && first.contains(":") && DateParser.parse(first) != nil
            && (parts.count == 1 || loneLabel(columns(parts[1]).first ?? "") != nil || PrintedHeader.label(of: parts[1]) != nil)
        // A Notes memo's first line: the sender, then its label column ("To", "cc").
        let besideLabel = parts.dropFirst().contains { loneLabel($0) != nil }
        // (A Gmail sender line prints the time after the address; a colon before it is a
        // label's or an attribution's.)
        let gmail = gmailSenderMatch(text).map { !$0[0].contains(":") } ?? false
        return matches(AddressList.notesName, OCRRepair.notesName(first)) || gmail || dateLine || besideLabel
    }

    /// A speck OCR read after a sender's name is none of it: "Sullivan/FU/NYPD@NYPD ~~",
    /// "…@NYPD__", "<declan@faceplusplus.com>:".
    static func withoutTrailingSpeck(_ text: String) -> String {
        // (A speck is no letter or digit: a text ending in one has none, and skips the pattern.)
        if let last = text.unicodeScalars.last, last.isASCII, last.properties.isAlphabetic || ("0"..."9").contains(last) { return text }
        return OCRRepair.apply(trailingSpeck, to: text)
    }

    private static let trailingSpeck = OCRRepair.compile([(#"\s+[^\p{L}\p{N}<>()\[\]@"]{1,3}$|(?<=[\p{L}\p{N}>])[_~=*°•|]{1,3}$|(?<=>)[:;.,]{1,2}$"#, "")])

    /// A name of two words or more, then an address OCR could not read ("Gabriela Rogers
    /// <gabriela. POGaT Sea tOrOseeOLUELOnS com>", "Liam Anderson « jiam(kairos.com>"): a
    /// Notes sender line still.
    static let nameThenUnreadableAddress = try! NSRegularExpression(pattern: #"^\p{Lu}[\p{L}.'’-]+(?: [\p{L}.'’-]+){1,3} [<«][^<>«@]{3,}>?$"#)

    /// A name of two or three words at a line's start, then whatever OCR made of the
    /// address or the Notes name's slashes ("Richard Stewart > richardéecellebrite.cam +",
    /// "Ruth Gatlagher FL NYPD NYPD", "Yolanda Reyes volandatesves.nyvc(e'vahoo.com |"): the
    /// name only, and only where a memo's To and Subject labels below confirm a header.
    static let nameBeforeUnreadableAddress = try! NSRegularExpression(
        pattern: #"^(\p{Lu}[\p{Ll}'’-][\p{L}'’-]*(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-][\p{L}'’-]*)){1,2})(?:[\s:;>»«<,=+~-]+\S.*)?$"#)

    /// A Notes date line OCR damaged past reading ("Os 08 2020 05:26 PM", "12 26 2019 OF
    /// 44 PM"): month, day, year and a time of day by their shape. The date stays unread.
    static let unreadableNotesDate = try! NSRegularExpression(
        pattern: #"^[0-9OoIl|)\]sS]{1,2}[\s°:/.)\]|-]{0,2}[0-9OoIl|\]sS]{1,2}[\s°:/.)\]|-]{1,2}(?:19|20)[0-9]{2}\s+\S{1,3}[\s:.]?\S{1,3}\s?[AaPp][MmNn]\]?$"#)

    /// A release's exemption marks in the margin beside a line ("B6", "B6, B7(C)"): no
    /// part of a header.
    static let exemptionMarks = try! NSRegularExpression(pattern: #"^(?:\(?[Bb][1-9](?:\([A-Fa-f]\))?\)?[,;]?\s*)+$"#)

    /// A column's text without a speck OCR read before it ("_ Flynn/DFU/…", ".-" alone):
    /// no part of a label or a value.
    static func withoutLeadingSpeck(_ text: String) -> String {
        // (As above, at the start: a letter or digit there is no speck.)
        if let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) { return text }
        return OCRRepair.apply(leadingSpeck, to: text)
    }

    private static let leadingSpeck = OCRRepair.compile([(#"^[^\p{L}\p{N}<>"(\[█]{1,3}(?:\s+|$)"#, "")])

    /// A Lotus Notes memo print: the sender (a Notes name, or a name and address) over
    /// the date, and To / cc / bcc / Subject with or without colons, either below them
    /// or in a column to their right on the same lines.
    /// - memoColumnsOf: each line's `memoColumns`, filled in as they are split.
    static func lotus(at i: Int, _ lines: [PageLine], memoColumnsOf: inout [[String]?]) -> HeaderBlock? {
        // (A memo's date line is one of the two below, and a date has a colon or a digit:
        // most lines open none, and are passed by cheaply.)
        guard lines[(i + 1)..<min(i + 3, lines.count)].contains(where: \.text.holdsColonOrNumber) else { return nil }
        // The left column: the sender (a long Notes name wraps), then the date; the
        // label column beside them is read as lines of their own, then the lines below.
        var senderParts: [String] = []
        var pieces: [(text: String, line: PageLine?, onSenderLine: Bool)] = []
        var dateText: String?
        var dateUnreadable = false
        var j = i
        while j < lines.count, j < i + 3, dateText == nil {
            // A page may end between the sender and the date, not inside the sender's name
            // (a signature's last line over a page-top header is no part of it).
            let newPage = j > i && lines[j].page != lines[j - 1].page
            if j > i, lines[j].gapBefore, !newPage { return nil }
            if memoColumnsOf[j] == nil { memoColumnsOf[j] = memoColumns(lines[j].text) }
            var parts = memoColumnsOf[j]!
            // (A speck in the margin, "-  5/18/2019 2:24 PM", is no column; a short name, "Raj",
            // over the rest of a wrapped Notes name is, and so is a redacted address, "<█>".)
            if parts.count > 1, parts[0].count <= 3, parts[0].allSatisfy({ !$0.isLetter && !$0.isNumber && $0 != "█" }) { parts.removeFirst() }
            guard let left = parts.first else { return nil }
            if left.count < 40, left.contains(":"), DateParser.parsePrinted(left) != nil {
                dateText = left
            } else if j > i, matches(unreadableNotesDate, left) {
                dateText = left
                dateUnreadable = true
            } else if newPage {
                return nil
            } else {
                // (A wrapped name keeps its left edge: a line set far to the right of the
                // sender, a stamp over it, is no part of it.)
                if j > i, abs(lines[j].indent - lines[i].indent) > 4 { return nil }
                senderParts.append(withoutTrailingSpeck(left))
            }
            let right = parts.dropFirst().map(withoutLeadingSpeck).filter { !$0.isEmpty }
            if !right.isEmpty { pieces.append((right.joined(separator: "  "), nil, j == i)) }
            j += 1
        }
        // (No date line, no memo: its sender is not read.)
        guard let dateText else { return nil }
        let sender = OCRRepair.notesName(senderParts.joined(separator: " "))
        // (OCR may read a capital with a stroke or a ring as "@": "@yvind Rahman" for Øyvind.)
        let capitalReadAsAt = AddressList.isCapitalReadAsAt(sender.split(separator: " ").first ?? "")
        guard let opening = sender.first, opening.isLetter || opening == "<" || opening == "\"" || capitalReadAsAt else { return nil }
        let readable = !OCRRepair.addresses(sender).contains(":")
            && (matches(AddressList.notesName, sender) || ((sender.contains("@") || sender.contains("<█")) && (senderParts.count == 1 || sender.contains("<")))
                || (senderParts.count == 1 && matches(nameThenUnreadableAddress, sender)))
        // A sender line OCR damaged past reading keeps its name alone (the line's other
        // columns are the rest of the damage); its labels below must confirm the memo.
        let nameOnly = readable || senderParts.count != 1 ? nil : firstMatch(nameBeforeUnreadableAddress, lines[i].text)?[0]
        guard readable || nameOnly != nil else { return nil }
        var header = PrintedHeader()
        header.fields[.from] = nameOnly ?? sender
        header.fields[.date] = dateText
        var last: PrintedHeader.Label?
        func read(_ text: String, _ line: PageLine?, previous: PageLine?) -> Bool {
            if let (label, value) = PrintedHeader.label(of: text) ?? colonless(text, after: last ?? .date) ?? loneLabel(text)
                ?? (line != nil ? recipientsColumn(text) : nil) ?? (line != nil && last == nil ? unreadTo(text) : nil),
               header.fields[label] == nil
            {
                header.fields[label] = value
                last = label
                return true
            }
            // A narrow column cuts a long address or Notes name anywhere ("…@N", "YCDOI"):
            // a piece with no space finishes a recipient cut short, with no space between;
            // after a name's first word ("…, Priya" then "Miller"), with a space.
            if let last, line == nil, [.to, .cc, .bcc].contains(last), let value = header.fields[last], !text.contains(" "),
               let cut = value.split(separator: " ").last, !",;>".contains(cut.last!)
            {
                let midWord = cut.contains("@") || cut.contains("/") || value.filter({ $0 == "<" }).count > value.filter({ $0 == ">" }).count
                if midWord || (cut.allSatisfy(\.isLetter) && text.allSatisfy(\.isLetter) && text.first?.isUppercase == true) {
                    header.fields[last] = value + (midWord ? "" : " ") + text
                    return true
                }
            }
            // A right-column piece goes on with a recipient list when it reads as one,
            // and with a subject when it is words.
            if let last, line == nil, [.to, .cc, .bcc].contains(last), looksLikeAddresses(text) || text.hasPrefix("<") || isName(text) {
                header.fields[last] = joined(header.fields[last], text)
                return true
            }
            if last == .subject, line == nil, text.filter(\.isLetter).count >= 2 {
                header.fields[.subject] = joined(header.fields[.subject], text)
                return true
            }
            // Beside "Please respond to" and the reply address, the label column goes on.
            if let line, case let parts = columns(line.text), parts.count >= 2,
               parts[0].lowercased().hasPrefix("please respond") || (parts[0].contains("@") && !parts[0].contains(":")),
               case let right = parts.dropFirst().map(withoutLeadingSpeck).filter({ !$0.isEmpty }), !right.isEmpty
            {
                return read(right.joined(separator: "  "), nil, previous: nil)
            }
            // A subject wraps within the label column, under its label or its value (the
            // memo's text starts at the margin, a gap below).
            if last == .subject, let line, let previous, !line.gapBefore, line.page == previous.page, previous.indent >= 8,
               line.indent > previous.indent, PrintedHeader.label(of: line.text) == nil, line.text.filter(\.isLetter).count >= 2
            {
                header.fields[.subject] = joined(header.fields[.subject], text)
                return true
            }
            if let last, let line, let previous, continues(line, last: last, in: previous, value: header.fields[last]) {
                header.fields[last] = joined(header.fields[last], text)
                return true
            }
            return text.lowercased().hasPrefix("please respond to")
        }
        // OCR may set a recipient list's wrapped line beside the date, over its label:
        // kept for the To line below, where it belongs. A speck there ("oo.") is nothing.
        var early: [String] = []
        for piece in pieces where !(nameOnly != nil && piece.onSenderLine) && !read(piece.text, nil, previous: nil)
            && !EmailSplitter.isSpeck(piece.text) && !matches(exemptionMarks, piece.text)
        {
            let bare = piece.text.trimmed(where: { $0 == "," || $0 == ";" })
            guard last == nil, looksLikeAddresses(piece.text) || matches(AddressList.notesName, bare) else { return nil }
            early.append(piece.text)
        }
        while j < lines.count, j < i + 20 {
            if read(lines[j].text, lines[j], previous: lines[j - 1]) {
                j += 1
            } else if j + 1 < lines.count, isMisreadLoneLabel(lines[j].text) || isMisreadLabelColumn(lines[j].text),
                      let next = columns(lines[j + 1].text).first, loneLabel(next) != nil || PrintedHeader.label(of: next) != nil
            {
                j += 1
            } else {
                break
            }
        }
        guard header.fields[.to] != nil || header.fields[.subject] != nil else { return nil }
        if nameOnly != nil || dateUnreadable, header.fields[.to] == nil || header.fields[.subject] == nil { return nil }
        if !early.isEmpty {
            guard let to = header.fields[.to] else { return nil }
            header.fields[.to] = joined(early.joined(separator: " "), to)
        }
        return HeaderBlock(start: i, end: j, header: header, style: .lotus)
    }

    /// An empty field's lone label as OCR may misread it ("7 c" for "bcc"): a speck of a
    /// few marks, which between two label lines is no end of the header.
    private static func isMisreadLoneLabel(_ text: String) -> Bool {
        let marks = text.filter { !$0.isWhitespace }
        return !marks.isEmpty && marks.count <= 3 && !marks.contains("@")
    }

    /// A line of the memo's label column whose label OCR could not read ("rw  Kevin Alten
    /// LB NYPD NYPD" for cc) between two it could: skipped, its label not guessed.
    private static func isMisreadLabelColumn(_ text: String) -> Bool {
        let parts = columns(text)
        return parts.count >= 2 && parts[0].count <= 3 && parts[0].allSatisfy(\.isLetter)
    }

    /// A recipient label in the memo's label column, its value a column to its right
    /// however OCR read it ("ce  Alictu Sato TOD lar ler."): the column says it is one.
    private static func recipientsColumn(_ text: String) -> (PrintedHeader.Label, String)? {
        let parts = columns(text)
        guard parts.count >= 2, parts[0].count <= 4, let label = PrintedHeader.label(named: Substring(parts[0])),
              [.to, .cc, .bcc].contains(label)
        else { return nil }
        return (label, parts.dropFirst().joined(separator: "  "))
    }

    /// The memo's first label, OCR could not read ("Toa" for To), beside recipients it
    /// could: the To line, which the label column starts with.
    private static func unreadTo(_ text: String) -> (PrintedHeader.Label, String)? {
        addressesBesideUnreadLabel(text, labelLength: 4).map { (.to, $0) }
    }

    /// Notes prints an empty field as its label alone: "cc", "bcc".
    private static func loneLabel(_ text: String) -> (PrintedHeader.Label, String)? {
        // (OCR may read a speck beside it: "‘To", "bec.".)
        let word = text.trimmed(where: { (": " + PrintedHeader.specks).unicodeScalars.contains($0) })
        guard word.count <= 7, word.allSatisfy(\.isLetter), let label = PrintedHeader.label(named: Substring(word)),
              [.to, .cc, .bcc, .subject].contains(label)
        else { return nil }
        return (label, "")
    }

    static let senderThenLabel = try! NSRegularExpression(
        pattern: #"^(\p{Lu}[\p{L}.'-]*(?: [\p{L}.'-]+){0,3}(?:/[\p{L}0-9.&'-]{1,30}){0,4}(?:@[\p{L}0-9.-]{1,30})?) (To|cc|bcc) (\S.*@.*)$"#)

    /// A Notes memo line's columns, with a label only a space away from the sender set
    /// apart: "Fitzgerald/LB/NYPD@NYPD cc", "Thomas Singh <ts@x.ai> To:". After an address,
    /// a label as OCR misreads it too ("<wd@x.com> ce"): no name follows an address there.
    static func memoColumns(_ text: String) -> [String] {
        let parts = columns(text)
        // OCR may close the gap before the label column too: "Kwame Delgado To Luis
        // Shapiro/OMAP/NYPD@NYPD", "Yuki Mensah/IB/NYPD@NYPD To Yuki Celik/EROU/ICE@ICE"
        // (only with an address after the label: a line without "@" skips the pattern).
        if let first = parts.first, first.utf8.contains(UInt8(ascii: "@")), let m = firstMatch(senderThenLabel, first) {
            return [m[0], m[1] + "  " + m[2]] + parts.dropFirst()
        }
        guard let first = parts.first, let space = first.lastIndex(of: " ") else { return parts }
        let word = first[first.index(after: space)...].lowercased().trimmed(where: { $0 == ":" })
        let afterAddress = first[..<space].hasSuffix(">") || first[..<space].split(separator: " ").last?.contains("@") == true
        let label = afterAddress ? PrintedHeader.label(named: word[...]) : PrintedHeader.Label(rawValue: word)
        guard let label, [.cc, .bcc, .to].contains(label) else { return parts }
        return [String(first[..<space]).trimmed(), String(first[first.index(after: space)...]) + (parts.count > 1 ? "  " + parts.dropFirst().joined(separator: "  ") : "")]
    }

    /// A printed line's columns: runs of text two or more spaces apart.
    static func columns(_ text: String) -> [String] {
        // (Cut at each two spaces by hand, as `components(separatedBy: "  ")` cuts: that
        // went through NSString, for every line, several times.)
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0, i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: " "), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: " ") {
                pieces.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces.map { $0.trimmed() }.filter { !$0.isEmpty }
    }

    /// "From: Name" with no address and no date: one message of a request tracker's
    /// printed thread, perhaps with To: and Subject: lines.
    static func tracker(at i: Int, _ lines: [PageLine]) -> HeaderBlock? {
        guard let (label, value) = PrintedHeader.label(of: lines[i].text), label == .from, !value.isEmpty,
              !value.contains("@"), value.split(separator: " ").count <= 8, DateParser.parse(value) == nil
        else { return nil }
        var header = PrintedHeader()
        header.fields[.from] = value
        var j = i + 1
        while j < lines.count, j < i + 4, !lines[j].gapBefore,
              let (next, nextValue) = PrintedHeader.label(of: lines[j].text), [.to, .subject, .cc].contains(next), header.fields[next] == nil
        {
            header.fields[next] = nextValue
            j += 1
        }
        // The site may print the message's date on a line of its own under the sender.
        if j < lines.count, !lines[j].gapBefore, lines[j].text.count < 40, DateParser.parse(lines[j].text) != nil {
            header.fields[.date] = lines[j].text
            j += 1
        }
        return HeaderBlock(start: i, end: j, header: header, style: .tracker)
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func firstMatch(_ regex: NSRegularExpression, _ text: String) -> [String]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
}
