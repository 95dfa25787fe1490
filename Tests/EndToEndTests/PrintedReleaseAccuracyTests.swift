import Foundation
import TestSupport
import XCTest

/// Splitting and fields on printed releases nobody here laid out: accuracy/generate.py
/// draws layouts at random per seed (print styles, quoted history, page furniture and
/// stamps, fonts, scans), from evaluation seeds the splitter was never tuned on; the
/// built `corpus` ingests them and accuracy/score.py scores the records against the
/// generator's truth with issue 12's thresholds. `make accuracy` runs a larger draw.
final class PrintedReleaseAccuracyTests: XCTestCase {
    /// Evaluation seeds (1000 and up), and how many of them may be scans (OCR is slow).
    static let seeds = "1000-1011"
    static let maxScans = 3

    func testLayoutRandomisedReleasesMeetTheThresholds() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("accuracy-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Sample.packageRoot.appendingPathComponent("accuracy/run.sh").path, Self.seeds, String(Self.maxScans)]
        process.environment = ProcessInfo.processInfo.environment.merging(["CORPUS": CorpusBinary.path, "ACCURACY_OUT": out]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(printed)
        XCTAssertEqual(process.terminationStatus, 0, "below a threshold, or a step failed:\n" + printed)

        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/scores.json"))
        let scores = try XCTUnwrap((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["scores"] as? [String: [String: Any]])
        let bornDigital = try XCTUnwrap(scores["medium=born-digital"]?["emails"] as? Int)
        let scanned = try XCTUnwrap(scores["medium=scan"]?["emails"] as? Int)
        XCTAssertGreaterThanOrEqual(bornDigital, 50, "the draw scored too few born-digital emails to mean anything")
        XCTAssertGreaterThanOrEqual(scanned, 10, "the draw scored too few scanned emails to mean anything")
    }
}
