import Foundation

/// Where ingested records go (the index). Calls may come from several tasks at once.
public protocol RecordSink: Sendable {
    /// True when a file with this sha256 is already in the index.
    func isIndexed(sha256: String) throws -> Bool
    /// Adds the records of one file, and counts the file and its pages; they become
    /// visible at the next commit.
    func add(_ records: [Record], pages: Int, ocrPages: Int) throws
    /// Makes everything added so far durable, all at once.
    func commit() throws
}

/// A file `ingest` could not read, and why.
public struct Rejection: Codable, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// What an ingest did, as `ingest --json` prints it.
public struct IngestReport: Codable, Sendable {
    public var files = 0
    public var records = 0
    public var pages = 0
    public var ocrPages = 0
    public var skippedDuplicates = 0
    public var rejected: [Rejection] = []
    public var seconds = 0.0

    enum CodingKeys: String, CodingKey {
        case files, records, pages, rejected, seconds
        case ocrPages = "ocr_pages", skippedDuplicates = "skipped_duplicates"
    }
}

/// Progress after each file: counts so far and the total number of files found.
public struct IngestProgress: Sendable {
    public var report: IngestReport
    public var filesDone: Int
    public var filesTotal: Int
    public var elapsed: Double
}

/// Drives files through extraction and record building into a sink: several files in
/// flight at once, OCR of a file's pages spread over every worker, records committed
/// in batches so that an interrupted ingest keeps what it committed.
public struct Ingester: Sendable {
    public var extractor: PDFExtracting
    public var builder: RecordBuilder
    public var ocrMode: OCRMode
    /// Files in flight at once.
    public var jobs: Int
    /// Commit after this many records (and at the end).
    public var batchSize = 2000

    public init(extractor: PDFExtracting, builder: RecordBuilder, ocrMode: OCRMode = .auto,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = extractor
        self.builder = builder
        self.ocrMode = ocrMode
        self.jobs = max(1, jobs)
    }

    enum Outcome: Sendable {
        case duplicate
        case rejected(String)
        case records([Record], pages: Int, ocrPages: Int)
    }

    public func run(paths: [String], into sink: RecordSink,
                    progress: @Sendable (IngestProgress) -> Void = { _ in }) async throws -> IngestReport {
        let start = Date()
        let (files, problems) = FileWalker.files(under: paths)
        var report = IngestReport()
        report.rejected = problems.map { Rejection(path: $0.path, reason: $0.reason) }
        var pending = 0
        var done = 0
        let seen = SeenHashes()

        try await withThrowingTaskGroup(of: (String, Outcome).self) { group in
            var next = files.makeIterator()
            func launch() {
                guard let path = next.next() else { return }
                group.addTask { (path, await self.process(path, sink: sink, seen: seen)) }
            }
            // Twice the workers in flight, so that hashing and parsing overlap extraction.
            for _ in 0..<(jobs * 2) { launch() }
            while let (path, outcome) = try await group.next() {
                done += 1
                switch outcome {
                case .duplicate:
                    report.skippedDuplicates += 1
                case .rejected(let reason):
                    report.rejected.append(Rejection(path: path, reason: reason))
                case .records(let records, let pages, let ocrPages):
                    try sink.add(records, pages: pages, ocrPages: ocrPages)
                    report.files += 1
                    report.records += records.count
                    report.pages += pages
                    report.ocrPages += ocrPages
                    pending += records.count
                    if pending >= batchSize {
                        try sink.commit()
                        pending = 0
                    }
                }
                progress(IngestProgress(report: report, filesDone: done, filesTotal: files.count,
                                        elapsed: Date().timeIntervalSince(start)))
                launch()
            }
        }
        try sink.commit()
        report.seconds = (Date().timeIntervalSince(start) * 100).rounded() / 100
        return report
    }

