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

    func testEntitiesGivenAtIngestServeEveryLaterCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID())")
        let index = CorpusBinary.temporaryIndex()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("later"), withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(atPath: index)
        }
        let csv = folder.appendingPathComponent("entities.csv").path
        try Data("type,name,aliases,domains\nvendor,Acme Vision,AcmeVision,acmevision.example\n".utf8).write(to: URL(fileURLWithPath: csv))
        func message(_ from: String) -> Data {
            Data("From: \(from)\r\nTo: desk@nypd.org\r\nSubject: Pilot\r\nDate: Mon, 2 Mar 2020 10:00:00 -0500\r\n\r\nThe pilot.\r\n".utf8)
        }
        try message("Jane Roe <jane@acmevision.example>").write(to: folder.appendingPathComponent("first.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.appendingPathComponent("first.eml").path, "--entities", csv]).status, 0)
        try message("Sam Poe <sam@acmevision.example>").write(to: folder.appendingPathComponent("later/second.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.appendingPathComponent("later").path]).status, 0)

        let found = try CorpusBinary.run(["search", "--index", index, "vendor:\"Acme Vision\"", "--json"])
        XCTAssertEqual((found.json as? [String: Any])?["total"] as? Int, 2, "a later ingest tags with the stored list too")
        let people = try CorpusBinary.run(["people", "--index", index, "", "--json"])
        XCTAssertEqual(people.status, 0, people.stderr)
        let jane = ((people.json as? [String: Any])?["people"] as? [[String: Any]])?.first { ($0["addresses"] as? [String])?.contains("jane@acmevision.example") == true }
        XCTAssertEqual(jane?["vendor"] as? String, "Acme Vision", people.stdout)
    }
}
