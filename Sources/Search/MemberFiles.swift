import Foundation
import Ingest
import Workers

/// The file on disk behind a record: its source file itself, or, for a record read from
/// an archive's member ("release.zip!/part2/x.pdf", nested "!/a.zip!/b.pdf"), that member
/// unpacked again through a worker into `folder`, once, and kept there for the next ask;
/// for a message of an Outlook mailbox ("!/Personal folders/Inbox#12"), the .eml readpst
/// writes for it (the whole mailbox written once).
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
            if (try? FileKind.detect(path: current)) == .outlookMailbox {
                current = try mailboxMessage(hop, of: current, key: chain)
                continue
            }
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

    /// The file of a member of an archive (nested: one name per archive, outermost first),
    /// unpacked into a folder of its own under `folder`.
    public func unpack(_ names: [String], of archive: String) throws -> String {
        var current = archive
        for name in names {
            let target = folder.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            current = try worker.unpack(name, of: current, into: target.path)
        }
        return current
    }

    /// The .eml of the message at `member` of the mailbox at `path`.
    private func mailboxMessage(_ member: String, of path: String, key: String) throws -> String {
        let mailbox = folder.appendingPathComponent(FileHash.sha256(Data((key + "mailbox").utf8)))
        if !FileManager.default.fileExists(atPath: mailbox.path) {
            let partial = mailbox.appendingPathExtension(UUID().uuidString + ".tmp")
            defer { try? FileManager.default.removeItem(at: partial) }
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
            try OutlookMailbox.export(path, into: partial)
            _ = rename(partial.path, mailbox.path)
        }
        guard let file = OutlookMailbox.messageFile(in: mailbox, member: member), FileManager.default.fileExists(atPath: file.path) else {
            throw PDFError(path: path, reason: "no message \(member) in the mailbox")
        }
        return file.path
    }

    /// The member's own file name ("x.pdf" of "!/part2/x.pdf"), or nil for a whole file.
    /// A message of an mbox member is named by the mbox ("mail.mbox" of "!/mail.mbox#17"), a
    /// message of an Outlook mailbox by its folder and number ("Inbox-12.eml").
    public static func memberName(of source: Source) -> String? {
        guard let (name, number) = lastMember(of: source) else { return nil }
        guard let number else { return name }
        return isMailboxMessage(source) ? "\(name)-\(number).eml" : name
    }

    /// Whether the source is one message of an Outlook mailbox ("!/Personal folders/Inbox#12":
    /// a folder, not a file, before the number): a file of its own, unlike an mbox's message.
    public static func isMailboxMessage(_ source: Source) -> Bool {
        guard let (name, number) = lastMember(of: source), number != nil else { return false }
        return (name as NSString).pathExtension.isEmpty
    }

    private static func lastMember(of source: Source) -> (name: String, number: Int?)? {
        guard let member = source.member, member.hasPrefix("!/"), let last = member.components(separatedBy: "!/").last else { return nil }
        let name = (last as NSString).lastPathComponent
        guard let hash = name.lastIndex(of: "#"), let number = Int(name[name.index(after: hash)...]) else { return (name, nil) }
        return (String(name[..<hash]), number)
    }
}
