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
        var seenFiles = Set<String>()
        var seenFolders = Set<String>()
        let fm = FileManager.default

        func visit(_ path: String, explicit: Bool) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if !explicit, name.hasPrefix(".") || ["Thumbs.db", "desktop.ini", "__MACOSX"].contains(name) { return }
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(Problem(path: path, reason: explicit ? "no such file or folder" : "broken link"))
                return
            }
            let real = realPath(path)
            if isFolder.boolValue {
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

    /// The file a path names, its links followed (realpath(3): NSString's
    /// resolvingSymlinksInPath was a twentieth of ingesting a maildir).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
