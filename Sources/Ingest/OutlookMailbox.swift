import Foundation

/// An Outlook mailbox (`.pst`, or an Exchange `.ost`), opened by Debian's `readpst`
/// (libpst) in a process of its own: every message of every folder is written as an
/// .eml file in a folder tree mirroring the mailbox's, read from there one at a time.
public enum OutlookMailbox {
    static let readpst = "/usr/bin/readpst"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One message readpst wrote: the mailbox folder it was in ("Personal folders/Inbox")
    /// and its number there.
    public struct Message {
        var file: URL
        var folder: String
        var number: Int
        /// Where it is in the mailbox, as a record's `source.member` says it: "!/Personal folders/Inbox#12".
        var member: String { "!/\(folder)#\(number)" }
    }

    /// How many bytes short of its declared end the mailbox is, when it was cut off (the
    /// header's ibFileEof, [MS-PST] 2.2.2.5: 8 bytes at 184 in a Unicode file, wVer 23 or
    /// more; 4 at 168 in an ANSI one, wVer 14 or 15). readpst reads a cut-off mailbox
    /// without a word, and the messages in the missing part are gone.
    static func missingBytes(_ path: String) -> (size: UInt64, declared: UInt64)? {
        guard let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 512),
              let size = try? handle.seekToEnd() else { return nil }
        try? handle.close()
        guard head.count >= 192 else { return nil }
        func value(at offset: Int, bytes: Int) -> UInt64 {
            (0..<bytes).reduce(UInt64(0)) { $0 | UInt64(head[head.startIndex + offset + $1]) << (8 * UInt64($1)) }
        }
        let version = value(at: 10, bytes: 2)
        let declared = version >= 23 ? value(at: 184, bytes: 8) : version == 14 || version == 15 ? value(at: 168, bytes: 4) : 0
        return declared > size ? (size, declared) : nil
    }

    /// The .eml file `export` wrote into `folder` for the message at `member` ("Personal folders/Inbox#12").
    public static func messageFile(in folder: URL, member: String) -> URL? {
        guard let hash = member.lastIndex(of: "#"), let number = Int(member[member.index(after: hash)...]) else { return nil }
        return folder.appendingPathComponent("mailbox").appendingPathComponent(String(member[..<hash])).appendingPathComponent("\(number).eml")
    }

    /// Writes every message of the mailbox into `folder` (waiting for readpst: call it off
    /// the cooperative threads); returns them in folder order and the other items
    /// (contacts, appointments, notes) by kind, which are no emails.
    @discardableResult
    public static func export(_ path: String, into folder: URL) throws -> (messages: [Message], otherItems: [String: Int]) {
        guard FileManager.default.isExecutableFile(atPath: readpst) else {
            throw Failure(description: "an Outlook mailbox: reading it needs readpst (Debian package pst-utils; make deps installs it)")
        }
        let errors = folder.appendingPathComponent(".readpst-errors")
        let output = folder.appendingPathComponent("mailbox")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else { throw Failure(description: "cannot write in \(folder.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: readpst)
        // -e: each message an .eml file in a folder per mailbox folder; -q: errors only;
        // -j 0: one process (readpst's parallel jobs lose a message now and then, 20–100
        // of 50,000, with no word said).
        process.arguments = ["-q", "-e", "-j", "0", "-o", output.path, path]
        process.standardInput = FileHandle.nullDevice
        // (readpst says why it failed on standard output, "Could not get root record".)
        let said = try FileHandle(forWritingTo: errors)
        defer { try? said.close() }
        process.standardOutput = said
        process.standardError = said
        try process.run()
        // A hostile mailbox may hang readpst: it gets an hour for each 10 GB, at least one.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let limit = 3600.0 * Double(max(1, size / (10 << 30) + 1))
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        let status = process.terminationStatus
        if status != 0 || process.terminationReason == .uncaughtSignal {
            let reason = (try? String(contentsOf: errors, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            let how = process.terminationReason != .uncaughtSignal ? "failed (status \(status))"
                : status == SIGKILL ? "took longer than \(Int(limit / 60)) minutes and was stopped" : "crashed (signal \(status))"
            throw Failure(description: "not a readable Outlook mailbox: readpst \(how)\(reason.isEmpty ? "" : ": \(reason)")")
        }
        var messages: [Message] = []
        var other: [String: Int] = [:]
        let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = file.lastPathComponent
            let relative = String(file.deletingLastPathComponent().path.dropFirst(output.path.count + 1))
            if file.pathExtension == "eml", let number = Int(name.dropLast(4)) {
                messages.append(Message(file: file, folder: relative, number: number))
            } else {
                other[kind(of: file), default: 0] += 1
            }
        }
        messages.sort { ($0.folder, $0.number) < ($1.folder, $1.number) }
        return (messages, other)
    }

    /// What a file readpst wrote for an item that is no email is, in a reporter's words.
    private static func kind(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "vcf": "contacts"
        case "ics": "calendar items"
        default: "other items"
        }
    }
}
