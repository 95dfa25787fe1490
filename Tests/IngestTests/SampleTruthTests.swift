import Extraction
@testable import Ingest
import TestSupport
import XCTest

/// corpus-sample/truth.json agrees with the files it describes.
final class SampleTruthTests: XCTestCase {
    func testTheSampleHasTheShapeOfARealRelease() {
        let truth = Sample.truth
        XCTAssertTrue((50...80).contains(truth.emails.count), "\(truth.emails.count) emails")
        XCTAssertTrue((4...7).contains(truth.records.count - truth.emails.count))
        XCTAssertEqual(Set(truth.records.map(\.phrase)).count, truth.records.count, "phrases are distinct")
        XCTAssertEqual(truth.bad.count, 6)
        XCTAssertGreaterThan(Set(truth.records.flatMap(\.vendors)).count, 3)
        XCTAssertGreaterThan(Set(truth.records.flatMap(\.agencies)).count, 3)
    }

    func testEveryPhraseIsOnItsPagesOrInItsMessage() throws {
        var pdfText: [String: [String]] = [:]
        for record in Sample.truth.records {
            let path = record.source.path
            let phrase = normalizedWords(record.phrase)
            if let pages = record.source.pages, record.source.attachment == nil {
                let texts: [String]
                if let scanned = Sample.truth.scanSources[path] {
                    texts = scanned
                } else {
                    if pdfText[path] == nil {
                        let pdf = try PDFDocument(path: Sample.path(path))
                        pdfText[path] = (0..<pdf.pageCount).map { pdf.text(page: $0) }
                    }
                    texts = pdfText[path]!
                }
                let span = normalizedWords(texts[(pages.lowerBound - 1)...(pages.upperBound - 1)].joined(separator: "\n"))
                XCTAssertTrue(span.contains(phrase), "\(path) pp. \(pages): no '\(record.phrase)'")
            } else if path.hasSuffix(".eml") || path.hasSuffix(".mbox") {
                let raw = try Data(contentsOf: URL(fileURLWithPath: Sample.path(path)))
                let text: String = if record.source.attachment != nil {
                    // The attachment is a PDF inside the message: read it through poppler.
                    try EmailMessage(raw).attachments.map { attachment in
                        let file = FileManager.default.temporaryDirectory.appendingPathComponent(attachment.filename)
                        try attachment.data.write(to: file)
                        let pdf = try PDFDocument(path: file.path)
                        return (0..<pdf.pageCount).map { pdf.text(page: $0) }.joined()
                    }.joined()
                } else if path.hasSuffix(".mbox") {
                    try MboxReader(path: Sample.path(path)).filter(\.complete).map { EmailMessage($0.data).body }.joined(separator: "\n")
                } else {
                    EmailMessage(raw).body
                }
                XCTAssertTrue(normalizedWords(text).contains(phrase), "\(path): no '\(record.phrase)'")
            }
        }
    }

    func testScannedFilesHaveNoTextLayer() throws {
        for (path, pages) in Sample.truth.scanSources {
            let pdf = try PDFDocument(path: Sample.path(path))
            XCTAssertEqual(pdf.pageCount, pages.count, path)
            for i in 0..<pdf.pageCount {
                XCTAssertEqual(pdf.text(page: i).trimmingCharacters(in: .whitespacesAndNewlines), "", "\(path) p. \(i + 1)")
            }
        }
    }

    func testEveryBadFileExistsAndEveryGoodFileIsInTheTruth() throws {
        for bad in Sample.truth.bad {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Sample.path(bad.path)), bad.path)
        }
        let described = Set(Sample.truth.records.map(\.source.path))
        for folder in ["releases", "email", "documents"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Sample.path(folder)) {
                XCTAssertTrue(described.contains("\(folder)/\(name)"), "\(folder)/\(name) is not in truth.json")
            }
        }
    }
}
