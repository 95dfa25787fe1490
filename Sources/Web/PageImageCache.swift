import Foundation
import Ingest
import Workers

/// Page images rendered through poppler (in a worker) once, then served from a folder of PNGs.
struct PageImageCache: Sendable {
    let folder: URL
    let worker: PageWorker
    static let dpi = 110.0

    func image(of source: Source, page: Int) async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(source.sha256)-\(page).png").path
        if !FileManager.default.fileExists(atPath: path) {
            // Each request renders to a file of its own: two first requests for one page
            // shared a ".tmp" and one of them failed. The first to finish puts it in place.
            let partial = path + ".\(UUID().uuidString).tmp"
            defer { try? FileManager.default.removeItem(atPath: partial) }
            try await worker.writePNG(of: source.path, page: page, dpi: Self.dpi, to: partial)
            if rename(partial, path) != 0, !FileManager.default.fileExists(atPath: path) {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return path
    }
}
