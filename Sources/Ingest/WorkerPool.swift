import Foundation

/// Runs extraction in worker processes (`corpus-extract`), one per core, each fed one
/// request at a time. A worker that crashes, hangs past the time limit or exits is
/// replaced, and only the request it was serving fails.
public actor WorkerPool: PDFExtracting {
    private let executable: String
    private let size: Int
    private let timeLimit: Double
    private var idle: [WorkerProcess] = []
    private var running = 0
    private var waiters: [CheckedContinuation<WorkerProcess, Error>] = []

    /// The `corpus-extract` executable: $CORPUS_EXTRACT, else the one beside the running
    /// executable (SwiftPM builds both into the same folder; so does an install).
    public static var defaultExecutable: String {
        if let path = ProcessInfo.processInfo.environment["CORPUS_EXTRACT"], !path.isEmpty { return path }
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ((running as NSString).deletingLastPathComponent as NSString).appendingPathComponent("corpus-extract")
    }

    /// - executable: the `corpus-extract` binary.
    /// - timeLimit: seconds one request may take before its worker is killed.
    public init(executable: String = WorkerPool.defaultExecutable, size: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeLimit: Double = 300) {
        self.executable = executable
        self.size = max(1, size)
        self.timeLimit = timeLimit
        // A worker that died while idle leaves a pipe with no reader: writing to it must
        // fail with EPIPE, which the pool handles, not kill this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    public func pageTexts(of path: String, ocr: OCRMode) async throws -> [PageText] {
        let response = try await call(.init(operation: .pageTexts, path: path, ocr: ocr))
        guard let pages = response.pages else { throw PDFError(path: path, reason: "worker gave no pages") }
        return pages
    }

    public func recognize(path: String, page: Int) async throws -> OCRText {
        let response = try await call(.init(operation: .recognize, path: path, page: page))
        guard let text = response.ocr else { throw PDFError(path: path, reason: "worker gave no OCR text") }
        return text
    }

    /// Stops every idle worker (their stdin closes and they exit).
    public func shutdown() {
        for worker in idle { worker.stop() }
        idle.removeAll()
    }

    private func call(_ request: WorkerMessage.Request) async throws -> WorkerMessage.Response {
        // A worker that died while idle (killed from outside) never saw the request: it
        // goes to a fresh worker, once. A worker that dies on the request costs the file.
        for attempt in 0..<2 {
            let worker = try await checkout()
            do {
                let response = try await worker.send(request, timeLimit: timeLimit)
                checkin(worker)
                if let error = response.error { throw PDFError(path: request.path, reason: error) }
                return response
            } catch let error as WorkerProcess.Failure {
                retire(worker)
                if error.beforeRequest, attempt == 0 { continue }
                throw PDFError(path: request.path, reason: error.description)
            }
        }
        throw PDFError(path: request.path, reason: "the extraction worker could not be reached")
    }

    private func checkout() async throws -> WorkerProcess {
        if let worker = idle.popLast() { return worker }
        if running < size {
            running += 1
            do {
                return try WorkerProcess(executable: executable)
            } catch {
                running -= 1
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func checkin(_ worker: WorkerProcess) {
        if waiters.isEmpty {
            idle.append(worker)
        } else {
            waiters.removeFirst().resume(returning: worker)
        }
    }

    /// A failed worker is stopped; the next waiter gets a fresh one.
    private func retire(_ worker: WorkerProcess) {
        worker.stop()
        running -= 1
        guard !waiters.isEmpty else { return }
        let waiter = waiters.removeFirst()
        running += 1
        do {
            waiter.resume(returning: try WorkerProcess(executable: executable))
        } catch {
            running -= 1
            waiter.resume(throwing: error)
        }
    }
}

/// One `corpus-extract` child process and its pipes.
final class WorkerProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The worker was gone before it could read the request.
        var beforeRequest = false
    }

    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    private let queue = DispatchQueue(label: "corpus.worker")

    init(executable: String) throws {
        let stdinPipe = Pipe(), stdoutPipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        var environment = ProcessInfo.processInfo.environment
        // Must be set before libtesseract loads: Tesseract's own threads fight the
        // one-worker-per-core model and make OCR ~7× slower.
        environment["OMP_THREAD_LIMIT"] = "1"
        // The worker exits when this process is gone, even if that happens before it starts.
        environment["CORPUS_PARENT_PID"] = String(getpid())
        process.environment = environment
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        // poppler writes syntax warnings for damaged files; the reason reaches the
        // user through the response instead.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start the extraction worker \(executable): \(error.localizedDescription)")
        }
        input = stdinPipe.fileHandleForWriting
        output = stdoutPipe.fileHandleForReading
    }

    func send(_ request: WorkerMessage.Request, timeLimit: Double) async throws -> WorkerMessage.Response {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try self.exchange(request, timeLimit: timeLimit) }) }
        }
    }

    /// Sends one request and waits for its answer; the worker is killed when it takes
    /// longer than timeLimit seconds. Throws `Failure` when the worker is gone.
    func exchange(_ request: WorkerMessage.Request, timeLimit: Double) throws -> WorkerMessage.Response {
        var line = try JSONEncoder().encode(request)
        line.append(0x0A)
        guard process.isRunning else {
            throw Failure(description: "the extraction worker had exited", beforeRequest: true)
        }
        let pid = process.processIdentifier
        // Whether our timer killed it: a SIGKILL from anyone else (the kernel's
        // out-of-memory killer) is no timeout.
        let timedOut = Flag()
        let timer = DispatchWorkItem {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        defer { timer.cancel() }
        do {
            try input.write(contentsOf: line)
        } catch {
            process.waitUntilExit()
            var failure = failure(timedOut: false)
            failure.beforeRequest = true
            throw failure
        }
        guard let reply = readLine() else {
            process.waitUntilExit()
            throw failure(timedOut: timedOut.isSet, limit: timeLimit)
        }
        do {
            return try JSONDecoder().decode(WorkerMessage.Response.self, from: reply)
        } catch {
            throw Failure(description: "the extraction worker answered garbage")
        }
    }

    private func failure(timedOut: Bool, limit: Double = 0) -> Failure {
        if timedOut { return Failure(description: "took longer than \(Int(limit)) s to read; skipped") }
        if process.isRunning { return Failure(description: "the extraction worker stopped answering") }
        if process.terminationReason == .uncaughtSignal {
            let name = process.terminationStatus == SIGKILL ? "was killed by the system (out of memory?)" : "crashed (signal \(process.terminationStatus))"
            return Failure(description: "the PDF reader \(name) on this file")
        }
        return Failure(description: "the extraction worker exited (status \(process.terminationStatus))")
    }

    /// One line from the worker's stdout; nil at end of file.
    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func stop() {
        try? input.close()
        if process.isRunning {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(pid, SIGKILL) }
        }
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
