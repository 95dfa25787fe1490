import Foundation
import Ingest
import Workers
import ZIPFoundation

public enum ExportFormat: String, Sendable, CaseIterable {
    case zip, dir
}

/// What an export wrote.
public struct ExportSummary: Encodable, Sendable {
    public var records: Int
    public var originals: Int
    public var pageRanges: Int
    public var path: String

    enum CodingKeys: String, CodingKey {
        case records, originals, path
        case pageRanges = "page_ranges"
    }
}

public struct ExportError: Error, CustomStringConvertible {
    public var description: String
}

/// Everything matching a query, for a lawyer or an editor: manifest.csv (one row a
/// record; UTF-8 with a byte-order mark so spreadsheets read it right), records.jsonl
/// (whole records with text), and files/ with the originals and, for each record split
/// out of a larger PDF, its own pages as a PDF. Records stream through in batches, so
/// memory stays flat however many match. Page ranges are cut by `pages`, a
/// `corpus-extract` worker.
extension SearchIndex {
    public func export(query: String, to path: String, format: ExportFormat, force: Bool = false,
                       pages: PageWorker = PageWorker()) throws -> ExportSummary {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: path)
        if fm.fileExists(atPath: out.path) {
            guard force else { throw ExportError(description: "\(path) already exists; give --force to replace it") }
            // --force replaces an earlier export, never a folder or file of the reporter's.
            guard Self.isExport(out) else {
                throw ExportError(description: "\(path) is not an export corpus wrote (it has no \(Self.marker)); --force replaces only those: choose another --out")
            }
            try fm.removeItem(at: out)
        }
        let folder = format == .dir ? out : fm.temporaryDirectory.appendingPathComponent("corpus-export-\(UUID().uuidString)")
        defer { if format == .zip { try? fm.removeItem(at: folder) } }
        let files = folder.appendingPathComponent("files")
        try fm.createDirectory(at: files.appendingPathComponent("pages"), withIntermediateDirectories: true)
        guard fm.createFile(atPath: folder.appendingPathComponent(Self.marker).path,
                            contents: Data("Written by corpus export; corpus export --force may replace this folder.\n".utf8))
        else { throw ExportError(description: "cannot write in \(folder.path)") }

        let manifestURL = folder.appendingPathComponent("manifest.csv")
        let recordsURL = folder.appendingPathComponent("records.jsonl")
        guard fm.createFile(atPath: manifestURL.path, contents: Data([0xEF, 0xBB, 0xBF])),
              fm.createFile(atPath: recordsURL.path, contents: nil)
        else { throw ExportError(description: "cannot write in \(folder.path)") }
        let manifest = try FileHandle(forWritingTo: manifestURL)
        let jsonl = try FileHandle(forWritingTo: recordsURL)
        defer {
            try? manifest.close()
            try? jsonl.close()
        }
        manifest.seekToEndOfFile()
        manifest.write(Data("id,kind,date,from,to,subject,agencies,vendors,source_path,source_member,attachment,pages,sha256,original,file,also_in\r\n".utf8))

