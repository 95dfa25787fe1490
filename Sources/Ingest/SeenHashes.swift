import Foundation

/// The hashes met in this run, so that two copies of a file in one ingest count once.
final class SeenHashes: @unchecked Sendable {
    private var hashes = Set<String>()
    private let lock = NSLock()

    /// False when the hash was already there.
    func insert(_ sha: String) -> Bool {
        lock.withLock { hashes.insert(sha).inserted }
    }
}
