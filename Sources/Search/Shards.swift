import Foundation

/// An index spread over several Xapian databases — folders on this machine and
/// `xapian-tcpsrv` servers elsewhere — listed in a Xapian stub file, and read as one.
/// Each shard is an ordinary corpus index (`corpus ingest --shard K/N`); the stub is
/// read-only: ingest and saved searches go to a shard's own folder.
public enum Shards {
    /// How a stub's remote shards are waited for.
    public struct Options: Sendable {
        /// A remote shard that does not answer within this many seconds, when opened or
        /// in any later call, fails the command with an error naming it.
        public var timeout: Double
        /// Leave out a shard that cannot be opened (named in the answer) rather than fail.
        public var allowPartial: Bool

        public init(timeout: Double = 10, allowPartial: Bool = false) {
            self.timeout = timeout
            self.allowPartial = allowPartial
        }
    }

    /// The stub file `path` is or holds (a file, or a folder with Xapian's `XAPIANDB`
    /// stub in it); nil for an index folder.
    static func stubFile(at path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if !isFolder.boolValue { return path }
        let held = (path as NSString).appendingPathComponent("XAPIANDB")
        return FileManager.default.fileExists(atPath: held) ? held : nil
    }

    /// The refusal for a command that writes, given a stub.
    static func readOnly(_ path: String) -> IndexError {
        IndexError(kind: .database, message: """
            \(path) lists shards, read together but not written through: ingest into a shard's own index \
            folder (corpus ingest --index SHARD --shard K/N), and save searches there
            """)
    }
}

extension XapianDatabase {
    /// A metadata key's value in each database read (one for an index folder).
    func metadataOfEach(_ key: String) throws -> [String] {
        shardCount == 1 ? [try metadata(key)] : try shardMetadata(key)
    }
}
