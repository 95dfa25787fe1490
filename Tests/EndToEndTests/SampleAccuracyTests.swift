import Foundation
import Ingest
import Search
import TestSupport
import XCTest

/// The ingested sample against truth.json: every email its own record with its page
/// range, and the fields right for nearly all of them. Prints the per-field scores.
final class SampleAccuracyTests: XCTestCase {
    struct Pair {
        var truth: TruthRecord
        var record: Record?
    }

    static let pairs: [Pair] = {
        _ = IngestedSample.firstIngest
        var records: [Record] = []
        try! SearchIndex(path: IngestedSample.index).forEachRecord(matching: "") { records.append($0) }
        return Sample.truth.records.map { truth in
            // The record from the same file holding most of the truth's phrase.
            let words = normalizedWords(truth.phrase).split(separator: " ")
            let candidates = records.filter {
                $0.source.path.hasSuffix(truth.source.path) && $0.source.attachment == truth.source.attachment && $0.kind.rawValue == truth.kind
            }
            let scored = candidates.map { record -> (Record, Double) in
                let text = " " + normalizedWords(record.text) + " "
                let found = text.contains(" \(words.joined(separator: " ")) ") ? Double(words.count) : Double(words.filter { text.contains(" \($0) ") }.count) * 0.9
                return (record, found / Double(words.count))
            }
            let best = scored.max { $0.1 < $1.1 }
            return Pair(truth: truth, record: (best?.1 ?? 0) >= 0.5 ? best?.0 : nil)
        }
    }()

    /// Share of pairs for which the field is right, per kind of source.
    func score(_ pairs: [Pair], _ right: (TruthRecord, Record) -> Bool) -> Double {
        guard !pairs.isEmpty else { return 1 }
        return Double(pairs.filter { pair in pair.record.map { right(pair.truth, $0) } ?? false }.count) / Double(pairs.count)
    }

    func testEveryEmailIsItsOwnRecordWithItsPageRange() throws {
        var records: [Record] = []
        try SearchIndex(path: IngestedSample.index).forEachRecord(matching: "kind:email") { records.append($0) }
        for file in Set(Sample.truth.emails.map(\.source.path)) {
            let expected = Sample.truth.emails.filter { $0.source.path == file }
            let found = records.filter { $0.source.path.hasSuffix(file) }
            XCTAssertEqual(found.count, expected.count, "\(file): \(found.count) emails found, \(expected.count) in the truth (a quoted copy taken for an email, or two emails glued)")
        }
        for pair in Self.pairs where pair.truth.kind == "email" {
            guard let record = pair.record else {
                XCTFail("no record for '\(pair.truth.phrase)' in \(pair.truth.source.path)")
                continue
            }
            XCTAssertEqual(record.source.pages, pair.truth.source.pages, "pages of '\(pair.truth.subject ?? "")' in \(pair.truth.source.path)")
        }
    }

    func testFieldsAreRightForNearlyEveryEmail() throws {
        let emails = Self.pairs.filter { $0.truth.kind == "email" }
        let groups: [(String, [Pair], Double)] = [
            ("born-digital", emails.filter { !$0.truth.ocr }, 0.98),
            ("scanned", emails.filter { $0.truth.ocr }, 0.90),
        ]
        let fields: [(String, (TruthRecord, Record) -> Bool)] = [
            ("from", { t, r in t.from?.address == r.from?.address && t.from?.name == r.from?.name }),
            ("to", { t, r in t.to.map(\.address) == r.to.map(\.address) }),
            ("cc", { t, r in t.cc.map(\.address) == r.cc.map(\.address) }),
            ("date", { t, r in t.date == r.date?.description }),
            ("subject", { t, r in t.subject == r.subject }),
            ("agencies", { t, r in Set(t.agencies) == Set(r.agencies) }),
            ("vendors", { t, r in Set(t.vendors) == Set(r.vendors) }),
            ("redactions", { t, r in t.redactions == r.redactions }),
        ]
        var report = "\nfield accuracy on corpus-sample (emails)\n"
        for (name, pairs, required) in groups {
            report += "  \(name) (\(pairs.count)):"
            for (field, right) in fields {
                let s = score(pairs, right)
                report += " \(field) \(String(format: "%.0f%%", s * 100))"
                XCTAssertGreaterThanOrEqual(s, required, "\(name) \(field): " + pairs.filter { p in !(p.record.map { right(p.truth, $0) } ?? false) }
                    .map { "'\($0.truth.subject ?? "")' in \(($0.truth.source.path as NSString).lastPathComponent)" }.joined(separator: "; "))
            }
            report += "\n"
        }
        print(report)
    }

    func testDocumentsAreOneRecordEachWithTheirEntities() {
        for pair in Self.pairs where pair.truth.kind == "document" {
            guard let record = pair.record else {
                XCTFail("no document record for \(pair.truth.source.path)")
                continue
            }
            XCTAssertEqual(record.source.pages, pair.truth.source.pages, pair.truth.source.path)
            XCTAssertEqual(Set(record.agencies), Set(pair.truth.agencies), pair.truth.source.path)
            XCTAssertEqual(Set(record.vendors), Set(pair.truth.vendors), pair.truth.source.path)
            XCTAssertEqual(record.date?.description, pair.truth.date, pair.truth.source.path)
            XCTAssertEqual(record.ocr, pair.truth.ocr, pair.truth.source.path)
        }
    }
}

extension SampleAccuracyTests {
    func testAnAttachmentIsARecordLinkedToItsEmail() throws {
        let pair = try XCTUnwrap(Self.pairs.first { $0.truth.attachmentOf != nil })
        let child = try XCTUnwrap(pair.record, "the attached PDF is a record")
        let parentID = try XCTUnwrap(child.parent)
        let parent = try SearchIndex(path: IngestedSample.index).record(id: parentID)
        XCTAssertEqual(parent.subject, pair.truth.attachmentOf)
        XCTAssertEqual(parent.attachments, [child.id])
        XCTAssertEqual(child.source.attachment, pair.truth.source.attachment)
        XCTAssertNotEqual(child.source.sha256, parent.source.sha256, "the attachment's own hash")
    }
}
