import Foundation
import Logging
import Workers

/// Drives files through extraction and record building into a sink: several files in
/// flight at once, OCR of a file's pages spread over every worker, records committed
/// in batches so that an interrupted ingest keeps what it committed.
public struct Ingester: Sendable {
    public var extractor: PDFExtracting
    public var builder: RecordBuilder
    public var ocrMode: OCRMode
    /// Tesseract's language for OCR ("eng"; "eng+spa" reads either; see `OCRLanguage`).
    public var ocrLanguage = OCRLanguage.english
    /// Files in flight at once.
    public var jobs: Int
    /// An mbox's messages go to the sink this many at a time, so that a mail export of
    /// any size passes through in constant memory.
    public var messageChunk = 500
    /// Read again the files an earlier ingest could not read (else they are listed only).
    public var retryFailed = false
    /// What happens to each file, at `debug` (`corpus ingest --verbose`).
    public var logger = Logger(label: "corpus.ingest")

    public init(extractor: PDFExtracting, builder: RecordBuilder, ocrMode: OCRMode = .auto,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = extractor
        self.builder = builder
        self.ocrMode = ocrMode
        self.jobs = max(1, jobs)
    }

    /// With a shard, only the files and messages that are its own (`ShardAssignment`).
    public var shard: ShardAssignment?

    /// 1 when this ingest counts the file with this hash among the index's files: with a
    /// shard, a file whose parts went to several shards (an mbox, an archive) counts in the
    /// one its hash gives, as a PDF does; a file that is one message, in its message's.
    private func filesCounted(_ sha256: String, _ kind: FileKind) -> Int {
        guard let shard, kind.routedByPart, ![.email, .outlookMessage].contains(kind) else { return 1 }
        return shard.holds(sha256: sha256) ? 1 : 0
    }

    /// Archives inside archives are opened this deep, and no deeper (a zip of zips of
    /// zips is how the oldest decompression bombs are made).
    public var maxArchiveDepth = 4

    enum Outcome: Sendable {
        case duplicate
        /// The file could not be read; `sha256` when it could be hashed, to remember it by.
        case rejected(String, sha256: String?)
        /// An earlier ingest could not read it, for this reason.
        case failedBefore(String)
        /// Every record of the file is in the sink; its done marker is not yet.
        case indexed(sha256: String, FileRead)
        /// Another shard's file (`shard`).
        case otherShard
    }

    /// What reading one file gave. `rejected`: the parts of it that are no record (an
    /// mbox's cut-off message, an archive's encrypted member, a PDF's unreadable page),
    /// with reasons.
    struct FileRead: Sendable {
        var records = 0, pages = 0, ocrPages = 0
        var rejected: [Rejection] = []
        /// An archive's members read and marked done on their own, their pages with them.
        var members = 0, memberPages = 0, memberOCRPages = 0
        /// Members already in the index (or met earlier in this run).
        var duplicateMembers = 0
        /// Messages (and an archive's files) left to other shards.
        var otherShards = 0
        /// Whether this ingest counts the file among the index's files (`filesCounted`).
        var filesCounted = 1

        static func += (total: inout FileRead, part: FileRead) {
            total.records += part.records
            total.pages += part.pages
            total.ocrPages += part.ocrPages
            total.rejected += part.rejected
            total.members += part.members
            total.memberPages += part.memberPages
            total.memberOCRPages += part.memberOCRPages
            total.duplicateMembers += part.duplicateMembers
            total.otherShards += part.otherShards
        }
    }