    /// One file, start to finish; every failure becomes a rejection with a reason.
    private func process(_ path: String, sink: RecordSink, seen: SeenHashes) async -> Outcome {
        do {
            let kind = try FileKind.detect(path: path)
            let sha = try FileHash.sha256(path: path)
            if try sink.isIndexed(sha256: sha) || !seen.insert(sha) { return .duplicate }
            let file = SourceFile(path: path, sha256: sha)
            switch kind {
            case .pdf:
                return try await pdfRecords(file)
            case .email:
                let message = EmailMessage(try Data(contentsOf: URL(fileURLWithPath: path)))
                guard message.from != nil || message.date != nil || message.subject != nil else {
                    return .rejected("not an email: no From, Date or Subject header")
                }
                return try await messageRecords([message], file: file)
            case .mbox:
                let messages = Mbox.messages(in: try Data(contentsOf: URL(fileURLWithPath: path)))
                    .map(EmailMessage.init)
                    .filter { $0.from != nil || $0.date != nil }
                guard !messages.isEmpty else { return .rejected("no complete message in this mbox") }
                return try await messageRecords(messages, file: file)
            case .text:
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return .records([builder.record(fromText: TextDecoding.decode(data, charset: nil), file: file)], pages: 0, ocrPages: 0)
            }
        } catch let error as PDFError {
            return .rejected(error.reason)
        } catch {
            return .rejected("\(error)")
        }
    }

    /// Text layer first; the pages that need it are OCR'd in parallel, each by
    /// whichever worker is free. `path` is where the PDF is read from (a temporary copy
    /// for an attachment), `file` what the records name as their source.
    private func pdfRecords(_ path: String, file: SourceFile) async throws -> Outcome {
        let texts = try await extractor.pageTexts(of: path, ocr: ocrMode)
        var pages = texts.enumerated().map { Page(number: $0 + 1, text: $1.text, ocrConfidence: nil) }
        let toRecognize = texts.indices.filter { texts[$0].needsOCR }
        try await withThrowingTaskGroup(of: (Int, OCRText).self) { group in
            for index in toRecognize {
                group.addTask { (index, try await extractor.recognize(path: path, page: index)) }
            }
            for try await (index, result) in group {
                pages[index].text = result.text
                pages[index].ocrConfidence = result.confidence
            }
        }
        return .records(builder.records(fromPages: pages, file: file), pages: pages.count, ocrPages: toRecognize.count)
    }

    private func pdfRecords(_ file: SourceFile) async throws -> Outcome {
        try await pdfRecords(file.path, file: file)
    }

    /// The messages of an email file, each followed by the records read from its
    /// attachments (PDF, email, text), linked both ways. Other attachments are skipped.
    private func messageRecords(_ messages: [EmailMessage], file: SourceFile) async throws -> Outcome {
        var records: [Record] = []
        var pageCount = 0, ocrCount = 0
        for (index, message) in messages.enumerated() {
            var parent = builder.record(fromEmail: message, file: file, index: messages.count > 1 ? index : nil)
            var children: [Record] = []
            for (i, attachment) in message.attachments.enumerated() {
                guard let kind = try? FileKind.detect(head: attachment.data.prefix(4096), name: attachment.filename) else { continue }
                let child = SourceFile(path: file.path, sha256: FileHash.sha256(attachment.data), attachment: attachment.filename)
                var read: [Record] = []
                switch kind {
                case .pdf:
                    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-attachment-\(UUID().uuidString).pdf")
                    try attachment.data.write(to: copy)
                    defer { try? FileManager.default.removeItem(at: copy) }
                    guard case .records(let fromPDF, let pages, let ocrPages) = try? await pdfRecords(copy.path, file: child) else { continue }
                    read = fromPDF
                    pageCount += pages
                    ocrCount += ocrPages
                case .email:
                    read = [builder.record(fromEmail: EmailMessage(attachment.data), file: child)]
                case .text:
                    read = [builder.record(fromText: TextDecoding.decode(attachment.data, charset: nil), file: child)]
                case .mbox:
                    continue
                }
                for (j, var record) in read.enumerated() {
                    if kind != .email { record.id = RecordID.make(parent: parent.id, attachment: i, record: j) }
                    record.parent = parent.id
                    children.append(record)
                }
            }
            parent.attachments = children.map(\.id)
            records.append(parent)
            records += children
        }
        return .records(records, pages: pageCount, ocrPages: ocrCount)
    }
}

/// The hashes met in this run, so that two copies of a file in one ingest count once.
final class SeenHashes: @unchecked Sendable {
    private var hashes = Set<String>()
    private let lock = NSLock()

    /// False when the hash was already there.
    func insert(_ sha: String) -> Bool {
        lock.withLock { hashes.insert(sha).inserted }
    }
}
