import Foundation

/// Expands the paths given to `ingest` into regular files: folders recursively,
/// hidden and system files skipped, Xapian index folders skipped, each real file once
/// (symlink loops survived). Paths come out absolute, for provenance.
public enum FileWalker {
    public struct Problem: Sendable {
        public var path: String
        public var reason: String
    }

    public static func files(under paths: [String]) -> (files: [String], problems: [Problem]) {
        var files: [String] = []
        var problems: [Problem] = []
        // (Files and folders known by device and inode, as stat(2) gives them through any
        // links: one call a file, where resolving each path's links was five.)
        var seenFiles = Set<FileIdentity>()
        var seenFolders = Set<FileIdentity>()
        let fm = FileManager.default

        func visit(_ path: String, explicit: Bool) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if !explicit, name.hasPrefix(".") || ["Thumbs.db", "desktop.ini", "__MACOSX"].contains(name) { return }
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append(Problem(path: path, reason: explicit ? "no such file or folder" : "broken link"))
                return
            }
            let real = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if info.st_mode & S_IFMT == S_IFDIR {
                guard seenFolders.insert(real).inserted else { return }
                // An index inside the folder being ingested (./corpus-index) is not input.
                if fm.fileExists(atPath: (path as NSString).appendingPathComponent("iamglass")) { return }
                guard let entries = try? fm.contentsOfDirectory(atPath: path) else {
                    problems.append(Problem(path: path, reason: "folder cannot be read"))
                    return
                }
                for entry in entries.sorted() { visit((path as NSString).appendingPathComponent(entry), explicit: false) }
            } else if seenFiles.insert(real).inserted {
                files.append(path)
            }
        }
        let cwd = fm.currentDirectoryPath
        for path in paths {
            let absolute = path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path)
            visit((absolute as NSString).standardizingPath, explicit: true)
        }
        return (files, problems)
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
}
