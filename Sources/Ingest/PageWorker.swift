import Foundation

/// The poppler work that export and the reading room need after ingest — page counts,
/// page-range PDFs, page images — done by one `corpus-extract` worker, started on first
/// use and replaced when it fails, so that a hostile file costs one answer, not the
/// server. Calls are serialised; they are rare (one per page range or uncached image).
public final class PageWorker: @unchecked Sendable {
    private let executable: String
    private let timeLimit: Double
    private let lock = NSLock()
    private var worker: WorkerProcess?

    public init(executable: String = WorkerPool.defaultExecutable, timeLimit: Double = 120) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    deinit { worker?.stop() }

    public func pageCount(of path: String) throws -> Int {
        guard let count = try call(.init(operation: .pageCount, path: path)).pageCount else {
            throw PDFError(path: path, reason: "worker gave no page count")
        }
        return count
    }

    /// Writes pages first...last (1-based, inclusive) of the PDF at path as a PDF of their own.
    public func writePages(of path: String, _ first: Int, _ last: Int, to output: String) throws {
        _ = try call(.init(operation: .writePages, path: path, page: first, lastPage: last, output: output))
    }

    /// Renders page `index` (0-based) at `dpi` as a PNG file.
    public func writePNG(of path: String, page index: Int, dpi: Double, to output: String) throws {
        _ = try call(.init(operation: .writePNG, path: path, page: index, dpi: dpi, output: output))
    }

    private func call(_ request: WorkerMessage.Request) throws -> WorkerMessage.Response {
        try lock.withLock {
            let current = try worker ?? WorkerProcess(executable: executable)
            worker = current
            do {
                let response = try current.exchange(request, timeLimit: timeLimit)
                if let error = response.error { throw PDFError(path: request.path, reason: error) }
                return response
            } catch let failure as WorkerProcess.Failure {
                current.stop()
                worker = nil
                throw PDFError(path: request.path, reason: failure.description)
            }
        }
    }
}
