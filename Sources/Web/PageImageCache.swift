import Foundation
import Ingest
import Search
import Workers

/// Page images rendered through poppler (in a worker) once, then served from a folder of PNGs.
struct PageImageCache: Sendable {
    let folder: URL
    /// A page of an archive's member is drawn from the member, unpacked once.
    let members: MemberFiles
    static let dpi = 110.0

    func image(of source: Source, page: Int) async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(source.sha256)-\(page).png").path
        if !FileManager.default.fileExists(atPath: path) {
            // Each request renders to a file of its own: two first requests for one page
            // shared a ".tmp" and one of them failed. The first to finish puts it in place.
            let partial = path + ".\(UUID().uuidString).tmp"
            defer { try? FileManager.default.removeItem(atPath: partial) }
            let pdf = try await withCheckedThrowingContinuation { continuation in
                // (Unpacking waits on the worker: off the server's own threads.)
                DispatchQueue.global().async { continuation.resume(with: Result { try members.file(for: source).path }) }
            }
            try await members.worker.writePNG(of: pdf, page: page, dpi: Self.dpi, to: partial)
            if rename(partial, path) != 0, !FileManager.default.fileExists(atPath: path) {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return path
    }
}
