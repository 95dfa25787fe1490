import Foundation

/// Turns what extraction produced (PDF pages, email messages, plain text) into
/// records with their fields, agencies, vendors and redaction counts.
public struct RecordBuilder: Sendable {
    public var tagger: EntityTagger
    private var requestNumbers: RequestNumbers

    /// The domains of the agencies and vendors known, and of web mail: what an OCR-misread
    /// domain is likely to be.
    private var knownDomains: Set<String>

    public init(gazetteer: Gazetteer = .builtIn) {
        tagger = EntityTagger(gazetteer: gazetteer)
        requestNumbers = gazetteer.requestNumbers
        knownDomains = Set(gazetteer.entities.flatMap(\.domains)).union(Gazetteer.personalDomains)
    }

    /// A PDF: one record per printed email it holds, or one document record.
    public func records(fromPages pages: [Page], file: SourceFile) -> [Record] {
        let emails = EmailSplitter.split(pages)
        guard !emails.isEmpty else {
            var record = Record(
                id: RecordID.make(sha256: file.sha256, pages: pages.isEmpty ? nil : 1...pages.count),
                kind: .document, source: file.source(pages: pages.isEmpty ? nil : 1...pages.count),
                ocr: pages.contains { $0.ocrConfidence != nil }, ocrConfidence: Self.meanConfidence(pages[...]),
                text: pages.map(\.text).joined(separator: "\n"))
            fillDocumentFields(&record)
            return [record]
        }
        let scanned = emails.filter { email in
            pages[(email.firstPage - 1)...(email.lastPage - 1)].contains { $0.ocrConfidence != nil }
        }
        let spellings = SpellingConsensus(
            scanned.flatMap { [$0.header.from].compactMap { $0 } + $0.header.to + $0.header.cc },
            textAddresses: scanned.flatMap { AddressList.bareAddresses(in: $0.body) },
            knownDomains: knownDomains)
        let records = QuotedZones.resolved(Self.placingUndated(emails.enumerated().map { index, email in
            let range = email.firstPage...email.lastPage
            let span = pages[(range.lowerBound - 1)...(range.upperBound - 1)]
            var record = emailRecord(email, id: RecordID.make(sha256: file.sha256, pages: range, index: index),
                                     source: file.source(pages: range), spellings: spellings,
                                     ocr: span.contains { $0.ocrConfidence != nil }, ocrConfidence: Self.meanConfidence(span))
            // (A release's request number is printed in its pages' running header or footer;
            // the email's own text was read when it was built.)
            let printed = requestNumbers.find(in: span.map(Self.edges)).filter { !(record.requests ?? []).contains($0) }
            if !printed.isEmpty { record.requests = (record.requests ?? []) + printed }
            return record
        }))
        // The pages before the first email found (a cover letter, or an email whose header
        // OCR could not read) are no email's: a document of their own, never dropped —
        // unless page furniture is all they hold.
        guard let first = emails.first?.firstPage, first > 1, case let leading = pages[..<(first - 1)],
              EmailSplitter.lines(pages).contains(where: { $0.page < first && $0.text.contains(where: \.isLetter) })
        else { return records }
        var record = Record(
            id: RecordID.make(sha256: file.sha256, pages: 1...(first - 1)), kind: .document, source: file.source(pages: 1...(first - 1)),
            ocr: leading.contains { $0.ocrConfidence != nil }, ocrConfidence: Self.meanConfidence(leading),
            text: leading.map(\.text).joined(separator: "\n"))
        fillDocumentFields(&record)
        return [record] + records
    }

    /// Each email printed without a readable date gets the dates of the nearest dated
    /// emails printed before and after it (`datesAround`).
    static func placingUndated(_ records: [Record]) -> [Record] {
        records.indices.map { index in
            var record = records[index]
            if record.date == nil {
                record.datesAround = [records[..<index].last { $0.date != nil }?.date, records[(index + 1)...].first { $0.date != nil }?.date]
                    .compactMap { $0 }
            }
            return record
        }
    }

    /// A text file: one record per printed email it holds (a release delivered as text),
    /// each with its line range; else one document record.
    public func records(fromText text: String, file: SourceFile) -> [Record] {
        let emails = EmailSplitter.split(text: text)
        guard !emails.isEmpty else { return [record(fromText: text, file: file)] }
        return QuotedZones.resolved(Self.placingUndated(emails.enumerated().map { index, email in
            emailRecord(email, id: RecordID.make(sha256: file.sha256, lines: email.lines, index: index),
                        source: file.source(lines: email.lines), spellings: SpellingConsensus([]), ocr: false, ocrConfidence: nil)
        }))
    }

