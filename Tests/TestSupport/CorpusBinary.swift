import Foundation

/// Runs the built `corpus` executable, as a user would.
public enum CorpusBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public var json: Any? {
            try? JSONSerialization.jsonObject(with: Data(stdout.utf8))
        }
    }

    /// `.build/debug/corpus` (or $CORPUS_BIN), built by `swift build` before the tests.
    public static var path: String {
        if let bin = ProcessInfo.processInfo.environment["CORPUS_BIN"], !bin.isEmpty { return bin }
        return Sample.packageRoot.appendingPathComponent(".build/debug/corpus").path
    }

    /// The `corpus-extract` worker beside it.
    public static var extractPath: String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("corpus-extract")
    }

    /// - executable: another copy of `corpus` (an installed one); run from `/` then.
    public static func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        if executable != nil { process.currentDirectoryURL = URL(fileURLWithPath: "/") }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        // stderr goes to a file, so that neither stream can fill up and block the process.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errPath)
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errPath)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder for an index.
    public static func temporaryIndex() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-test-\(UUID().uuidString)")
        return url.path
    }
}
