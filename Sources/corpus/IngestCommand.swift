import ArgumentParser
import Foundation
import Ingest
import Logging
import Search
import Workers

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add files or folders (PDF, .eml, .mbox, .txt) to the index.",
        discussion: "Files already in the index are skipped. Unreadable files are listed with the reason; the exit status is then 2.")

    @OptionGroup var index: IndexOptions

    @Argument(help: "Files or folders (read recursively).")
    var paths: [String]

    @Option(help: "Files read at once, and OCR workers (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var ocr: OCROptions

    @Option(help: ArgumentHelp("Your own agencies and vendors: CSV with header type,name,aliases,domains.", valueName: "FILE"))
    var entities: String?

    @Option(help: ArgumentHelp("Seconds one PDF, or one page's OCR, may take before the file is given up.", valueName: "SECONDS"))
    var timeout: Double = 300

    @Option(help: ArgumentHelp(
        "Records per commit: an interrupted ingest keeps every commit made. (default: 500, growing from an index of 75,000 records to 1,000 at 150,000)",
        valueName: "N"))
    var batch: Int?

    @Option(help: ArgumentHelp(
        "Ingest only shard K of N: the files, and the conversations of mail, a stable hash gives it (N machines each build one; a list of shards reads them as one).",
        valueName: "K/N"))
    var shard: String?

    @Flag(help: "Read again the files an earlier ingest could not read (else they are listed, not read).")
    var retryFailed = false

    @Flag(help: "Print a JSON summary on stdout.")
    var json = false

    // (What `make bench` times threading against: each record a thread of its own, no
    // copies or quotes joined. Not for use: a later ingest would join only its own.)
    @Flag(help: .hidden)
    var noConversations = false

    @Flag(name: .shortAndLong, help: "Say on stderr what happens to each file (instead of the progress bar).")
    var verbose = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
        if let shard {
            do { _ = try ShardAssignment(shard) } catch { throw ValidationError("--shard: \(error)") }
        }
    }

    func run() async throws {
        let report = try await reportingErrors { () -> IngestReport in
            var given: (csv: String, origin: String)?
            if let entities {
                guard let text = try? String(contentsOfFile: entities, encoding: .utf8) else {
                    throw fail("cannot read the entities file \(entities)")
                }
                given = (text, entities)
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = verbose ? .debug : .warning
                return handler
            }
            let writer = try IndexWriter(path: index.path, entities: given, batchSize: batch, conversations: !noConversations)
            let gazetteer = writer.gazetteer
            let pool = WorkerPool(size: jobs, timeLimit: timeout)
            var ingester = Ingester(extractor: pool, builder: RecordBuilder(gazetteer: gazetteer), ocrMode: ocr.ocr, jobs: jobs)
            ingester.retryFailed = retryFailed
            ingester.shard = try shard.map(ShardAssignment.init)
            ingester.ocrLanguage = ocr.language
            let progress = ProgressPrinter(quiet: verbose)
            let release = try writer.beginRelease()
            var report = try await ingester.run(paths: paths, into: writer) { progress.update($0) }
            await pool.shutdown()
            try writer.endRelease(files: report.files, records: report.records)
            try writer.close()
            progress.finish()
            report.release = release
            report.watches = try index.open().news(in: release)
            return report
        }
        for skipped in report.failedBefore {
            FileHandle.standardError.write(Data("corpus: not read again \(skipped.path): \(skipped.reason) (give --retry-failed to read it)\n".utf8))
        }
        for rejection in report.rejected {
            FileHandle.standardError.write(Data("corpus: rejected \(rejection.path): \(rejection.reason)\n".utf8))
        }
        if json {
            try printJSON(report)
        } else {
            print("""
                Ingested \(report.files) file(s) into \(index.path): \(report.records) record(s), \(report.pages) page(s), \
                \(report.ocrPages) OCR'd; \(report.skippedDuplicates) already indexed; \(report.rejected.count) rejected; \
                \(String(format: "%.1f", report.seconds)) s.
                """)
            if !report.failedBefore.isEmpty {
                print("\(report.failedBefore.count) file(s) an earlier ingest could not read were not read again (--retry-failed reads them).")
            }
            if report.sameMessageElsewhere > 0 {
                print("\(report.sameMessageElsewhere) message(s) were already indexed from another file: their records now name both files.")
            }
            if let shard, report.otherShards > 0 {
                print("\(report.otherShards) file(s) and message(s) belong to the other shards, not \(shard): ingest them there.")
            }
            if let release = report.release { print("This was release \(release) of the index: release:\(release) finds what it added.") }
            for watch in report.watches {
                print("Saved search \(watch.name): \(watch.new) new\(watch.ids.isEmpty ? "" : ": " + watch.ids.prefix(10).joined(separator: " ") + (watch.ids.count > 10 ? " …" : ""))")
            }
        }
        if !report.rejected.isEmpty { throw ExitCode(2) }
    }
}

extension OCRMode: ExpressibleByArgument {}

/// Progress on stderr: a bar redrawn in place on a terminal, a plain line every few
/// seconds otherwise (logs, CI).
final class ProgressPrinter: @unchecked Sendable {
    private let isTerminal = isatty(2) == 1
    /// Nothing printed (the log says more, file by file).
    private let quiet: Bool
    private var lastPrinted = Date()
    private var drewBar = false
    private let lock = NSLock()

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ p: IngestProgress) {
        guard !quiet else { return }
        lock.withLock {
            let now = Date()
            let interval = isTerminal ? 0.1 : 5
            let finalBar = isTerminal && p.filesDone == p.filesTotal
            guard now.timeIntervalSince(lastPrinted) >= interval || finalBar else { return }
            lastPrinted = now
            let rate = p.elapsed > 0 ? Double(p.report.pages + p.report.records) / p.elapsed : 0
            let remaining = p.filesDone > 0 ? p.elapsed / Double(p.filesDone) * Double(p.filesTotal - p.filesDone) : 0
            let counts = "\(p.filesDone)/\(p.filesTotal) files · \(p.report.pages) pages (\(p.report.ocrPages) OCR) · \(p.report.records) records · \(String(format: "%.1f", rate))/s · ETA \(Int(remaining)) s"
            if isTerminal {
                let width = 24
                let filled = p.filesTotal > 0 ? width * p.filesDone / p.filesTotal : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(counts)".utf8))
                drewBar = true
            } else {
                FileHandle.standardError.write(Data("ingest: \(counts)\n".utf8))
            }
        }
    }

    func finish() {
        lock.withLock {
            if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
