import Foundation
import Workers

/// The child side of `WorkerRequest`: the `corpus-extract` executable runs this loop,
/// reading requests on stdin and answering each with one reply, until stdin closes.
public enum ExtractionWorker {
    /// Address-space cap, so that a runaway allocation in a library fails this worker
    /// instead of exhausting the machine: 4 GB, or $CORPUS_WORKER_MEMORY_MB.
    static var memoryLimitBytes: rlim_t {
        let megabytes = ProcessInfo.processInfo.environment["CORPUS_WORKER_MEMORY_MB"].flatMap { rlim_t($0) } ?? 4096
        return megabytes << 20
    }

    public static func serve() -> Int32 {
        // A worker dies with the process that started it: a worker hung in a library must
        // not outlive a `corpus` that was killed. A thread of its own watches for the parent
        // to go (the worker is then handed to another process), from the pid it was given:
        // a parent killed while the worker was starting is gone already. (Swift cannot
        // call prctl.)
        let parent = ProcessInfo.processInfo.environment["CORPUS_PARENT_PID"].flatMap { pid_t($0) } ?? getppid()
        Thread.detachNewThread {
            while getppid() == parent { sleep(1) }
            _exit(1)
        }
        var limit = rlimit(rlim_cur: memoryLimitBytes, rlim_max: memoryLimitBytes)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        // Replies go out on a descriptor of their own, a copy of the pipe `corpus` reads;
        // standard output becomes standard error, so that whatever a library prints
        // cannot be taken for a reply.
        let replies = FileHandle(fileDescriptor: dup(STDOUT_FILENO), closeOnDealloc: true)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        var engine: OCREngine?
        while let line = readLine(strippingNewline: true) {
            let reply: WorkerReply
            do {
                let request = try WorkerLine.decode(WorkerRequest.self, from: Data(line.utf8))
                TestFault.trigger(for: request.path)
                reply = try answer(request, engine: &engine)
            } catch let error as PDFError {
                reply = .refused(reason: error.reason)
            } catch {
                reply = .refused(reason: "\(error)")
            }
            let data = (try? WorkerLine.encode(reply)) ?? Data(#"{"refused":{"reason":"unencodable reply"}}"#.utf8 + [0x0A])
            replies.write(data)
        }
        return 0
    }

    /// Does what one request asks (the engine is made on the first OCR request, and again
    /// when another language is asked for).
    static func answer(_ request: WorkerRequest, engine: inout OCREngine?) throws -> WorkerReply {
        switch request {
        case .pageTexts(let path, let ocr):
            return .pages(try PageExtractor.pageTexts(of: path, ocr: ocr))
        case .recognize(let path, let number, let language):
            if engine?.language != language { engine = try OCREngine(language: language) }
            return .text(try PageExtractor.recognize(path: path, page: number, engine: engine!))
        case .ocrLanguages:
            return .languages(try OCREngine.availableLanguages())
        case .pageCount(let path):
            return .pageCount(try pagedFile(at: path).pageCount)
        case .writePages(let path, let first, let last, let output):
            try pagedFile(at: path).writePages(first, last, to: output)
            return .written
        case .writePNG(let path, let number, let dpi, let output):
            try pagedFile(at: path).writePNG(page: number, dpi: dpi, to: output)
            return .written
        case .unpack(let path, let folder, let only):
            return .members(try ArchiveUnpacker.unpack(path, into: folder, only: only))
        case .outlookMessage(let path):
            return .mime(try OutlookMessageFile.mime(of: path))
        }
    }
}

/// Faults for tests of worker isolation, active only with CORPUS_TEST_FAULTS=1 in the
/// environment: a file whose first KB holds "%corpus-test-fault:abort", ":hang",
/// ":memory" or ":killed" makes the worker crash, hang, allocate until the memory cap
/// stops it, as a hostile file can make poppler or Tesseract do, or die as the kernel's
/// out-of-memory killer would kill it; ":chatter" makes it print on standard output, as
/// a library may, and go on.
enum TestFault {
    static let enabled = ProcessInfo.processInfo.environment["CORPUS_TEST_FAULTS"] == "1"

    static func trigger(for path: String) {
        guard enabled, let handle = FileHandle(forReadingAtPath: path),
              let head = try? handle.read(upToCount: 1024) else { return }
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("%corpus-test-fault:abort") { abort() }
        if text.contains("%corpus-test-fault:hang") { while true { sleep(60) } }
        if text.contains("%corpus-test-fault:killed") { kill(getpid(), SIGKILL) }
        if text.contains("%corpus-test-fault:chatter") {
            let line = "Syntax Warning: a library's own line\n"
            _ = line.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        }
        if text.contains("%corpus-test-fault:memory") {
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let block = malloc(256 << 20) else { abort() }
                memset(block, 1, 256 << 20)
                blocks.append(block)
            }
        }
    }
}
