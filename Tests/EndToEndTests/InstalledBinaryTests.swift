import Foundation
import TestSupport
import XCTest

/// `corpus` installed as the README says (both executables side by side, anywhere) works
/// with nothing of the build folder: the built-in entity list is compiled in.
final class InstalledBinaryTests: XCTestCase {
    func testAnInstalledCopyIngestsAndTagsFromAnywhere() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID())")
        let bin = prefix.appendingPathComponent("bin")
        let index = CorpusBinary.temporaryIndex()
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(atPath: index)
        }
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for executable in [CorpusBinary.path, CorpusBinary.extractPath] {
            try FileManager.default.copyItem(atPath: executable,
                                             toPath: bin.appendingPathComponent((executable as NSString).lastPathComponent).path)
        }
        let installed = bin.appendingPathComponent("corpus").path
        let ingest = try CorpusBinary.run(["ingest", "--index", index, Sample.path("email/2019-06-25_meeting_request.eml"),
                                           Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")], executable: installed)
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let found = try CorpusBinary.run(["search", "--index", index, "vendor:\"Clearview AI\"", "--json"], executable: installed)
        XCTAssertGreaterThan((found.json as? [String: Any])?["total"] as? Int ?? 0, 0, found.stdout + found.stderr)
    }

    func testVersionSaysWhichIndexLayoutItReads() throws {
        let result = try CorpusBinary.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("corpus "), result.stdout)
        XCTAssertTrue(result.stdout.contains("(index layout "), result.stdout)
    }
}
