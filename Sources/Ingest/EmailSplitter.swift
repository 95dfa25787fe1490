import Foundation

/// Where a release's printed text becomes emails. Every header block is found first
/// (`HeaderBlock`), in any print style; the release's own habits are learnt from the
/// blocks whose kind is not in doubt (how it prints its emails' headers and how its
/// quoted copies look, its mailbox owners' names, whether it runs newest first); then
/// each block is weighed in order against the email open above it: it opens a new
/// email unless the evidence says it is a quoted or forwarded copy inside that email (a
/// marker line or `>` before it, the quoted copies' print format, a missing owner's
/// name, its indentation, a copy of an email seen before, an older date under the
/// subject the email above replies to). A block that starts a page opens an email even
/// when its sender is the one before. Dates and senders come only from a block's own
/// lines; page furniture is gone before this runs. `corpus explain` prints each decision.
public enum EmailSplitter {
    /// Lines that announce a quoted or forwarded copy: a header block right after one
    /// is part of the body above it.
    static let quoteMarkers: [NSRegularExpression] = [
        // OCR turns the dashes into other marks, so any non-letters may surround the words
        // (and a speck before them may read as a letter or three: "won------- Forwarded").
        #"^[A-Za-z]{0,3}[^A-Za-z]{2,}\s*Original\s*Mess[a-z]{3}\s*[^A-Za-z]*$"#,
        // (Its leading dashes may read as letters too, when the trailing ones hold.)
        #"^[A-Za-z]{0,3}[^A-Za-z]*\s*Original\s*Mess[a-z]{3}\s*[^A-Za-z\s]{2,}$"#,
        #"^[A-Za-z]{0,3}[^A-Za-z]{2,}\s*Forwarded\s*(message|by)\b.*$"#,
        // (Or, when the trailing dashes hold, a few specks before it read as words: "waeeen nee").
        #"^.{0,14}\bForwarded\s*message\s*[^A-Za-z\s]{3,}$"#,
        #"^Begin\s*forwarded\s*message:?$"#,
        #"\bwrote:$"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    /// A rule: Outlook draws one over a quoted header, but prints also put one between
    /// emails, so it only tips the balance.
    static let rule = try! NSRegularExpression(pattern: #"^[_\-=~—–]{8,}$"#)

    /// Gmail's "2 messages" under a thread's title (OCR may read a speck before it).
    static let gmailMessageCount = try! NSRegularExpression(pattern: #"^(?:[_.,'‘’|~•-]\s?)?\d{1,3}\s+messages?$"#)
    /// Reply and forward prefixes, as many as there are.
    static let subjectPrefixes = try! NSRegularExpression(pattern: #"^\s*((re|fw|fwd|aw|wg|tr)\s*(\[\d+\])?\s*:\s*)+"#, options: .caseInsensitive)

    /// The emails in a PDF's pages; empty when it holds none (a document).
    public static func split(_ pages: [Page]) -> [PrintedEmail] {
        split(PageFurniture.strip(pages, keeping: isStructure)).emails
    }

    /// The emails in a text release, with their line ranges.
    public static func split(text: String) -> [PrintedEmail] {
        split(PageFurniture.strip(text: text, keeping: isStructure)).emails
    }

    /// Every decision taken on a PDF's pages, in order.
    public static func explain(_ pages: [Page]) -> [SplitDecision] {
        split(PageFurniture.strip(pages, keeping: isStructure)).decisions
    }

    public static func explain(text: String) -> [SplitDecision] {
        split(PageFurniture.strip(text: text, keeping: isStructure)).decisions
    }

    /// The lines the splitter reads: page furniture gone, indentation and gaps kept.
    public static func lines(_ pages: [Page]) -> [PageLine] { PageFurniture.strip(pages, keeping: isStructure) }

    public static func lines(text: String) -> [PageLine] { PageFurniture.strip(text: text, keeping: isStructure) }

    /// A Gmail thread starts a page, so its "N messages" line recurs at page tops: it is
    /// structure, not furniture.
    static func isStructure(_ line: String) -> Bool { matches(gmailMessageCount, line) }

    static func split(_ lines: [PageLine]) -> (emails: [PrintedEmail], decisions: [SplitDecision]) {
        // A Gmail print names the thread's subject above "N messages".
        // (A long subject wraps: the title is every line over the count, up to the
        // "Gmail" line, a rule or a gap, or the end of the account's address that the
        // "Gmail" line wraps: "com>".)
        var threadSubjects: [Int: String] = [:]
        for i in lines.indices where i > 0 && matches(gmailMessageCount, lines[i].text) {
            var title: [String] = []
            var k = i - 1
            while k >= 0, title.count < 3, lines[k].page == lines[i].page, !lines[k].text.prefix(12).contains("Gmail"), !matches(rule, lines[k].text),
                  !lines[k].text.hasSuffix(">")
            {
                title.insert(lines[k].text, at: 0)
                if lines[k].gapBefore { break }
                k -= 1
            }
            if !title.isEmpty { threadSubjects[i] = title.joined(separator: " ") }
        }
        let blocks = HeaderBlock.find(in: lines, threadSubjects: threadSubjects)
        let owners = mailboxOwners(blocks, lines)
        // The lines over the release's first header: its title, as it may recur.
        let titles = Set((blocks.first.map { lines[0..<$0.start] } ?? []).map { titleKey($0.text) }.filter { $0.contains(" ") })

        // Which blocks are known, without their neighbours, to open an email or to be a
        // copy; and which stand at a page's top.
        var kinds: [Bool?] = [], pageTops: [Bool] = [], afterPageEndingRule: [Bool] = []
        for (index, block) in blocks.enumerated() {
            let preamble = preambleStart(of: block, lines, owners: owners, titles: titles, floor: index > 0 ? blocks[index - 1].end : 0)
            pageTops.append(startsPage(preamble, lines))
            afterPageEndingRule.append(ruleEndsPage(before: block, preamble: preamble, lines))
            kinds.append(kindIsKnown(block, isFirst: index == 0, lines, owners: owners, firstBlock: blocks[0]))
        }
        // A rule that ends the page before a header which opens an email beyond doubt (known
        // so, or one the block above could not quote) is how this release parts its emails:
        // then such a rule is no sign of a quote running on over the page break.
        let rulesPartEmails = blocks.indices.contains { index in
            index > 0 && pageTops[index] && afterPageEndingRule[index]
                && (kinds[index] == true || !couldBeQuoted(blocks[index], under: [blocks[index - 1]]))
        }
        // How this release prints its own headers, and how the quoted copies in it look,
        // learnt from the blocks whose kind is not in doubt: the first block, those under
        // an Outlook print's owner line, Gmail and tracker messages; copies after a marker,
        // quoted with ">", or indented; and blocks under a rule that could be quoted in
        // the email above. (A rule may part two emails too: it shows a format, but does
        // not make a block a copy.)
        var printFormats = Set<HeaderFormat>(), quoteFormats = Set<HeaderFormat>(), underRuleFormats = Set<HeaderFormat>()
        for (index, block) in blocks.enumerated() {
            let underRuleInside = index > 0 && underRule(block, lines) && !isOwned(block, lines, owners: owners)
                && couldBeQuoted(block, under: [blocks[index - 1]])
            if underRuleInside {
                underRuleFormats.insert(format(of: block, lines))
            } else if let known = kinds[index] {
                if known { printFormats.insert(format(of: block, lines)) } else { quoteFormats.insert(format(of: block, lines)) }
            }
        }
        // In a text release, where copies are printed unlike the emails, a block under a
        // rule printed as the emails are is one of them: there the rule parts emails as well
        // as introducing copies. (A PDF draws the rules between emails; one in its text
        // layer is the mail's own, Outlook's line over a quoted header.)
        let textRelease = lines.first?.line != nil
        let copiesLookOtherwise = textRelease && quoteFormats.union(underRuleFormats).contains { copy in
            !printFormats.isEmpty && !printFormats.contains { $0.couldBe(copy) }
        }
        quoteFormats.formUnion(copiesLookOtherwise ? underRuleFormats.subtracting(printFormats) : underRuleFormats)
        // Whether the release prints its emails newest first, judged by the emails whose
        // kind is not in doubt, page tops included: then an older email with the same
        // subject below another is no sign of a quoted copy.
        let known = blocks.indices.compactMap { kinds[$0] ?? pageTops[$0] ? blocks[$0].dateKey : nil }
        // (Only a release that shows how its quoted copies look tells its emails by format.)
        let formats = ReleaseFormats(print: quoteFormats.isEmpty ? [] : printFormats.subtracting(quoteFormats),
                                     quote: quoteFormats.subtracting(printFormats), emails: printFormats)
        let steps = zip(known, known.dropFirst())
        let newestFirst = steps.filter { $0 > $1 }.count > steps.filter { $0 < $1 }.count
        let (originals, copied, onlyQuoted) = copies(blocks, kinds: kinds, pageTops: pageTops, newestFirst: newestFirst)
        let conversationOrder = newestFirstByConversation(blocks, known: blocks.indices.filter { kinds[$0] ?? pageTops[$0] },
                                                          originals: originals, emails: copied)
        // Whether the release starts each email on a page of its own, as far as its emails
        // of known kind show (three at least, none in the middle of a page) and no header in
        // the middle of a page was sent after the one the page began with (which cannot quote
        // it): then a header in the middle of a page is inside the email the page began.
        let knownEmails = blocks.indices.filter { kinds[$0] == true || copied.contains($0) }
        var pageTop: HeaderBlock?, emailMidPage = false
        for (index, block) in blocks.enumerated() {
            if pageTops[index] {
                pageTop = block
            } else if let date = block.date, let topDate = pageTop?.date, topDate.isBefore(date) {
                emailMidPage = true
            }
        }
        let emailsStartPages = knownEmails.count >= 3 && knownEmails.allSatisfy { pageTops[$0] } && !emailMidPage

        var opened: [(block: HeaderBlock, preamble: Int)] = []
        var openedBlocks: [HeaderBlock] = []
        var quotedBlocks: [HeaderBlock] = []
        var decisions: [SplitDecision] = []
        // The email open and the copies under it so far.
        var chainStart = 0
        for (index, block) in blocks.enumerated() {
            let preamble = preambleStart(of: block, lines, owners: owners, titles: titles, floor: opened.last?.block.end ?? 0)
            let reason = decide(block, preamble: preamble, lines, opened: openedBlocks, chain: blocks[chainStart..<index], owners: owners,
                                formats: formats, newestFirst: conversationOrder[normalizedSubject(block.header.subject)] ?? newestFirst,
                                rulesPartEmails: rulesPartEmails, original: originals[index].map { blocks[$0] },
                                originalIsEmail: originals[index].map(copied.contains) ?? false,
                                copied: copied.contains(index), onlyQuoted: onlyQuoted.contains(index), emailsStartPages: emailsStartPages)
            decisions.append(SplitDecision(page: lines[block.start].page, line: lines[block.start].line,
                                           text: lines[block.start].text, startsEmail: reason.opens, reason: reason.why))
            if reason.opens {
                chainStart = index
                opened.append((block, preamble))
                openedBlocks.append(block)
            } else {
                quotedBlocks.append(block)
            }
        }
        let quotedStarts = quotedBlocks.map(\.start)
        // Messages printed as one thread: a Gmail print (its subject and "N messages"
        // over the first) or a request tracker's (a title over each thread: what was
        // asked, who filed it, its tracking number). The messages under a title, whatever
        // their subjects, are that print's, up to the next title. (The same thread printed
        // twice is two prints, which their messages' own keys join if they are the same.)
        var printedThreads: [String?] = []
        for (index, item) in opened.enumerated() {
            let style = item.block.style
            guard style == .gmail || style == .tracker else {
                printedThreads.append(nil)
                continue
            }
            let start = messageStart(of: item.block, lines, owners: owners, floor: item.preamble)
            let subject = item.block.header.fields[.subject]
            // (Where OCR lost a Gmail print's title, a new subject starts another print.)
            if item.preamble == start, index > 0, opened[index - 1].block.style == style,
               style == .tracker || opened[index - 1].block.header.fields[.subject] == subject
            {
                printedThreads.append(printedThreads[index - 1])
                continue
            }
            let top = lines[item.preamble]
            let place = top.line.map { "line \($0)" } ?? "p. \(top.page)"
            let title = style == .gmail ? subject ?? "" : lines[item.preamble..<start].map(\.text).filter { !matches(rule, $0) }.joined(separator: " ")
            printedThreads.append("\(title) (\(place))")
        }

        let emails = opened.enumerated().map { index, item -> PrintedEmail in
            var bodyEnd = index + 1 < opened.count ? opened[index + 1].preamble : lines.count
            // A rule after an email's text separates it from the next; it is not its text.
            while bodyEnd > item.block.end, matches(rule, lines[bodyEnd - 1].text) { bodyEnd -= 1 }
            let bodyLines = item.block.end < bodyEnd ? lines[item.block.end..<bodyEnd] : []
            var last = bodyLines.last ?? lines[item.block.end - 1]
            // OCR specks over the next email's header at the top of its page (a banner read
            // as "ait") are no page of this email: its text ended on the page before.
            if index + 1 < opened.count, lines[opened[index + 1].preamble].page == last.page,
               let before = bodyLines.last(where: { $0.page < last.page }),
               bodyLines.filter({ $0.page == last.page }).allSatisfy({ isSpeck($0.text) })
            {
                last = before
            }
            let first = lines[item.preamble]
            // In a text file an email's lines start at its header, or the owner's name
            // over it; a thread's title belongs to the thread.
            let firstLine = lines[messageStart(of: item.block, lines, owners: owners, floor: item.preamble)].line
            func text(_ part: ArraySlice<PageLine>) -> String {
                part.enumerated().map { offset, line in (offset > 0 && line.gapBefore ? "\n" : "") + line.text }.joined(separator: "\n")
            }
            // Its own text ends where its first quoted copy begins, or the marker over it.
            var ownEnd = quotedStarts.first { $0 >= item.block.end && $0 < bodyEnd } ?? bodyEnd
            if ownEnd < bodyEnd, ownEnd > item.block.end, markerBefore(ownEnd, lines, floor: item.block.end) != nil
                || matches(rule, lines[ownEnd - 1].text)
            {
                ownEnd -= 1
            }
            return PrintedEmail(header: item.block.header, body: text(bodyLines), firstPage: first.page, lastPage: last.page,
                                lines: firstLine.flatMap { a in last.line.map { a...$0 } },
                                ownText: text(item.block.end < ownEnd ? lines[item.block.end..<ownEnd] : []),
                                quoted: quotedBlocks.filter { $0.start >= item.block.end && $0.start < bodyEnd }.map(\.header),
                                printedThread: printedThreads[index])
        }
        return (emails, decisions)
    }

    /// A line OCR made of a smudge or a fragment: a few characters, no more than three
    /// letters, no digit, and no redaction (a black box is the text of what it hides).
    static func isSpeck(_ text: String) -> Bool {
        let visible = text.filter { !$0.isWhitespace }
        return visible.count <= 5 && visible.filter(\.isLetter).count <= 3 && !visible.contains { $0.isNumber || $0 == "█" }
    }

    /// Whether a block opens an email, and the evidence that decided it.
    /// Whether a block is known, without its neighbours, to open an email (true) or to
    /// be a quoted copy (false); nil when it is not.
    static func kindIsKnown(_ block: HeaderBlock, isFirst: Bool, _ lines: [PageLine], owners: MailboxOwners, firstBlock: HeaderBlock) -> Bool? {
        let first = lines[block.start]
        if first.text.hasPrefix(">") || insideQuote(block, lines) || markerBefore(block.start, lines, floor: 0) != nil { return false }
        // Indented beyond the release's first header (which is an email's).
        if indent(of: block, lines) >= indent(of: firstBlock, lines) + 4 { return false }
        if isFirst || block.style == .gmail || block.style == .tracker { return true }
        if !owners.isEmpty, block.style == .labelled {
            if isOwned(block, lines, owners: owners) { return true }
            // (A name set apart over it may be another mailbox's owner: left to its format.)
            return mayBeUnderAnotherOwner(block, lines) ? nil : false
        }
        return nil
    }

    /// Whether the lines right over and under a block are quoted with ">": a header a
    /// mailer left unmarked inside the quote it belongs to.
    static func insideQuote(_ block: HeaderBlock, _ lines: [PageLine]) -> Bool {
        block.start > 0 && block.end < lines.count && lines[block.start - 1].text.hasPrefix(">") && lines[block.end].text.hasPrefix(">")
    }

    /// Where a block's left edge is: its least indented line (labels may be right-aligned);
    /// in a labelled header, its least indented label line. (Not a wrapped value's line: OCR
    /// may join one to the first line of the text beside it, at the page's margin.)
    static func indent(of block: HeaderBlock, _ lines: [PageLine]) -> Int {
        let all = lines[block.start..<block.end]
        let labelled = block.style == .labelled ? all.filter { PrintedHeader.label(of: $0.text) != nil } : []
        return (labelled.isEmpty ? all : labelled[...]).map(\.indent).min() ?? 0
    }

    /// How a block is printed: its labels in order, whether its values stand in a column
    /// of their own, and its print style. A release prints its emails' headers one way;
    /// the headers quoted inside them come as each sender's mail program wrote them.
    struct HeaderFormat: Hashable, CustomStringConvertible {
        var style: HeaderBlock.Style
        var labels: [PrintedHeader.Label]
        var aligned: Bool
        var flushRight: Bool
        var labelsBesideSender: Bool

        var description: String {
            "\(style.rawValue): \(labels.map(\.rawValue).joined(separator: ","))\(aligned ? " (aligned)" : "")\(flushRight ? " (labels flush right)" : "")"
                + (labelsBesideSender ? " (labels beside the sender)" : "")
        }

        /// Whether two blocks could be printed by one program, allowing for a label OCR
        /// lost: the labels of one in the other's order.
        func couldBe(_ other: HeaderFormat) -> Bool {
            func within(_ a: [PrintedHeader.Label], _ b: [PrintedHeader.Label]) -> Bool {
                var rest = b[...]
                return a.allSatisfy { label in
                    guard let found = rest.firstIndex(of: label) else { return false }
                    rest = rest[(found + 1)...]
                    return true
                }
            }
            return style == other.style && (within(labels, other.labels) || within(other.labels, labels))
        }
    }

    /// What a release's header formats tell: those only its emails use, those only its
    /// quoted copies use (each empty unless both kinds are known), and every format of
    /// the blocks known to be emails.
    struct ReleaseFormats {
        var print: Set<HeaderFormat>
        var quote: Set<HeaderFormat>
        var emails: Set<HeaderFormat>
    }

    static func format(of block: HeaderBlock, _ lines: [PageLine]) -> HeaderFormat {
        // A Notes memo with its label column beside the sender: how many of its labels OCR
        // sets on lines of their own depends on how far its recipients wrap, not on the
        // program that printed it. Such a memo is told only from one with labels below.
        let besideSender = block.style == .lotus && HeaderBlock.memoColumns(lines[block.start].text).dropFirst().contains { column in
            let word = column.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":;,.\"'’")) }
            return ["to", "cc", "bcc", "subject"].contains(word ?? "")
        }
        if besideSender {
            return HeaderFormat(style: block.style, labels: [], aligned: false, flushRight: false, labelsBesideSender: true)
        }
        var labels: [PrintedHeader.Label] = []
        var alignedLines = 0
        var labelStarts = Set<Int>(), labelEnds: [Int] = []
        // (A label OCR could not read, beside the recipients the block took as its To, is
        // the To label: "Kot  chloe.zhang@…" prints the format "To  chloe.zhang@…" does.)
        let unreadTo = block.header.fields[.to].flatMap { $0.isEmpty ? nil : $0 }
        for line in lines[block.start..<block.end] {
            // The labels every header has, not those only some emails need (Cc, Attachments).
            let read = PrintedHeader.label(of: line.text)?.0 ?? unreadTo.flatMap { line.text.hasSuffix("  " + $0) ? PrintedHeader.Label.to : nil }
            guard let label = read, [.from, .sent, .date, .to, .subject].contains(label) else { continue }
            labels.append(label)
            if let colon = line.text.firstIndex(of: ":") {
                labelStarts.insert(line.indent)
                labelEnds.append(line.indent + line.text.distance(from: line.text.startIndex, to: colon))
            }
            if let colon = line.text.firstIndex(of: ":"), line.text[line.text.index(after: colon)...].hasPrefix("  ") {
                alignedLines += 1
            } else if line.text.range(of: "  ").map({ !line.text[..<$0.lowerBound].contains(":") }) ?? false {
                alignedLines += 1
            }
        }
        // Values in a column of their own on most lines (OCR may widen one space).
        let aligned = alignedLines * 2 > labels.count
        // Labels set flush right against their values (Apple Mail's header), where a
        // quoted copy's labels stand flush left: their ends line up better than their
        // starts (OCR places each line a character or two off).
        let startSpread = (labelStarts.max() ?? 0) - (labelStarts.min() ?? 0), endSpread = (labelEnds.max() ?? 0) - (labelEnds.min() ?? 0)
        let flushRight = startSpread >= 3 && endSpread + 2 <= startSpread
        return HeaderFormat(style: block.style, labels: labels, aligned: aligned, flushRight: flushRight, labelsBesideSender: false)
    }

    /// A block printed twice or more (the same sender and minute) is one message: the
    /// email, and quoted copies of it in the emails that answer or forward it. For each
    /// block that is a copy, the index of the block it copies; `emails`, the blocks known
    /// by their copies to be emails. The email is the one known to open an email; else,
    /// of those not right under a newer header of the same conversation (a copy is quoted
    /// by a later message, printed above it, whichever order the release runs in), the
    /// only one, or the only
    /// one starting a page, or the first printed (the last, in a release printed newest
    /// first, where the answers come before what they quote). When every one stands
    /// under a newer header, the email was not released: all are copies of the first,
    /// which is in `onlyQuoted`.
    static func copies(_ blocks: [HeaderBlock], kinds: [Bool?], pageTops: [Bool], newestFirst: Bool)
        -> (originals: [Int: Int], emails: Set<Int>, onlyQuoted: Set<Int>)
    {
        var byMinute: [Substring: [[Int]]] = [:]
        for (index, block) in blocks.enumerated() {
            guard let minute = block.dateKey?.prefix(13) else { continue }
            var groups = byMinute[minute] ?? []
            if let g = groups.firstIndex(where: { sameMessage(blocks[$0[0]], block) }) { groups[g].append(index) } else { groups.append([index]) }
            byMinute[minute] = groups
        }
        var originals: [Int: Int] = [:], emails = Set<Int>(), onlyQuoted = Set<Int>()
        for members in byMinute.values.joined() where members.count > 1 {
            let candidates = members.filter { kinds[$0] != false }
            let knownEmails = candidates.filter { kinds[$0] == true }
            let notUnderNewer = candidates.filter { i in
                guard i > 0, var above = blocks[i - 1].dateKey, var own = blocks[i].dateKey else { return true }
                // (As instants when both state their offset: a reply sent from another zone
                // may print a later clock than the message under it.)
                if let a = blocks[i - 1].date?.utcMinute, let b = blocks[i].date?.utcMinute { (above, own) = (a, b) }
                // (Under a newer message of another conversation: the email printed after it,
                // in a release printed newest first, does not quote it.)
                let subject = normalizedSubject(blocks[i].header.subject), aboveSubject = normalizedSubject(blocks[i - 1].header.subject)
                // (A long subject wraps, and one print may keep less of it than another.)
                let sameConversation = subject.isEmpty || aboveSubject.isEmpty || subject.hasPrefix(aboveSubject) || aboveSubject.hasPrefix(subject)
                return above.prefix(13) <= own.prefix(13) || !sameConversation
            }
            let atPageTop = notUnderNewer.filter { pageTops[$0] }
            let email: Int?
            if !knownEmails.isEmpty {
                email = knownEmails.count == 1 ? knownEmails[0] : nil
            } else if notUnderNewer.count == 1 {
                email = notUnderNewer[0]
            } else if atPageTop.count == 1 {
                email = atPageTop[0]
            } else {
                email = newestFirst ? notUnderNewer.last : notUnderNewer.first
            }
            if let email { emails.insert(email) }
            if email == nil, knownEmails.isEmpty, notUnderNewer.isEmpty, candidates.count > 1 { onlyQuoted.insert(members[0]) }
            guard let reference = email ?? (knownEmails.isEmpty ? members.first : nil) else { continue }
            for member in members where member != reference { originals[member] = reference }
        }
        return (originals, emails, onlyQuoted)
    }

    /// Whether each conversation (by normalised subject) is printed newest first, where the
    /// release shows it: by its emails of known kind, in the order of their dates; by an
    /// email printed after the copies of it that replies quote (a release printed oldest
    /// first prints it before them). A release may print its threads in date order and
    /// the messages of each newest first.
    static func newestFirstByConversation(_ blocks: [HeaderBlock], known: [Int], originals: [Int: Int], emails: Set<Int>) -> [String: Bool] {
        var votes: [String: Int] = [:]
        var lastKnown: [String: Int] = [:]
        for index in known {
            let subject = normalizedSubject(blocks[index].header.subject)
            guard !subject.isEmpty, let date = blocks[index].dateKey else { continue }
            if let previous = lastKnown[subject], let before = blocks[previous].dateKey, before != date {
                votes[subject, default: 0] += before > date ? 1 : -1
            }
            lastKnown[subject] = index
        }
        for (email, members) in Dictionary(grouping: originals.keys, by: { originals[$0]! }) where emails.contains(email) {
            let subject = normalizedSubject(blocks[email].header.subject)
            guard !subject.isEmpty else { continue }
            if members.allSatisfy({ $0 < email }) { votes[subject, default: 0] += 1 }
            if members.allSatisfy({ $0 > email }) { votes[subject, default: 0] -= 1 }
        }
        return votes.compactMapValues { $0 == 0 ? nil : $0 > 0 }
    }

    static func decide(_ block: HeaderBlock, preamble: Int, _ lines: [PageLine], opened: [HeaderBlock], chain: ArraySlice<HeaderBlock>,
                       owners: MailboxOwners, formats: ReleaseFormats, newestFirst: Bool, rulesPartEmails: Bool,
                       original: HeaderBlock?, originalIsEmail: Bool, copied: Bool, onlyQuoted: Bool, emailsStartPages: Bool)
        -> (opens: Bool, why: String)
    {
        let first = lines[block.start]
        if first.text.hasPrefix(">") { return (false, "its lines start with '>': a quoted copy") }
        if insideQuote(block, lines) { return (false, "between lines that start with '>': inside their quote") }
        if let marker = markerBefore(block.start, lines, floor: opened.last?.end ?? 0) {
            return (false, "follows '\(marker)': a quoted or forwarded copy")
        }
        guard let current = opened.last else { return (true, "the first header block (\(block.style.rawValue))") }
        if block.style == .gmail { return (true, "a Gmail print's sender line opens each message of the thread") }
        if block.style == .tracker { return (true, "a request tracker prints each message under its own From line") }
        let printed = format(of: block, lines)
        if !owners.isEmpty, block.style == .labelled {
            if isOwned(block, lines, owners: owners) { return (true, "printed under the mailbox owner's name, as every email of this print") }
            // A print may join several mailboxes: a name set apart over a header printed
            // as this release's emails are is another mailbox's owner.
            if mayBeUnderAnotherOwner(block, lines) {
                if formats.print.contains(printed) {
                    return (true, "printed as this release prints its emails' headers (\(printed)), under a name set apart as an owner's")
                }
                if startsPage(preamble, lines) {
                    return (true, "starts page \(first.page) under a name set apart as an owner's")
                }
                // A signature names the sender of the message above, whole or in part ("Karen");
                // another name is an owner's.
                if let above = ownerLineIndex(block, lines), let sender = chain.last?.header.from,
                   !couldBeSignature(lines[above].text, of: sender)
                {
                    return (true, "under a name set apart that is not the signature of the message above: another mailbox owner's")
                }
            }
            // (Nor can a message quote one sent after it: a name over it that looked like the
            // signature of the email above was another owner's.)
            if let date = block.date, let currentDate = current.date, currentDate.isBefore(date) {
                return (true, "dated \(date), after the email above (\(currentDate)), which cannot quote it")
            }
            return (false, "no mailbox owner's name above it, unlike every email of this print: a quoted copy")
        }
        // (At a page's top, a format that is an email's with a label OCR lost, or its labels'
        // alignment, which OCR may blur, proves nothing. A text release shows alignment as
        // printed: there only a label fewer is the email's format.)
        let textRelease = lines.first?.line != nil
        let emailsLessALabel = startsPage(preamble, lines) && formats.emails.contains { email in
            (textRelease ? email.labels.count > printed.labels.count : email != printed) && email.couldBe(printed)
        }
        if formats.quote.contains(printed), !emailsLessALabel {
            return (false, "printed as the quoted copies in this release are (\(printed)), unlike its emails: a quoted copy")
        }
        // (A page's top proves nothing of a header printed unlike every email this release
        // is known to print, with labels in another order, that could be quoted here.)
        let printedOtherwise = !formats.emails.contains { $0.couldBe(printed) }
        let quoteIndent = indent(of: current, lines) + 4
        // (A quote runs on over a page break: a header at the next page's top indented as
        // the quote that ends the page before, or under the rule that ends it, is inside it.)
        let quoteRunsOn = indent(of: block, lines) >= quoteIndent && preamble > 0 && lines[preamble - 1].indent >= quoteIndent
        let ruleEndsPageBefore = !rulesPartEmails && ruleEndsPage(before: block, preamble: preamble, lines)
        // (Nor does a page's top make an email of a copy of one printed elsewhere, older
        // than the email above: a quote of it, the page break inside the quote.)
        let olderCopy = original != nil && (block.date.flatMap { date in current.date.map { date.isBefore($0) } } ?? false)
        if startsPage(preamble, lines), !quoteRunsOn, !olderCopy, !(ruleEndsPageBefore && couldBeQuoted(block, under: chain)),
           !printedOtherwise || !couldBeQuoted(block, under: chain)
        {
            return (true, "starts page \(first.page) with its own header")
        }
        // (A release may print copies as it prints its emails: the same message printed
        // elsewhere as the email, or under newer messages only, makes this print a copy,
        // whatever its format.)
        if let date = block.date, let original {
            let place = lines[original.start].line.map { "line \($0)" } ?? "page \(lines[original.start].page)"
            return (false, originalIsEmail ? "same sender and date (\(date)) as the email at \(place): a quoted copy"
                : "same sender and date (\(date)) as the print at \(place), and every print of it stands under a newer message: a quoted copy")
        }
        if formats.print.contains(printed) {
            return (true, "printed as this release prints its emails' headers (\(printed)), unlike its quoted copies")
        }
        if indent(of: block, lines) >= quoteIndent {
            return (false, quoteRunsOn ? "indented as the quote that ends the page before: a quoted copy" : "indented under the email above: a quoted copy")
        }
        let date = block.date, currentDate = current.date
        if onlyQuoted {
            return (false, "printed again only under newer messages of its conversation, as this one is: a quoted copy of a message not released as an email")
        }
        if let attribution = attribution(of: block, in: lines[current.end..<max(current.end, preamble)]) {
            return (true, "the email above already quotes this message ('\(attribution)'): a print of its own")
        }
        if copied {
            return (true, "the same message is quoted elsewhere in this release; this print is the email, as it does not sit right under a newer message as its quoted copies do")
        }
        if let date, let currentDate, currentDate.isBefore(date) {
            return (true, "dated \(date), after the email above (\(currentDate)), which cannot quote it")
        }
        if emailsStartPages, !startsPage(preamble, lines), let date, let currentDate, date.isBefore(currentDate) {
            return (false, "in the middle of page \(first.page), older than the email above, in a release that starts every email it is known to print on a page of its own: a quoted copy")
        }
        let subject = normalizedSubject(block.header.subject), currentSubject = normalizedSubject(current.header.subject)
        if !subject.isEmpty, subject == currentSubject, !newestFirst {
            if prefixCount(current.header.subject) > prefixCount(block.header.subject) {
                return (false, "the email above replies to or forwards this subject: a quoted copy")
            }
            if let date, let currentDate, date.isBefore(currentDate) {
                return (false, "the same subject, dated before the email above: a quoted copy")
            }
        }
        if underRule(block, lines) || (startsPage(preamble, lines) && ruleEndsPageBefore), couldBeQuoted(block, under: chain) {
            return (false, "under a rule inside the email above, with nothing saying it is an email of its own: a quoted copy")
        }
        if printedOtherwise, couldBeQuoted(block, under: chain) {
            return (false, "printed unlike every email this release is known to print (\(printed)), and could be quoted in the email above: a quoted copy")
        }
        return (true, "a header block of its own, with nothing marking it as quoted")
    }

    /// The line in `text` that introduces a quote of the block's message ("On May 7, 2022,
    /// at 2:25 PM, Aisha Nguyen <…> wrote:"): its sender and its minute. An email quotes a
    /// message once, so a header block of that message after it is printed on its own.
    static func attribution(of block: HeaderBlock, in text: ArraySlice<PageLine>) -> String? {
        guard let time = block.date?.time, let sender = block.header.from else { return nil }
        let minute = time.minute.zeroPadded(2)
        let clocks = ["\(time.hour):\(minute)", "\(time.hour % 12 == 0 ? 12 : time.hour % 12):\(minute)"]
        let names = [sender.address, sender.name].compactMap { $0?.lowercased() }.filter { $0.count >= 3 }
        var previous = ""
        for line in text {
            // (A long attribution wraps before "wrote:".)
            let joined = (line.text.hasPrefix("On ") ? "" : previous + " ") + line.text
            previous = line.text
            guard joined.hasSuffix("wrote:") else { continue }
            let lowered = joined.lowercased()
            let hasClock = clocks.contains { clock in
                lowered.ranges(of: clock).contains { $0.lowerBound == lowered.startIndex || !lowered[lowered.index(before: $0.lowerBound)].isNumber }
            }
            if hasClock, names.contains(where: lowered.contains) { return joined.count > 60 ? String(joined.prefix(57)) + "…" : joined }
        }
        return nil
    }

    /// Whether a block may be a copy quoted in an email: one quotes a message of the same
    /// thread that one wrote or received, so its subject is the thread's (a letter OCR
    /// misread or a cut aside), and its sender or a recipient wrote the email or a copy
    /// under it so far.
    static func couldBeQuoted(_ block: HeaderBlock, under chain: some Collection<HeaderBlock>) -> Bool {
        let subject = normalizedSubject(block.header.subject)
        guard subject.isEmpty || chain.contains(where: { sameThread(normalizedSubject($0.header.subject), subject) }) else { return false }
        let senders = chain.compactMap(\.header.from)
        let recipients = block.header.to + block.header.cc
        guard let sender = block.header.from, !recipients.isEmpty, !senders.isEmpty else {
            return subject.isEmpty || chain.contains { normalizedSubject($0.header.subject) == subject }
        }
        return ([sender] + recipients).contains { person in senders.contains { samePerson($0, person) } }
    }

    /// Whether two normalised subjects name one thread; an unknown subject may.
    static func sameThread(_ a: String, _ b: String) -> Bool {
        a.isEmpty || b.isEmpty || a.hasPrefix(b) || b.hasPrefix(a) || PrintedHeader.editDistance(a, b) <= 3
    }

    /// Whether a name line could sign a message from `sender`: the sender's name, or a word
    /// of it or of the address ("Karen", "Lt. Kaplan" for Karen O'Neill, David Kaplan).
    static func couldBeSignature(_ line: String, of sender: Correspondent) -> Bool {
        if samePerson(sender, Correspondent(name: AddressList.displayName(line), address: nil)) { return true }
        let own = Set((sender.name ?? "").split(separator: " ").map { PageFurniture.key(String($0)) })
        let local = sender.address?.split(separator: "@").first.map { String($0).lowercased() } ?? ""
        return line.split(separator: " ").map { PageFurniture.key(String($0)) }.contains { word in
            word.count >= 3 && (own.contains(word) || local.contains(word))
        }
    }

    /// The same person, allowing for a letter or two that OCR misread.
    static func samePerson(_ a: Correspondent, _ b: Correspondent) -> Bool {
        if let x = a.address, let y = b.address, PrintedHeader.editDistance(x, y) <= 1 { return true }
        let (x, y) = (PageFurniture.key(a.name ?? ""), PageFurniture.key(b.name ?? ""))
        return !x.isEmpty && !y.isEmpty && PrintedHeader.editDistance(x, y) <= 2
    }

    /// Whether a rule stands right over a block on its page. (A rule at a page's foot
    /// ends the page; the block at the next page's top is not under it.)
    static func underRule(_ block: HeaderBlock, _ lines: [PageLine]) -> Bool {
        block.start > 0 && lines[block.start - 1].page == lines[block.start].page && matches(rule, lines[block.start - 1].text)
    }

    /// The marker line (Original Message, On … wrote:, a rule) within the two lines
    /// before a block, inside the email above; quoted lines ("> …") end the search,
    /// since a marker above them introduced them, not the block.
    static func markerBefore(_ start: Int, _ lines: [PageLine], floor: Int) -> String? {
        var i = start - 1
        while i >= max(floor, start - 2), !lines[i].text.hasPrefix(">") {
            let text = lines[i].text
            if quoteMarkers.contains(where: { matches($0, text) }) { return text.count > 60 ? String(text.prefix(57)) + "…" : text }
            i -= 1
        }
        // OCR may set a marker's words apart from its dashes, on lines of their own
        // ("Forwarded" / "----------  ---------" / "message"): read together, short lines.
        let near = lines[max(floor, start - 3)..<start]
        if near.count >= 2, near.allSatisfy({ $0.text.count <= 40 && !$0.text.hasPrefix(">") }) {
            let letters = String(near.map(\.text).joined().lowercased().filter { $0.isLetter })
            if letters.count <= 22, letters.hasPrefix("forwarded") || letters.hasPrefix("original"), letters.hasSuffix("message") {
                return near.map(\.text).joined(separator: " ")
            }
        }
        return nil
    }

    /// The same sender in the same minute (seconds are printed by some clients and not
    /// by others); the caller has compared the minutes. A print whose sender OCR could not
    /// read at all is the same message when its subject is.
    static func sameMessage(_ a: HeaderBlock, _ b: HeaderBlock) -> Bool {
        let unread = [a, b].filter { $0.senderAddress == nil && $0.senderName.isEmpty }
        if unread.count == 1 {
            let subject = normalizedSubject(a.header.subject)
            return !subject.isEmpty && subject == normalizedSubject(b.header.subject)
        }
        // (OCR may misread a letter of a name: "Elena K. Wrght".)
        let sameName = a.senderName == b.senderName
            || (min(a.senderName.count, b.senderName.count) >= 8 && PrintedHeader.editDistance(a.senderName, b.senderName) <= 1)
        // (Or of one print's address: "clearview.al"; a letter of each, where the names agree:
        // "ewrght@clearview.ai" and "ewright@clearview.al".)
        if let x = a.senderAddress, let y = b.senderAddress {
            let distance = PrintedHeader.editDistance(x, y)
            return distance <= 1 || (distance <= 2 && !a.senderName.isEmpty && sameName)
        }
        return sameName
    }

    static func normalizedSubject(_ subject: String?) -> String {
        guard let subject else { return "" }
        return PageFurniture.key(withoutReplyPrefixes(subject))
    }

    /// A subject without its "RE:", "FW:", "AW:" … prefixes: the topic a thread shares.
    public static func withoutReplyPrefixes(_ subject: String) -> String {
        subjectPrefixes.stringByReplacingMatches(in: subject, range: NSRange(subject.startIndex..., in: subject), withTemplate: "")
    }

    /// A subject's "RE:"/"FW:" prefixes in order, each as "re" (RE, AW) or "fw" (FW, Fwd,
    /// WG, TR): the chain of replies and forwards it went through.
    public static func replyPrefixes(_ subject: String) -> [String] {
        guard let m = subjectPrefixes.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)),
              let range = Range(m.range, in: subject)
        else { return [] }
        return subject[range].split(separator: ":").map { $0.lowercased().filter(\.isLetter) }.filter { !$0.isEmpty }
            .map { ["re", "aw"].contains($0) ? "re" : "fw" }
    }

    static func prefixCount(_ subject: String?) -> Int {
        guard let subject, let m = subjectPrefixes.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)),
              let range = Range(m.range, in: subject)
        else { return 0 }
        return subject[range].filter { $0 == ":" }.count
    }

    /// The mailbox owners' names an Outlook print puts over every email: short lines
    /// without a colon over the release's first header (no signature can stand there),
    /// or over a header at the top of two pages or more, and over two headers in all.
    /// (A release may join the prints of several mailboxes; a signature that runs onto
    /// the next page tops one.)
    /// The names of the mailbox owners an Outlook print puts over each email, and the lines
    /// that read as one of them but sign the message above: where the print sets its owner's
    /// name right on the header, a name set apart from the header under it, that could be
    /// the signature of the message above (the owner signs the replies in their mailbox).
    struct MailboxOwners {
        var names: Set<String> = []
        /// Indices of the name lines that are signatures.
        var signatures: Set<Int> = []
        var isEmpty: Bool { names.isEmpty }
    }

    static func mailboxOwners(_ blocks: [HeaderBlock], _ lines: [PageLine]) -> MailboxOwners {
        guard let first = blocks.first, first.style == .labelled, let firstAbove = ownerLineIndex(first, lines) else { return MailboxOwners() }
        var over: [String: Int] = [:]
        var atPageTop: [String: Int] = [:]
        for block in blocks where block.style == .labelled {
            guard let above = ownerLineIndex(block, lines) else { continue }
            let line = lines[above].text
            let key = PageFurniture.key(line)
            guard couldBeOwnerName(line, over: block) else { continue }
            over[key, default: 0] += 1
            if startsPage(above, lines) { atPageTop[key, default: 0] += 1 }
        }
        // The first header's owner; another mailbox's owner tops two pages at least (a
        // signature that runs onto a page tops one).
        let firstOwner = PageFurniture.key(lines[firstAbove].text)
        var owners = MailboxOwners()
        owners.names = Set(over.filter { key, count in
            !key.isEmpty && count >= 2 && (key == firstOwner || (atPageTop[key] ?? 0) >= 2)
        }.keys)
        guard !owners.isEmpty, !lines[firstAbove + 1].gapBefore else { return owners }
        for (previous, block) in zip(blocks, blocks.dropFirst()) {
            guard let above = ownerLineIndex(block, lines), !startsPage(above, lines), lines[above + 1].gapBefore,
                  let sender = previous.header.from, couldBeSignature(lines[above].text, of: sender)
            else { continue }
            owners.signatures.insert(above)
        }
        return owners
    }

    /// Whether a name line set apart from the text above stands over the block.
    /// (At a page's top it is set apart unless the page before ends in a closing such as
    /// "Best,": then it is a signature that ran onto the page.)
    static func mayBeUnderAnotherOwner(_ block: HeaderBlock, _ lines: [PageLine]) -> Bool {
        guard let above = ownerLineIndex(block, lines) else { return false }
        let apart = startsPage(above, lines) ? !underClosing(above, lines) : lines[above].gapBefore
        return apart && couldBeOwnerName(lines[above].text, over: block)
    }

    /// Whether a line follows a closing such as "Best regards," with no gap, or at a page's
    /// top, the closing at the foot of the page before: a name there is a signature.
    static func underClosing(_ i: Int, _ lines: [PageLine]) -> Bool {
        i > 0 && (!lines[i].gapBefore || startsPage(i, lines)) && lines[i - 1].text.hasSuffix(",")
    }

    /// Whether a line is the first of its page, a stamp OCR could not read set in the
    /// margin far right over it aside ("FOIL COO) Cab ALI1& Reledsed 16 23 2622").
    static func startsPage(_ i: Int, _ lines: [PageLine]) -> Bool {
        guard i > 0, lines[i - 1].page == lines[i].page else { return true }
        guard lines[i].indent < stampIndent, lines[i - 1].indent >= stampIndent else { return false }
        return i == 1 || lines[i - 2].page != lines[i].page
    }

    /// How far right (in characters) a line stands that is a stamp in the margin, not text.
    static let stampIndent = 30

    /// Whether a rule is the last line of the page before a block at a page's top.
    static func ruleEndsPage(before block: HeaderBlock, preamble: Int, _ lines: [PageLine]) -> Bool {
        preamble == block.start && block.start > 0 && startsPage(preamble, lines) && matches(rule, lines[block.start - 1].text)
    }

    /// A short line of words with no colon or digits, starting with a letter, which is not
    /// the subject Apple Mail prints as a title over the header (or what OCR kept of it),
    /// nor a closing ("Respectfully,").
    static func couldBeOwnerName(_ line: String, over block: HeaderBlock) -> Bool {
        let key = PageFurniture.key(line)
        return line.first?.isLetter == true && !line.contains(":") && line.split(separator: " ").count <= 6 && !line.hasSuffix(",")
            && line.allSatisfy({ $0.isLetter || " .,'’-".contains($0) }) && !line.contains("--")
            && !key.isEmpty && !PageFurniture.key(block.header.subject ?? "").contains(key)
    }

    /// Where an Outlook print puts the mailbox owner's name: on the line over the header,
    /// or over the rule drawn under the name (a text print writes the rule as dashes),
    /// set apart from what is above it (a signature over a rule is no owner's name).
    static func ownerLineIndex(_ block: HeaderBlock, _ lines: [PageLine]) -> Int? {
        var i = block.start - 1
        if i > 0, matches(rule, lines[i].text) {
            i -= 1
            guard lines[i].gapBefore || startsPage(i, lines) else { return nil }
        }
        guard i >= 0, lines[i].page == lines[block.start].page else { return nil }
        return i
    }

    /// (A name right under a closing such as "Best regards," on its page is a signature,
    /// though the mailbox owner signs with it: the copy under it is quoted in the owner's
    /// reply. At a page's top the owner's name is the print's.)
    static func isOwned(_ block: HeaderBlock, _ lines: [PageLine], owners: MailboxOwners) -> Bool {
        guard let above = ownerLineIndex(block, lines), !lines[above].text.contains(":"),
              startsPage(above, lines) || !underClosing(above, lines)
        else { return false }
        let key = PageFurniture.key(lines[above].text)
        return !owners.signatures.contains(above) && owners.names.contains { PrintedHeader.editDistance($0, key) <= 2 }
    }

    /// Where an email's print begins: the mailbox owner's name above an Outlook email,
    /// a Gmail thread's title, subject and message count; on the block's own page only.
    static func preambleStart(of block: HeaderBlock, _ lines: [PageLine], owners: MailboxOwners, titles: Set<String>, floor: Int) -> Int {
        var start = messageStart(of: block, lines, owners: owners, floor: floor)
        let page = lines[block.start].page
        func onPage(_ i: Int) -> Bool { i >= floor && i >= 0 && lines[i].page == page }
        // A page that opens with a title laid out as the release's first page is
        // (a request tracker prints its title over each thread): the title goes with
        // the email under it, not with the one before.
        var top = start
        while onPage(top - 1), start - top < 6 { top -= 1 }
        // (A text file may not break its pages: there a tracker's title stands between
        // rules over a thread.)
        if block.style == .tracker, top > 0, lines[top - 1].page == page {
            var end = start
            while end > top, matches(rule, lines[end - 1].text) { end -= 1 }
            if let above = (top..<end).last(where: { matches(rule, lines[$0].text) }),
               lines[(above + 1)..<end].contains(where: { titles.contains(titleKey($0.text)) })
            {
                // (and the site's name over the rule, as over the first thread)
                return above > floor && titles.contains(titleKey(lines[above - 1].text)) ? above - 1 : above + 1
            }
            // Without a rule: the groups of lines set apart over the header that each hold a
            // line of the first thread's title ("Request filed by …", the site's name).
            var first = start
            while first > top {
                var group = first - 1
                while group > top, !lines[group].gapBefore { group -= 1 }
                guard lines[group..<first].contains(where: { titles.contains(titleKey($0.text)) }) else { break }
                first = group
            }
            if first < start { return first }
        }
        if top < start, top == 0 || lines[top - 1].page != page {
            // (A tracker's next thread has a title of its own: "Request filed by" recurs.)
            let keys = lines[top..<start].map { titleKey($0.text) }
            let recurring = keys.filter { titles.contains($0) }.count
            if recurring * 2 >= keys.count || (block.style == .tracker && recurring > 0) { return top }
        }
        var k = start - 1
        if onPage(k), matches(rule, lines[k].text) { k -= 1 }
        if onPage(k), matches(gmailMessageCount, lines[k].text) {
            // The count, the thread's title over it, and the "Gmail" line over that; and
            // what OCR left of the browser's print header over the thread's first page.
            start = k
            while onPage(start - 1), start > k - 5, !lines[start].text.prefix(12).contains("Gmail") { start -= 1 }
            if lines[start].text.prefix(12).contains("Gmail") {
                var top = start
                while onPage(top - 1), start - top < 2 { top -= 1 }
                if top == 0 || lines[top - 1].page != page { start = top }
            }
        }
        return start
    }

    /// A title line's first two words: a tracker's "Request filed by …", "Tracking #: …".
    static func titleKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(2).joined(separator: " ")
    }

    /// Where the print of one message begins: its header, or the mailbox owner's name
    /// over it, or the subject Apple Mail prints over it as a title.
    static func messageStart(of block: HeaderBlock, _ lines: [PageLine], owners: MailboxOwners, floor: Int) -> Int {
        var start = block.start
        let page = lines[block.start].page
        func onPage(_ i: Int) -> Bool { i >= floor && i >= 0 && lines[i].page == page }
        if isOwned(block, lines, owners: owners) || (!owners.isEmpty && mayBeUnderAnotherOwner(block, lines)),
           let above = ownerLineIndex(block, lines), onPage(above)
        {
            start = above
        }
        if onPage(start - 1), let subject = block.header.subject, !subject.isEmpty,
           PageFurniture.key(lines[start - 1].text) == PageFurniture.key(subject)
        {
            start -= 1
        }
        return start
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
