import Foundation
import FuzzTargets
import TestSupport
import XCTest

/// What `make fuzz` drives, run without libFuzzer: the seeds each target starts from must be
/// read as what they are (a target that read nothing of them would fuzz nothing), and every
/// input that once crashed a parser (Crashes/<target>/) must now run through.
final class FuzzRegressionTests: XCTestCase {
    func testEachTargetReadsItsOwnSeeds() throws {
        for target in FuzzTarget.allCases {
            for seed in target.builtInSeeds {
                XCTAssertGreaterThan(target.run(seed), 0, "\(target): \(String(decoding: seed, as: UTF8.self))")
            }
        }
        XCTAssertEqual(FuzzTarget.addresses.run(Data("Karen O'Neill <karen.oneill@nypd.org>, \"Kaplan, David\" <david.kaplan@nypd.org>".utf8)), 2)
        XCTAssertEqual(FuzzTarget.worker.run(Data("{\"pageCount\":{\"_0\":3}}\n".utf8)), 1, "a reply, which is no request")
        XCTAssertEqual(FuzzTarget.query.run(Data("\"unbalanced".utf8)), 0)
        // A printed email laid out glyph by glyph, its quoted copy indented: one email a page,
        // read as a text layer and as OCR's words.
        XCTAssertEqual(FuzzTarget.layout.builtInSeeds.first.map(FuzzTarget.layout.run), 2)
        // The facet columns as the index wrote them give the facets the index's own values
        // give when the file is no columns file (a search then counts without it).
        let columns = try XCTUnwrap(FuzzTarget.facets.builtInSeeds.first)
        XCTAssertEqual(FuzzTarget.facets.run(columns), FuzzTarget.facets.run(Data("not columns".utf8)))
        XCTAssertEqual(FuzzTarget.facets.run(columns), FuzzTarget.facets.run(columns.dropLast(9) + Data(repeating: 0, count: 9)), "damaged: not used")
    }

    /// The sample's mail and printed releases, as scripts/fuzz.sh seeds the file targets.
    func testTheFileTargetsReadTheSamplesFiles() throws {
        let truth = Sample.truth
        let mbox = "email/vendor_outreach.mbox"
        XCTAssertEqual(FuzzTarget.mbox.run(try Data(contentsOf: URL(fileURLWithPath: Sample.path(mbox)))), truth.records(from: [mbox]).count)
        for eml in truth.recordFiles(under: ["email"]).filter({ $0.hasSuffix(".eml") }) {
            XCTAssertEqual(FuzzTarget.mime.run(try Data(contentsOf: URL(fileURLWithPath: Sample.path(eml)))), 1, eml)
        }
        // A printed release's text, pages apart: as many emails as it prints, read twice
        // (by pages and as one text).
        let pages = ["From: Karen O'Neill <karen.oneill@nypd.org>\nSent: Thursday, October 18, 2018 4:40 PM\nTo: David Kaplan <david.kaplan@nypd.org>\nSubject: Clearview demo today\n\nThe vendor matched two photos.\n",
                     "From: David Kaplan <david.kaplan@nypd.org>\nSent: Friday, October 19, 2018 9:02 AM\nTo: Karen O'Neill <karen.oneill@nypd.org>\nSubject: RE: Clearview demo today\n\nGood news.\n"]
        XCTAssertEqual(FuzzTarget.printed.run(Data(pages.joined(separator: "\u{0C}").utf8)), 4)
    }

    func testInputsThatOnceCrashedRunThrough() throws {
        let crashes = try XCTUnwrap(Bundle.module.url(forResource: "Crashes", withExtension: nil))
        var count = 0
        for target in FuzzTarget.allCases {
            let folder = crashes.appendingPathComponent(target.rawValue)
            for input in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
                target.run(try Data(contentsOf: input))
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 0, "the inputs are bundled with the tests")
    }
}