        var summary = ExportSummary(records: 0, originals: 0, pageRanges: 0, path: path)
        var written: [String: String] = [:] // an original's sha256, or sha256 and pages → its name in files/
        var pageCounts: [String: Int] = [:] // a PDF's sha256 → its number of pages
        // (Archive members are unpacked again here, each once, and gone with the export.)
        let members = MemberFiles(folder: fm.temporaryDirectory.appendingPathComponent("corpus-export-members-\(UUID().uuidString)"), worker: pages)
        defer { try? fm.removeItem(at: members.folder) }
        try forEachRecord(matching: query) { record in
            let original = try exportOriginal(of: record, into: files, members: members, written: &written, summary: &summary)
            let file = try exportPages(of: record, into: files, members: members, written: &written,
                                          pageCounts: &pageCounts, summary: &summary) ?? original
            let person = { (c: Correspondent) in c.address ?? c.name ?? "" }
            // (The other files the same message was found in, with their pages.)
            let alsoIn = record.otherSources.map { $0.citation() }
            let row: [String] = [record.id, record.kind.rawValue, record.date?.description ?? "", record.from.map(person) ?? "",
                       (record.to + record.cc).map(person).joined(separator: "; "), record.subject ?? "",
                       record.agencies.joined(separator: "; "), record.vendors.joined(separator: "; "), record.source.path,
                       record.source.member ?? "", record.source.attachment ?? "", record.source.pages.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "",
                       record.source.sha256, original ?? "", file ?? "", alsoIn.joined(separator: "; ")]
            manifest.write(Data((row.map(CSVField.escape).joined(separator: ",") + "\r\n").utf8))
            var line = RecordCoding.json(record)
            line.append(0x0A)
            jsonl.write(line)
            summary.records += 1
        }
        if format == .zip {
            try manifest.close()
            try jsonl.close()
            try fm.zipItem(at: folder, to: out, shouldKeepParent: false)
        }
        return summary
    }

    /// The file every export holds (in its folder, or as a zip entry): what `--force` may replace.
    static let marker = ".corpus-export"

    static func isExport(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return false }
        if isFolder.boolValue { return FileManager.default.fileExists(atPath: url.appendingPathComponent(marker).path) }
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else { return false }
        return archive[marker] != nil
    }

    /// An attachment's name as the sender wrote it may hold folders ("/evil/filename",
    /// "../../.bashrc"): only its last part is used, so that the export writes inside its folder.
    static func fileName(forAttachment name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = String(last.drop(while: { $0 == "." }).prefix(200))
        return trimmed.isEmpty ? "attachment" : trimmed
    }

    /// A record's pages as a PDF of their own, when it is one of several records in a
    /// PDF (records on the same pages share one). Returns its path inside the export.
    private func exportPages(of record: Record, into files: URL, members: MemberFiles, written: inout [String: String],
                             pageCounts: inout [String: Int], summary: inout ExportSummary) throws -> String? {
        guard record.source.attachment == nil, let pages = record.source.pages,
              FileManager.default.fileExists(atPath: record.source.path) else { return nil }
        let key = "\(record.source.sha256):\(pages.lowerBound)-\(pages.upperBound)"
        if let existing = written[key] { return existing }
        guard let pdf = try? members.file(for: record.source).path else { return nil }
        // Asked once a PDF: every email split out of it comes here.
        let pageCount = try pageCounts[record.source.sha256] ?? members.worker.pageCount(of: pdf)
        pageCounts[record.source.sha256] = pageCount
        guard pages != 1...pageCount else { return nil }
        let fileName = MemberFiles.memberName(of: record.source) ?? (record.source.path as NSString).lastPathComponent
        let base = (fileName as NSString).deletingPathExtension
        let name = "files/pages/\(String(record.source.sha256.prefix(8)))_\(base)_p\(pages.lowerBound)-\(pages.upperBound).pdf"
        try members.worker.writePages(of: pdf, pages.lowerBound, pages.upperBound,
                                      to: files.deletingLastPathComponent().appendingPathComponent(name).path)
        written[key] = name
        summary.pageRanges += 1
        return name
    }

    /// The original file a record came from, copied once (an attachment is taken out
    /// of its email again, an archive's member out of its archive). Returns its path
    /// inside the export, or nil when it is gone.
    private func exportOriginal(of record: Record, into files: URL, members: MemberFiles, written: inout [String: String],
                                summary: inout ExportSummary) throws -> String? {
        // (The messages of an Outlook mailbox share its hash; each is a file of its own.)
        let key = MemberFiles.isMailboxMessage(record.source) && record.source.attachment == nil
            ? FileHash.sha256(Data((record.source.sha256 + (record.source.member ?? "")).utf8)) : record.source.sha256
        if let existing = written[key] { return existing }
        let name = record.source.attachment.map(Self.fileName(forAttachment:))
            ?? MemberFiles.memberName(of: record.source).map(Self.fileName(forAttachment:))
            ?? (record.source.path as NSString).lastPathComponent
        let target = "files/" + String(key.prefix(8)) + "_" + name
        let destination = files.deletingLastPathComponent().appendingPathComponent(target)
        guard FileManager.default.fileExists(atPath: record.source.path), let (path, member) = try? members.file(for: record.source) else {
            return nil
        }
        if let attachment = record.source.attachment {
            guard let message = try? EmailMessage.read(path: path, member: member) else { return nil }
            // (Found by its hash: two attachments may share a name, "attachment" most often;
            // a member of an attached archive, "production.zip!/scan.pdf", is unpacked again.)
            let names = attachment.components(separatedBy: "!/")
            if names.count > 1 {
                guard let archive = message.attachments.first(where: { $0.filename == names[0] }) else { return nil }
                let copy = members.folder.appendingPathComponent("attachment-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: members.folder, withIntermediateDirectories: true)
                try archive.data.write(to: copy)
                guard let file = try? members.unpack(Array(names.dropFirst()), of: copy.path) else { return nil }
                try FileManager.default.copyItem(atPath: file, toPath: destination.path)
            } else {
                guard let bytes = message.attachments.first(where: { FileHash.sha256($0.data) == record.source.sha256 })?.data else { return nil }
                try bytes.write(to: destination)
            }
        } else {
            try FileManager.default.copyItem(atPath: path, toPath: destination.path)
        }
        written[key] = target
        summary.originals += 1
        return target
    }
}