    public func run(paths: [String], into sink: RecordSink,
                    progress: @Sendable (IngestProgress) -> Void = { _ in }) async throws -> IngestReport {
        let start = Date()
        if ocrMode != .never, ocrLanguage != OCRLanguage.english {
            try OCRLanguage.check(ocrLanguage, available: try await extractor.ocrLanguages())
        }
        let (files, problems) = FileWalker.files(under: paths)
        var report = IngestReport()
        report.rejected = problems.map { Rejection(path: $0.path, reason: $0.reason) }
        var done = 0
        let seen = SeenHashes()
        let counter = RecordCounter(sink: sink)

        try await withThrowingTaskGroup(of: (String, Outcome).self) { group in
            var next = files.makeIterator()
            func launch() {
                guard let path = next.next() else { return }
                group.addTask { (path, await self.process(path, sink: counter, seen: seen)) }
            }
            // Twice the workers in flight, so that hashing and parsing overlap extraction.
            for _ in 0..<(jobs * 2) { launch() }
            while let (path, outcome) = try await group.next() {
                done += 1
                switch outcome {
                case .duplicate:
                    report.skippedDuplicates += 1
                    logger.debug("\(path): already in the index")
                case .otherShard:
                    report.otherShards += 1
                    logger.debug("\(path): another shard's")
                case .rejected(let reason, let sha):
                    report.rejected.append(Rejection(path: path, reason: reason))
                    if let sha { try counter.recordFailure(sha256: sha, reason: reason) }
                    logger.debug("\(path): rejected: \(reason)")
                case .failedBefore(let reason):
                    report.failedBefore.append(Rejection(path: path, reason: reason))
                    logger.debug("\(path): not read again: \(reason)")
                case .indexed(let sha, let read):
                    logger.debug("\(path): \(read.records) record(s)\(read.pages > 0 ? ", \(read.pages) page(s), \(read.ocrPages) OCR'd" : "")\(read.members > 0 ? " from \(read.members) member(s)" : "")\(read.rejected.isEmpty ? "" : ", \(read.rejected.count) part(s) rejected")")
                    // (An archive's members counted their pages when each was marked done.)
                    try counter.finish(sha256: sha, files: read.filesCounted, pages: read.pages - read.memberPages, ocrPages: read.ocrPages - read.memberOCRPages)
                    report.rejected += read.rejected
                    report.files += 1 + read.members
                    report.skippedDuplicates += read.duplicateMembers
                    report.otherShards += read.otherShards
                    report.pages += read.pages
                    report.ocrPages += read.ocrPages
                }
                report.records = counter.value
                progress(IngestProgress(report: report, filesDone: done, filesTotal: files.count,
                                        elapsed: Date().timeIntervalSince(start)))
                launch()
            }
        }
        try sink.commit()
        let tally = try sink.tally()
        report.records = tally.added
        report.sameMessageElsewhere = tally.sameMessage
        report.seconds = (Date().timeIntervalSince(start) * 100).rounded() / 100
        return report
    }

    /// One file, start to finish; every failure becomes a rejection with a reason. The
    /// records go to the sink from here, so that turning them into index documents
    /// runs in parallel too; the file's done marker follows in the gathering loop.
    private func process(_ path: String, sink: RecordSink, seen: SeenHashes) async -> Outcome {
        var sha: String?
        do {
            let kind: FileKind, small: Data?
            do {
                (kind, small) = try FileKind.detectReading(path: path)
            } catch let error as FileKind.Unsupported {
                // (Hashed all the same, to be remembered: the next ingest does not read it again.)
                sha = try? FileHash.sha256(path: path)
                if let sha, !retryFailed, let before = try sink.failure(sha256: sha) { return .failedBefore(before) }
                throw error
            }
            let contents = try Self.contents(of: path, kind: kind, whole: small)
            let digest = try contents.map(FileHash.sha256) ?? FileHash.sha256(path: path)
            sha = digest
            if let shard, !kind.routedByPart, !shard.holds(sha256: digest) { return .otherShard }
            if try sink.isIndexed(sha256: digest) || !seen.insert(digest) { return .duplicate }
            if !retryFailed, let before = try sink.failure(sha256: digest) { return .failedBefore(before) }
            let read = try await records(of: path, kind: kind, contents: contents, file: SourceFile(path: path, sha256: digest),
                                         sink: sink, seen: seen, depth: 0)
            // (A file that is one message, another shard's, is not this shard's file.)
            if [.email, .outlookMessage].contains(kind), read.records == 0, read.otherShards > 0 { return .otherShard }
            var whole = read
            whole.filesCounted = filesCounted(digest, kind)
            return .indexed(sha256: digest, whole)
        } catch let error as PDFError {
            return .rejected(error.reason, sha256: sha)
        } catch {
            return .rejected("\(error)", sha256: sha)
        }
    }

    /// An email or text file is read once, and hashed from those bytes; PDFs, mboxes and
    /// archives (read by workers, or streamed) are hashed from disk a piece at a time.
    /// - whole: the file's bytes when detecting its kind read them all.
    private static func contents(of path: String, kind: FileKind, whole: Data?) throws -> Data? {
        kind == .email || kind == .text ? try whole ?? Data(contentsOf: URL(fileURLWithPath: path)) : nil
    }

    /// The records of one file, of any kind, added to the sink. `path` is where its bytes
    /// are (an archive's member is unpacked to a file of its own); `file` what its records
    /// name as their source.
    private func records(of path: String, kind: FileKind, contents: Data?, file: SourceFile, sink: RecordSink, seen: SeenHashes,
                         depth: Int) async throws -> FileRead {
        switch kind {
        case .pdf, .image:
            let read = try await pdfRecords(path, file: file)
            try sink.add(read.records)
            return FileRead(records: read.records.count, pages: read.pages, ocrPages: read.ocrPages,
                            rejected: read.unreadPages.map { Rejection(path: file.citation, reason: $0) })
        case .email:
            // (A message without From, Date or Subject is still a message: its text is kept.)
            guard shard?.holds(message: contents ?? Data(), fallback: file.sha256) ?? true else { return FileRead(otherShards: 1) }
            let read = try await messageRecords(EmailMessage(contents ?? Data()), file: file, index: nil)
            try sink.add(read.records)
            return FileRead(records: read.records.count, pages: read.pages, ocrPages: read.ocrPages)
        case .mbox:
            // Messages stream from disk; they reach the sink a chunk at a time. Each
            // is a record, or a rejection naming its position.
            var chunk: [Record] = []
            var position = 0, recorded = 0
            var read = FileRead()
            for message in try MboxReader(path: path) {
                position += 1
                var messageFile = file
                messageFile.member = (file.member ?? "") + "#\(position)"
                guard message.complete else {
                    read.rejected.append(Rejection(path: messageFile.citation, reason: "message cut off before the end of its headers"))
                    continue
                }
                guard shard?.holds(message: message.data, fallback: file.sha256 + "#\(position)") ?? true else {
                    read.otherShards += 1
                    continue
                }
                let records = try await messageRecords(EmailMessage(message.data), file: messageFile, index: position - 1).records
                chunk += records
                read.records += records.count
                recorded += 1
                if chunk.count >= messageChunk {
                    try sink.add(chunk)
                    chunk = []
                }
            }
            guard recorded > 0 || read.otherShards > 0 else { throw FileKind.Unsupported(description: "no complete message in this mbox") }
            try sink.add(chunk)
            return read
        case .text:
            let records = builder.records(fromText: TextDecoding.decode(contents ?? Data(), charset: nil), file: file)
            try sink.add(records)
            return FileRead(records: records.count)
        case .archive:
            return try await archiveRecords(path, file: file, sink: sink, seen: seen, depth: depth)
        case .outlookMessage:
            let mime = try await extractor.outlookMessage(at: path)
            guard shard?.holds(message: mime, fallback: file.sha256) ?? true else { return FileRead(otherShards: 1) }
            let read = try await messageRecords(EmailMessage(mime), file: file, index: nil)
            try sink.add(read.records)
            return FileRead(records: read.records.count, pages: read.pages, ocrPages: read.ocrPages)
        case .outlookMailbox:
            return try await mailboxRecords(path, file: file, sink: sink)
        }
    }

    /// An archive's members, each read as a file of its own (several at once) and marked
    /// done by its own hash, so that the same file met loose later is not read again.
    /// Members that cannot be read are rejected one by one, named `archive!/member`.
    private func archiveRecords(_ path: String, file: SourceFile, sink: RecordSink, seen: SeenHashes, depth: Int) async throws -> FileRead {
        guard depth < maxArchiveDepth else {
            throw FileKind.Unsupported(description: "an archive inside \(maxArchiveDepth) others: not opened (a decompression bomb is made so)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let members = try await extractor.unpack(archive: path, into: folder.path, only: nil)
        var total = FileRead()
        try await withThrowingTaskGroup(of: FileRead.self) { group in
            var next = members.makeIterator()
            func launch() {
                guard let member = next.next() else { return }
                group.addTask { try await self.memberRecords(member, of: file, sink: sink, seen: seen, depth: depth) }
            }
            for _ in 0..<jobs { launch() }
            while let read = try await group.next() {
                total += read
                launch()
            }
        }
        return total
    }

    /// Every message of every folder of an Outlook mailbox, through readpst, to the sink a
    /// chunk at a time; each names its folder and number ("!/Personal folders/Inbox#12").
    private func mailboxRecords(_ path: String, file: SourceFile, sink: RecordSink) async throws -> FileRead {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-mailbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (messages, otherItems) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try OutlookMailbox.export(path, into: folder) }) }
        }
        var read = FileRead()
        if !otherItems.isEmpty {
            let items = otherItems.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            read.rejected.append(Rejection(path: file.citation, reason: "\(items): not emails, not read"))
        }
        guard !messages.isEmpty else { throw FileKind.Unsupported(description: "no email in this Outlook mailbox") }
        if let (size, declared) = OutlookMailbox.missingBytes(path) {
            read.rejected.append(Rejection(path: file.citation, reason: "cut off: \(size) of the \(declared) bytes its header declares; "
                + "the \(messages.count) messages still readable are kept, any in the missing part are lost"))
        }
        var chunk: [Record] = []
        for (position, message) in messages.enumerated() {
            var messageFile = file
            messageFile.member = (file.member ?? "") + message.member
            let data = try Data(contentsOf: message.file)
            try? FileManager.default.removeItem(at: message.file)
            guard shard?.holds(message: data, fallback: file.sha256 + message.member) ?? true else {
                read.otherShards += 1
                continue
            }
            let records = try await messageRecords(EmailMessage(data), file: messageFile, index: position).records
            chunk += records
            read.records += records.count
            if chunk.count >= messageChunk {
                try sink.add(chunk)
                chunk = []
            }
        }
        try sink.add(chunk)
        return read
    }

    /// One member of an archive: its records, or why it has none.
    private func memberRecords(_ member: ArchiveMember, of archive: SourceFile, sink: RecordSink, seen: SeenHashes, depth: Int) async throws -> FileRead {
        var file = archive
        file.member = (archive.member ?? "") + "!/" + member.name
        guard let path = member.file else {
            return FileRead(rejected: [Rejection(path: file.citation, reason: member.refusal ?? "not unpacked")])
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let (kind, small) = try FileKind.detectReading(path: path)
            let contents = try Self.contents(of: path, kind: kind, whole: small)
            file.sha256 = try contents.map(FileHash.sha256) ?? FileHash.sha256(path: path)
            if let shard, !kind.routedByPart, !shard.holds(sha256: file.sha256) { return FileRead(otherShards: 1) }
            if try sink.isIndexed(sha256: file.sha256) || !seen.insert(file.sha256) { return FileRead(duplicateMembers: 1) }
            var read = try await records(of: path, kind: kind, contents: contents, file: file, sink: sink, seen: seen, depth: depth + 1)
            try sink.finish(sha256: file.sha256, files: filesCounted(file.sha256, kind), pages: read.pages - read.memberPages, ocrPages: read.ocrPages - read.memberOCRPages)
            read.members += 1
            read.memberPages = read.pages
            read.memberOCRPages = read.ocrPages
            return read
        } catch let error as PDFError {
            return FileRead(rejected: [Rejection(path: file.citation, reason: error.reason)])
        } catch {
            return FileRead(rejected: [Rejection(path: file.citation, reason: "\(error)")])
        }
    }

    /// Text layer first; the pages that need it are OCR'd in parallel, each by
    /// whichever worker is free. `path` is where the PDF is read from (a temporary copy
    /// for an attachment), `file` what the records name as their source. `pages`: those
    /// read; `unreadPages`: a line for each page that could not be, for the report.
    private func pdfRecords(_ path: String, file: SourceFile) async throws
        -> (records: [Record], pages: Int, ocrPages: Int, unreadPages: [String])
    {
        let (pages, ocrPages, unread) = try await pages(of: path)
        let records = builder.records(fromPages: pages, file: file).map { record in
            var record = record
            if record.ocr { record.ocrLanguage = ocrLanguage }
            return record
        }
        let lines = unread.map { number in
            "p. \(number) of its \(pages.count) could not be read (a damaged page); the other pages are ingested"
        }
        return (records, pages.count - unread.count, ocrPages, lines)
    }

    /// A PDF's pages (or a scanned image's): the text layer, and OCR where it is missing.
    /// A page that cannot be read at all holds a line saying so, where it stands: the
    /// email it falls in says that part of it may be missing, rather than run on silently.
    private func pages(of path: String) async throws -> (pages: [Page], ocrPages: Int, unread: [Int]) {
        let texts = try await extractor.pageTexts(of: path, ocr: ocrMode)
        var pages = texts.enumerated().map { index, page in
            Page(number: index + 1, text: page.unreadable ? Self.unreadPageText(index + 1) : page.text, ocrConfidence: nil)
        }
        let toRecognize = texts.indices.filter { texts[$0].needsOCR }
        try await withThrowingTaskGroup(of: (Int, OCRText).self) { group in
            for index in toRecognize {
                group.addTask { (index, try await extractor.recognize(path: path, page: index + 1, language: ocrLanguage)) }
            }
            for try await (index, result) in group {
                pages[index].text = result.text
                pages[index].ocrConfidence = result.confidence
            }
        }
        return (pages, toRecognize.count, texts.indices.filter { texts[$0].unreadable }.map { $0 + 1 })
    }

    /// What an unreadable page holds in the records (corpus's words, bracketed as an
    /// editor's note is).
    static func unreadPageText(_ number: Int) -> String {
        "[corpus: p. \(number) of this PDF could not be read; text may be missing here]\n"
    }

    /// Why each header block of a printed release (a PDF or a text file) did or did not
    /// open an email, as ingest decides it.
    public func splitDecisions(of path: String) async throws -> (decisions: [SplitDecision], lines: [PageLine]) {
        switch try FileKind.detect(path: path) {
        case .pdf, .image:
            let pages = try await pages(of: path).pages
            return (EmailSplitter.explain(pages), EmailSplitter.lines(pages))
        case .text:
            let text = TextDecoding.decode(try Data(contentsOf: URL(fileURLWithPath: path)), charset: nil)
            return (EmailSplitter.explain(text: text), EmailSplitter.lines(text: text))
        case .email, .mbox, .outlookMessage, .outlookMailbox:
            throw FileKind.Unsupported(description: "an email file: its headers say where each message starts, nothing to split")
        case .archive:
            throw FileKind.Unsupported(description: "an archive: unpack it and explain the file inside")
        }
    }

    /// An email followed by the records read from its attachments (PDF, email, text,
    /// and those inside an attached archive), linked both ways. Other attachments are
    /// listed on the email with the reason they are no record. `index` tells apart the
    /// messages of an mbox that have no Message-ID.
    private func messageRecords(_ message: EmailMessage, file: SourceFile, index: Int?) async throws
        -> (records: [Record], pages: Int, ocrPages: Int)
    {
        var parent = builder.record(fromEmail: message, file: file, index: index)
        var children: [Record] = []
        var pageCount = 0, ocrCount = 0
        for attachment in message.attachments {
            let read = try await attachmentRecords(attachment.data, name: attachment.filename, type: attachment.contentType, of: file, depth: 0)
            parent.unreadAttachments += read.unread
            pageCount += read.pages
            ocrCount += read.ocrPages
            for (j, (var record, isMessage)) in read.records.enumerated() {
                // (An attached message keeps its own id, so that it is the same message found
                // elsewhere; an attached copy of the email itself, or its headers alone, never
                // takes the email's.)
                if !isMessage || record.id == parent.id, let sha256 = read.sha256 {
                    record.id = RecordID.make(parent: parent.id, attachment: sha256, record: j)
                }
                record.parent = parent.id
                // (The same file attached twice is one record, found under both names.)
                if let same = children.firstIndex(where: { $0.id == record.id }) {
                    if children[same].source != record.source { children[same].otherSources.append(record.source) }
                } else {
                    children.append(record)
                }
            }
        }
        parent.attachments = children.map(\.id)
        return ([parent] + children, pageCount, ocrCount)
    }

    /// What one attachment gives: its records (each marked when it is a message of its
    /// own), pages, and what is listed unread.
    private struct AttachmentRead {
        /// The attachment's SHA-256, when it was read (it gives no record otherwise).
        var sha256: String?
        var records: [(Record, isMessage: Bool)] = []
        var pages = 0, ocrPages = 0
        var unread: [UnreadAttachment] = []
    }

    /// The records of an attachment named `name` ("scan.pdf"; a member of an attached
    /// archive "production.zip!/part2/scan.pdf").
    private func attachmentRecords(_ data: Data, name: String, type: String, of file: SourceFile, depth: Int) async throws -> AttachmentRead {
        func unread(_ reason: String) -> AttachmentRead {
            AttachmentRead(unread: [UnreadAttachment(name: name, type: type, size: data.count, reason: reason)])
        }
        let kind: FileKind
        do {
            kind = try FileKind.detect(data: data, name: (name as NSString).lastPathComponent)
        } catch {
            return unread("\(error)")
        }
        // (Mail attaches logos and photos far more often than scans; a TIFF is a fax or a scan.)
        if kind == .image, ImageFormat(head: data) != .tiff {
            return unread("an attached PNG or JPEG image: not OCR'd (a logo or a photo, most often); a scan given as a file is")
        }
        let child = SourceFile(path: file.path, sha256: FileHash.sha256(data), attachment: name, member: file.member)
        // PDFs, scans, Outlook messages and archives are read from a file: a copy, gone after.
        func withCopy<Result>(_ read: (String) async throws -> Result) async throws -> Result {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-attachment-\(UUID().uuidString)")
            try data.write(to: copy)
            defer { try? FileManager.default.removeItem(at: copy) }
            return try await read(copy.path)
        }
        do {
            switch kind {
            case .pdf, .image:
                let read: (records: [Record], pages: Int, ocrPages: Int, unreadPages: [String])
                do {
                    read = try await withCopy { try await pdfRecords($0, file: child) }
                } catch let error as PDFError {
                    throw error
                } catch {
                    return unread("\(error)")
                }
                return AttachmentRead(sha256: child.sha256, records: read.records.map { ($0, false) }, pages: read.pages, ocrPages: read.ocrPages,
                                      unread: read.unreadPages.map { UnreadAttachment(name: name, type: type, size: data.count, reason: $0) })
            case .email:
                return AttachmentRead(sha256: child.sha256, records: [(builder.record(fromEmail: EmailMessage(data), file: child), true)])
            case .outlookMessage:
                let mime = try await withCopy { try await extractor.outlookMessage(at: $0) }
                return AttachmentRead(sha256: child.sha256, records: [(builder.record(fromEmail: EmailMessage(mime), file: child), true)])
            case .text:
                return AttachmentRead(sha256: child.sha256, records: builder.records(fromText: TextDecoding.decode(data, charset: nil), file: child).map { ($0, false) })
            case .mbox:
                return unread("an mbox attached to an email is not read")
            case .outlookMailbox:
                return unread("an Outlook mailbox attached to an email is not opened; ingest it as a file of its own")
            case .archive:
                guard depth < maxArchiveDepth else {
                    return unread("an archive inside \(maxArchiveDepth) others: not opened (a decompression bomb is made so)")
                }
                var read = try await withCopy { try await attachedArchiveRecords($0, name: name, of: file, depth: depth) }
                read.sha256 = child.sha256
                return read
            }
        } catch let error as PDFError {
            return unread(error.reason)
        }
    }

    /// The members of an attached archive, each read as an attachment of its own.
    private func attachedArchiveRecords(_ path: String, name: String, of file: SourceFile, depth: Int) async throws -> AttachmentRead {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var read = AttachmentRead()
        for member in try await extractor.unpack(archive: path, into: folder.path, only: nil) {
            let memberName = name + "!/" + member.name
            guard let path = member.file else {
                read.unread.append(UnreadAttachment(name: memberName, type: "", size: 0, reason: member.refusal ?? "not unpacked"))
                continue
            }
            let part = try await attachmentRecords(try Data(contentsOf: URL(fileURLWithPath: path)), name: memberName, type: "", of: file, depth: depth + 1)
            try? FileManager.default.removeItem(atPath: path)
            read.records += part.records
            read.pages += part.pages
            read.ocrPages += part.ocrPages
            read.unread += part.unread
        }
        return read
    }
}
