import Foundation
import Ingest
import Workers

/// The file on disk behind a record: its source file itself, or, for a record read from
/// an archive's member ("release.zip!/part2/x.pdf", nested "!/a.zip!/b.pdf"), that member
/// unpacked again through a worker into `folder`, once, and kept there for the next ask.
public struct MemberFiles: Sendable {
    public let folder: URL
    public let worker: PageWorker

    public init(folder: URL, worker: PageWorker) {
        self.folder = folder
        self.worker = worker
    }

    /// The file holding the source's bytes, and what is left of its member: "#17" (a
    /// message of an mbox), or nil.
    public func file(for source: Source) throws -> (path: String, member: String?) {
        guard let member = source.member, member.hasPrefix("!/") else { return (source.path, source.member) }
        let hops = Array(member.components(separatedBy: "!/").dropFirst())
        var current = source.path
        var rest: String?
        for (index, hop) in hops.enumerated() {
            // A message of an mbox member: "mail.mbox#17" is the member "mail.mbox" (tried
            // second: a member's own name may hold a "#").
            var names = [(hop, nil as String?)]
            if index == hops.count - 1, let hash = hop.lastIndex(of: "#"), Int(hop[hop.index(after: hash)...]) != nil {
                names.append((String(hop[..<hash]), String(hop[hash...])))
            }
            let chain = source.path + "!/" + hops.prefix(index).map { $0 + "!/" }.joined()
            var found: String?
            var failure: Error?
            for (name, position) in names where found == nil {
                let folder = self.folder.appendingPathComponent(FileHash.sha256(Data((chain + name).utf8)))
                if let kept = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first {
                    found = folder.appendingPathComponent(kept).path
                } else {
                    // Unpacked beside, then moved in whole: a page asked for twice at once
                    // never reads a member half written.
                    let partial = folder.appendingPathExtension(UUID().uuidString + ".tmp")
                    defer { try? FileManager.default.removeItem(at: partial) }
                    do {
                        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
                        let file = try worker.unpack(name, of: current, into: partial.path)
                        _ = rename(partial.path, folder.path)
                        found = folder.appendingPathComponent((file as NSString).lastPathComponent).path
                    } catch {
                        failure = failure ?? error
                    }
                }
                if found != nil { rest = position }
            }
            guard let found else { throw failure ?? PDFError(path: source.path, reason: "no member \(hop)") }
            current = found
        }
        return (current, rest)
    }

    /// The member's own file name ("x.pdf" of "!/part2/x.pdf"), or nil for a whole file.
    public static func memberName(of source: Source) -> String? {
        guard let member = source.member, member.hasPrefix("!/"), let last = member.components(separatedBy: "!/").last else { return nil }
        return (last as NSString).lastPathComponent
    }
}
