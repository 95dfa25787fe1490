import CArchive
import Foundation
import Workers

/// Unpacks an archive (ZIP, 7-Zip, tar plain or compressed, RAR, a lone gzip/bzip2/xz
/// file) through libarchive, member by member, into files named by their position —
/// never by the names the archive gives, which may climb out of any folder. Members that
/// are not safe or not readable are refused one by one, with the reason; the others are
/// kept.
enum ArchiveUnpacker {
    /// A member never grows past this on disk.
    static let maxMemberBytes: Int64 = 8 << 30
    /// A member that unpacks to more than `bombBytes` at more than `bombRatio` times the
    /// bytes it took in the archive is a decompression bomb (real releases' PDFs, scans
    /// and mail pack a few times smaller at most).
    static let bombBytes: Int64 = 256 << 20
    static let bombRatio: Int64 = 200

    static func unpack(_ path: String, into folder: String, only: String?) throws -> [ArchiveMember] {
        guard let archive = archive_read_new() else { throw PDFError(path: path, reason: "libarchive could not start") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_all(archive)
        archive_read_support_format_all(archive)
        // (A lone compressed file, "mail.mbox.gz", is one member: the "raw" format, tried last.)
        archive_read_support_format_raw(archive)
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw PDFError(path: path, reason: "not a readable archive: \(message(archive))")
        }
        var members: [ArchiveMember] = []
        var entry: OpaquePointer?
        var position = 0
        while true {
            let status = archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF { break }
            guard status >= ARCHIVE_WARN, let entry else {
                // A damaged or cut-off archive: what came before is kept.
                guard !members.isEmpty else { throw PDFError(path: path, reason: "not a readable archive: \(message(archive))") }
                members.append(ArchiveMember(name: "(after \(members.last!.name))",
                                             refusal: "the archive is damaged or cut off here: \(message(archive)); the members after this are lost"))
                break
            }
            position += 1
            let name = memberName(entry, in: archive, archivePath: path)
            if let only, name != only { continue }
            if let refusal = refusal(entry, name: name) {
                // (A folder is no member; it says nothing a reporter misses.)
                if refusal.isEmpty { continue }
                members.append(ArchiveMember(name: name, refusal: refusal))
            } else {
                let file = (folder as NSString).appendingPathComponent(diskName(position: position, name: name))
                let (member, fatal) = write(archive, name: name, to: file)
                members.append(member)
                if fatal { break }
            }
            if only != nil { break }
        }
        return members
    }

    /// Why a member is not unpacked ("" for a folder, skipped without a word), or nil.
    private static func refusal(_ entry: OpaquePointer, name: String) -> String? {
        // (libarchive's AE_IFDIR, AE_IFLNK, AE_IFREG: macros Swift does not import.)
        let type = archive_entry_filetype(entry)
        if type == 0o040000 { return "" }
        if archive_entry_is_encrypted(entry) != 0 { return "encrypted: it needs a password, which corpus does not have" }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if name.hasPrefix("/") || name.hasPrefix("\\") || parts.contains("..") || parts.first?.last == ":" {
            return "its path leaves the archive's folder (a path-traversal name): not unpacked"
        }
        if archive_entry_hardlink(entry) != nil || type == 0o120000 { return "a link to another file, not a file itself" }
        if type != 0o100000 { return "not a regular file (a device, pipe or socket)" }
        return nil
    }

    /// Writes one member's bytes to `file`. `fatal`: the archive cannot be read past it.
    private static func write(_ archive: OpaquePointer, name: String, to file: String) -> (ArchiveMember, fatal: Bool) {
        guard let output = fopen(file, "wb") else {
            return (ArchiveMember(name: name, refusal: "could not be written to \(file): \(String(cString: strerror(errno)))"), false)
        }
        var refusal: String?
        var fatal = false
        let packedStart = archive_filter_bytes(archive, -1)
        var written: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                fatal = count == ARCHIVE_FATAL
                refusal = "damaged or cut off: \(message(archive))"
                break
            }
            guard buffer.withUnsafeBytes({ fwrite($0.baseAddress, 1, count, output) }) == count else {
                refusal = "could not be written: \(String(cString: strerror(errno))) (is the disk full?)"
                break
            }
            written += Int64(count)
            let packed = max(1, archive_filter_bytes(archive, -1) - packedStart)
            if written > maxMemberBytes {
                refusal = "unpacks to more than \(maxMemberBytes >> 30) GB: not unpacked"
                break
            }
            if written > bombBytes, written > packed * bombRatio {
                refusal = "unpacks to over \(bombRatio) times its packed size (a decompression bomb): not unpacked"
                break
            }
        }
        fclose(output)
        if let refusal {
            unlink(file)
            return (ArchiveMember(name: name, refusal: refusal), fatal)
        }
        return (ArchiveMember(name: name, file: file), false)
    }

    /// The member's path as stored; a lone compressed file's is the archive's name less
    /// its compression suffix ("mail.mbox.gz" holds "mail.mbox").
    private static func memberName(_ entry: OpaquePointer, in archive: OpaquePointer, archivePath: String) -> String {
        let stored = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(decoding: Data(bytes: $0, count: strlen($0)), as: UTF8.self) }
            ?? ""
        guard archive_format(archive) == ARCHIVE_FORMAT_RAW else { return stored }
        let outer = (archivePath as NSString).lastPathComponent
        let ext = (outer as NSString).pathExtension.lowercased()
        return ["gz", "tgz", "bz2", "xz", "z", "lz", "lzma", "zst"].contains(ext) ? (outer as NSString).deletingPathExtension : outer + ".unpacked"
    }

    /// The file a member goes to: its position, and its extension (a hint to the
    /// format's detection, as a loose file's is).
    private static func diskName(position: Int, name: String) -> String {
        let ext = (name as NSString).pathExtension.filter { $0.isLetter || $0.isNumber }.prefix(10)
        return ext.isEmpty ? "\(position)" : "\(position).\(ext)"
    }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
    }
}
