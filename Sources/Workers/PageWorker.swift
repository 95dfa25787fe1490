import Foundation

/// The poppler work that export and the reading room need after ingest — page counts,
/// page-range PDFs, page images — done by one `corpus-extract` worker, started on first
/// use and replaced when it fails, so that a hostile file costs one answer, not the
/// server. Calls are serialised on a queue of its own; they are rare (one per page range
/// or uncached image). Pages are numbered from 1.
///
/// The plain methods block their caller (a command's own thread); the `async` ones wait
/// on the worker's queue, so that a request handler never holds a cooperative thread for
/// as long as a page may take.
public final class PageWorker: @unchecked Sendable {
    private let executable: String
    private let timeLimit: Double
    private let queue = DispatchQueue(label: "corpus.page-worker")
    // Touched on `queue` only.
    private var worker: WorkerProcess?

    public init(executable: String = WorkerPool.defaultExecutable, timeLimit: Double = 120) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    deinit { worker?.stop() }

    public func pageCount(of path: String) throws -> Int {
        guard case .pageCount(let count) = try call(.pageCount(path: path)) else { throw WorkerPool.unexpected(path) }
        return count
    }

    /// Writes pages first...last (inclusive) of the PDF at path as a PDF of their own.
    public func writePages(of path: String, _ first: Int, _ last: Int, to output: String) throws {
        try expectWritten(call(.writePages(path: path, first: first, last: last, output: output)), path)
    }

    /// Renders page `number` at `dpi` as a PNG file.
    public func writePNG(of path: String, page number: Int, dpi: Double, to output: String) async throws {
        let request = WorkerRequest.writePNG(path: path, page: number, dpi: dpi, output: output)
        let reply = try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try self.exchange(request) }) }
        }
        try expectWritten(reply, path)
    }

    /// Writes the member `name` of the archive at `path` into `folder`; returns its file.
    public func unpack(_ name: String, of path: String, into folder: String) throws -> String {
        guard case .members(let members) = try call(.unpack(path: path, folder: folder, only: name)) else { throw WorkerPool.unexpected(path) }
        guard let member = members.first(where: { $0.name == name }) else {
            throw PDFError(path: path, reason: "no member \(name) in the archive")
        }
        guard let file = member.file else { throw PDFError(path: path, reason: "\(name): \(member.refusal ?? "not unpacked")") }
        return file
    }

    private func expectWritten(_ reply: WorkerReply, _ path: String) throws {
        guard case .written = reply else { throw WorkerPool.unexpected(path) }
    }

    private func call(_ request: WorkerRequest) throws -> WorkerReply {
        try queue.sync { try exchange(request) }
    }

    /// Runs on `queue`.
    private func exchange(_ request: WorkerRequest) throws -> WorkerReply {
        let current = try worker ?? WorkerProcess(executable: executable)
        worker = current
        do {
            let reply = try current.exchange(request, timeLimit: timeLimit)
            if case .refused(let reason) = reply { throw PDFError(path: request.path, reason: reason) }
            return reply
        } catch let failure as WorkerFailure {
            current.stop()
            worker = nil
            throw PDFError(path: request.path, reason: failure.description)
        }
    }
}
