import Foundation
import Ingest

/// The child side of `WorkerMessage`: the `corpus-extract` executable runs this loop,
/// reading requests on stdin and answering on stdout, one at a time, until stdin closes.
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
        var engine: OCREngine?
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            var response = WorkerMessage.Response()
            do {
                let request = try JSONDecoder().decode(WorkerMessage.Request.self, from: Data(line.utf8))
                TestFault.trigger(for: request.path)
                switch request.operation {
                case .pageTexts:
                    response.pages = try PageExtractor.pageTexts(of: request.path, ocr: request.ocr ?? .auto)
                case .recognize:
                    if engine == nil { engine = try OCREngine() }
                    response.ocr = try PageExtractor.recognize(path: request.path, page: request.page ?? 0, engine: engine!)
                case .pageCount:
                    response.pageCount = try PDFDocument(path: request.path).pageCount
                case .writePages:
                    try PDFDocument(path: request.path).writePages(
                        request.page ?? 1, request.lastPage ?? request.page ?? 1, to: try output(of: request))
                case .writePNG:
                    try PDFDocument(path: request.path).writePNG(
                        page: request.page ?? 0, dpi: request.dpi ?? 72, to: try output(of: request))
                }
            } catch let error as PDFError {
                response.error = error.reason
            } catch {
                response.error = "\(error)"
            }
            var data = (try? encoder.encode(response)) ?? Data(#"{"error":"unencodable response"}"#.utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
        return 0
    }

    private static func output(of request: WorkerMessage.Request) throws -> String {
        guard let output = request.output else { throw PDFError(path: request.path, reason: "no output file given") }
        return output
    }
}

/// Faults for tests of worker isolation, active only with CORPUS_TEST_FAULTS=1 in the
/// environment: a file whose first KB holds "%corpus-test-fault:abort", ":hang",
/// ":memory" or ":killed" makes the worker crash, hang, allocate until the memory cap
/// stops it, as a hostile file can make poppler or Tesseract do, or die as the kernel's
/// out-of-memory killer would kill it.
enum TestFault {
    static let enabled = ProcessInfo.processInfo.environment["CORPUS_TEST_FAULTS"] == "1"

    static func trigger(for path: String) {
        guard enabled, let handle = FileHandle(forReadingAtPath: path),
              let head = try? handle.read(upToCount: 1024) else { return }
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("%corpus-test-fault:abort") { abort() }
        if text.contains("%corpus-test-fault:hang") { while true { sleep(60) } }
        if text.contains("%corpus-test-fault:killed") { kill(getpid(), SIGKILL) }
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
