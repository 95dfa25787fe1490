import Foundation

/// Why a worker gave no answer. The file it was reading is to blame only for some of
/// these; `beforeRequest` failures never reached the file at all.
public enum WorkerFailure: Error, CustomStringConvertible, Equatable, Sendable {
    /// The executable could not be started.
    case cannotStart(executable: String, reason: String)
    /// The worker had exited (killed from outside while idle) before it read the request.
    case goneBeforeRequest
    /// Our timer killed it: the request took longer than `seconds`.
    case timedOut(seconds: Double)
    /// Killed by SIGKILL that was not our timer's: the kernel's out-of-memory killer.
    case killedBySystem
    /// Died of another signal while reading the file (poppler or Tesseract crashed).
    case crashed(signal: Int32)
    /// Exited by itself while reading the file.
    case exited(status: Int32)
    /// Its output closed while the process still runs.
    case stoppedAnswering
    /// An answer that is not a reply.
    case garbage

    /// The worker never saw the request: another worker may try it.
    public var beforeRequest: Bool {
        switch self {
        case .goneBeforeRequest, .cannotStart: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .cannotStart(let executable, let reason): "cannot start the extraction worker \(executable): \(reason)"
        case .goneBeforeRequest: "the extraction worker had exited"
        case .timedOut(let seconds): "took longer than \(Int(seconds)) s to read; skipped"
        case .killedBySystem: "the PDF reader was killed by the system (out of memory?) on this file"
        case .crashed(let signal): "the PDF reader crashed (signal \(signal)) on this file"
        case .exited(let status): "the extraction worker exited (status \(status))"
        case .stoppedAnswering: "the extraction worker stopped answering"
        case .garbage: "the extraction worker answered garbage"
        }
    }
}

/// One `corpus-extract` child process and its pipes. `exchange` blocks its caller until
/// the answer comes; `send` waits for it on a queue of the worker's own, off Swift's
/// cooperative threads.
final class WorkerProcess: @unchecked Sendable {
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
        // user through the reply instead.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw WorkerFailure.cannotStart(executable: executable, reason: error.localizedDescription)
        }
        input = stdinPipe.fileHandleForWriting
        output = stdoutPipe.fileHandleForReading
    }

    func send(_ request: WorkerRequest, timeLimit: Double) async throws -> WorkerReply {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try self.exchange(request, timeLimit: timeLimit) }) }
        }
    }

    /// Sends one request and waits for its reply; the worker is killed when it takes
    /// longer than timeLimit seconds. Throws `WorkerFailure` when the worker is gone.
    func exchange(_ request: WorkerRequest, timeLimit: Double) throws -> WorkerReply {
        let line = try WorkerLine.encode(request)
        guard process.isRunning else { throw WorkerFailure.goneBeforeRequest }
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
            throw WorkerFailure.goneBeforeRequest
        }
        guard let reply = readLine() else {
            process.waitUntilExit()
            throw failure(timedOut: timedOut.isSet, limit: timeLimit)
        }
        do {
            return try WorkerLine.decode(WorkerReply.self, from: reply)
        } catch {
            throw WorkerFailure.garbage
        }
    }

    private func failure(timedOut: Bool, limit: Double) -> WorkerFailure {
        if timedOut { return .timedOut(seconds: limit) }
        if process.isRunning { return .stoppedAnswering }
        if process.terminationReason == .uncaughtSignal {
            return process.terminationStatus == SIGKILL ? .killedBySystem : .crashed(signal: process.terminationStatus)
        }
        return .exited(status: process.terminationStatus)
    }

    /// One line from the worker's output; nil at end of file.
    private func readLine() -> Data? {
        // (Only the bytes not yet looked at are searched: a reply of many megabytes, an
        // Outlook message with its attachments, comes in thousands of chunks.)
        var searched = buffer.startIndex
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            searched = buffer.endIndex
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