    private func emailRecord(_ email: PrintedEmail, id: String, source: Source, spellings: SpellingConsensus,
                             ocr: Bool, ocrConfidence: Int?) -> Record
    {
        let header = email.header
        // (OCR specks where a person was printed leave no one: no empty correspondent.)
        func fixed(_ person: Correspondent) -> Correspondent? {
            let read = ocr ? spellings.apply(person) : person
            return read.name == nil && read.address == nil ? nil : read
        }
        let (mailbox, onBehalf) = header.from.flatMap(fixed)?.splitOnBehalf ?? (nil, nil)
        var record = Record(
            id: id, kind: .email,
            subject: header.subject, from: mailbox, to: header.to.compactMap(fixed),
            cc: header.cc.compactMap(fixed), date: header.date, source: source,
            ocr: ocr, ocrConfidence: ocrConfidence, text: email.body)
        record.sender = onBehalf
        record.printedThread = email.printedThread
        record.quoted = (email.quoted + QuoteMarkers.attributions(in: email.body)).map {
            QuotedCopy(from: $0.from.flatMap(fixed), date: $0.date, subject: $0.subject)
        }
        record.redactions = Redactions.markers(in: [header.fields.values.joined(separator: "\n"), record.text].joined(separator: "\n"))
        record.requests = requests(of: record)
        tagger.tag(&record, signature: Signature.block(of: email.ownText))
        return record
    }

    /// A page's first and last lines, where its running header and footer are: the first
    /// and last three that are not empty, read from each end (splitting all of a page into
    /// lines, for each email it holds, was a thirtieth of reading a text PDF).
    static func edges(of page: Page) -> String {
        let text = page.text
        var head: [Substring] = [], tail: [Substring] = []
        var lineStart = text.startIndex, headEnd = text.endIndex
        for i in text.indices where text[i].isNewline {
            if lineStart < i {
                head.append(text[lineStart..<i])
                if head.count == 3 { headEnd = i; break }
            }
            lineStart = text.index(after: i)
        }
        var lineEnd = text.endIndex, tailStart = text.startIndex
        for i in text.indices.reversed() where text[i].isNewline {
            let start = text.index(after: i)
            if start < lineEnd {
                tail.append(text[start..<lineEnd])
                if tail.count == 3 { tailStart = start; break }
            }
            lineEnd = i
        }
        // (A page of fewer than six lines: its first and last lines may be the same ones.)
        guard head.count == 3, tail.count == 3, headEnd < tailStart else {
            let lines = text.split(whereSeparator: \.isNewline)
            return (lines.prefix(3) + lines.suffix(3)).joined(separator: "\n")
        }
        return (head + tail.reversed()).joined(separator: "\n")
    }

    private func requests(of record: Record) -> [String] {
        requestNumbers.find(in: [record.subject ?? "", record.text])
    }

    static func meanConfidence(_ pages: ArraySlice<Page>) -> Int? {
        let values = pages.compactMap(\.ocrConfidence)
        return values.isEmpty ? nil : values.reduce(0, +) / values.count
    }

    /// An email file, or one message of an mbox (index distinguishes messages without
    /// a Message-ID).
    public func record(fromEmail message: EmailMessage, file: SourceFile, index: Int? = nil) -> Record {
        let id = message.messageID.map { RecordID.make(messageID: $0, content: message) }
            ?? RecordID.make(sha256: file.sha256, pages: nil, index: index)
        var record = Record(
            id: id, kind: .email, subject: message.subject, from: message.from, to: message.to, cc: message.cc,
            date: message.date, source: file.source(), text: message.body,
            messageID: message.messageID, inReplyTo: message.inReplyTo, references: message.references)
        record.sender = message.sender
        record.redactions = Redactions.markers(in: record.text)
        record.requests = requests(of: record)
        tagger.tag(&record, signature: Signature.block(of: record.text))
        return record
    }

    /// A plain-text file: one document record.
    private func record(fromText text: String, file: SourceFile) -> Record {
        var record = Record(id: RecordID.make(sha256: file.sha256, pages: nil), kind: .document,
                            source: file.source(), text: text)
        fillDocumentFields(&record)
        return record
    }

    /// A document's title (its first line of substance), its date (the first one
    /// printed near the top), redactions, and the agencies and vendors it names.
    private func fillDocumentFields(_ record: inout Record) {
        let lines = record.text.split(whereSeparator: \.isNewline).map { $0.trimmed() }
        record.subject = lines.first { $0.count >= 4 && $0.contains(where: \.isLetter) }
        record.date = lines.prefix(40).lazy.compactMap(DateParser.parse).first
        record.redactions = Redactions.markers(in: record.text)
        record.requests = requests(of: record)
        tagger.tag(&record)
    }
}
