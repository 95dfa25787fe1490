import Foundation
import Extraction
import Ingest
import Search
import TestSupport
import XCTest

/// Queries, facets, timeline, export, people and stats on the ingested sample,
/// against truth.json. Counts over born-digital records (ocr:no) must equal the truth;
/// over scans, OCR may cost a few.
final class SearchDepthTests: XCTestCase {
    var index: SearchIndex!

    override func setUpWithError() throws {
        _ = IngestedSample.firstIngest
        index = try SearchIndex(path: IngestedSample.index)
    }

    func total(_ query: String) throws -> Int { try index.search(SearchRequest(query: query, limit: 0)).total }

    var truth: [TruthRecord] { Sample.truth.records }
    var bornDigital: [TruthRecord] { truth.filter { !$0.ocr } }

    func testFieldQueriesCountWhatTheTruthCounts() throws {
        for agency in Set(truth.flatMap(\.agencies)) {
            XCTAssertEqual(try total("agency:\"\(agency)\" ocr:no"), bornDigital.filter { $0.agencies.contains(agency) }.count, agency)
            let all = truth.filter { $0.agencies.contains(agency) }.count
            XCTAssertEqual(Double(try total("agency:\"\(agency)\"")), Double(all), accuracy: Double(all) * 0.1, agency)
        }
        for vendor in Set(truth.flatMap(\.vendors)) {
            XCTAssertEqual(try total("vendor:\"\(vendor)\" ocr:no"), bornDigital.filter { $0.vendors.contains(vendor) }.count, vendor)
        }
        XCTAssertEqual(try total("vendor:clearview"), try total("vendor:\"Clearview AI\""), "an alias finds the vendor")
        for address in Set(bornDigital.compactMap(\.from?.address)) {
            XCTAssertEqual(try total("from:\(address) ocr:no"), bornDigital.filter { $0.from?.address == address }.count, address)
        }
        XCTAssertEqual(try total("from:gmail.com ocr:no"), bornDigital.filter { $0.from?.address?.hasSuffix("@gmail.com") ?? false }.count)
        for (range, low, high) in [("2019", "2019", "2019~"), ("2018-10..2018-12", "2018-10", "2018-12~"), ("2019-06-01..2019-06-30", "2019-06-01", "2019-06-30~"), ("..2018-11", "0", "2018-11~")] {
            let expected = truth.filter { ($0.date ?? "") >= low && ($0.date ?? "") <= high }.count
            XCTAssertEqual(try total("date:\(range)"), expected, range)
        }
        XCTAssertEqual(try total("kind:document"), truth.filter { $0.kind == "document" }.count)
        XCTAssertEqual(try total("kind:email -from:clearview.ai ocr:no"),
                       bornDigital.filter { $0.kind == "email" && !($0.from?.address?.hasSuffix("clearview.ai") ?? false) }.count)
    }

    func testEveryPhraseFindsExactlyItsRecord() throws {
        var scansFound = 0
        for record in truth {
            let response = try index.search(SearchRequest(query: "\"\(record.phrase)\""))
            let exact = response.total == 1 && response.hits[0].source.path.hasSuffix(record.source.path)
                && response.hits[0].source.pages == record.source.pages
            if record.ocr {
                if exact { scansFound += 1 }
            } else {
                XCTAssertTrue(exact, "\"\(record.phrase)\": \(response.total) hits")
            }
        }
        let scans = truth.filter(\.ocr).count
        XCTAssertGreaterThanOrEqual(Double(scansFound), Double(scans) * 0.8, "phrases found in scans: \(scansFound) of \(scans)")
    }

    func testFacetCountsAreExactOverEveryMatch() throws {
        let response = try index.search(SearchRequest(query: "ocr:no", limit: 1))
        XCTAssertEqual(response.hits.count, 1)
        for (facet, values) in [("agency", bornDigital.flatMap(\.agencies)), ("vendor", bornDigital.flatMap(\.vendors))] {
            let expected = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
            let found = Dictionary(uniqueKeysWithValues: (response.facets[facet] ?? []).map { ($0.value, $0.count) })
            XCTAssertEqual(found, expected, facet)
        }
        let years = Dictionary(bornDigital.compactMap { $0.date.map { String($0.prefix(4)) } }.map { ($0, 1) }, uniquingKeysWith: +)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: (response.facets["year"] ?? []).map { ($0.value, $0.count) }), years)
    }

    func testTheClearviewTimelineListsTheTruthsEventsInOrder() throws {
        let timeline = try index.timeline(query: "vendor:\"Clearview AI\" ocr:no", by: .vendor, interval: .month)
        let series = try XCTUnwrap(timeline.series.first { $0.key == "Clearview AI" })
        let expected = bornDigital.filter { $0.vendors.contains("Clearview AI") }.compactMap(\.date).sorted()
        XCTAssertEqual(series.events.map(\.date.description), expected)
        XCTAssertEqual(series.buckets.map(\.count).reduce(0, +), expected.count)
        XCTAssertEqual(series.buckets.first?.start, "2018-10-01")
        let months = Set(series.buckets.map(\.start))
        XCTAssertTrue(months.contains("2019-03-01"), "quiet months are buckets too")
        let html = timeline.html(title: "<Clearview> & NYPD")
        XCTAssertTrue(html.contains("&lt;Clearview&gt; &amp; NYPD"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(timeline.csv.hasPrefix("series,start,count\r\nClearview AI,2018-10-01,"))
    }

    func testExportWritesAManifestRowPerMatchAndPageRangePDFs() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try index.export(query: "agency:ICE", to: out, format: .dir)
        XCTAssertEqual(summary.records, try total("agency:ICE"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.csv"))
        XCTAssertEqual(bytes.prefix(5), Data([0xEF, 0xBB, 0xBF] + Array("id".utf8)), "a byte-order mark for spreadsheets")
        let manifest = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = manifest.split(separator: "\r\n")
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        XCTAssertEqual(header.suffix(3), ["original", "file", "also_in"])
        let rows = lines.dropFirst()
        XCTAssertEqual(rows.count, summary.records)
        let jsonl = try String(contentsOfFile: out + "/records.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(jsonl.count, summary.records)
        var checked = 0
        for line in jsonl {
            let record = try RecordCoding.decoder.decode(Record.self, from: Data(line.utf8))
            guard let pages = record.source.pages, let row = rows.first(where: { $0.hasPrefix(record.id) }),
                  case let fields = row.split(separator: ",", omittingEmptySubsequences: false), fields.count >= header.count,
                  case let file = fields[fields.count - 2], file.hasPrefix("files/pages/") else { continue }
            let pdf = try PDFDocument(path: out + "/" + file)
            XCTAssertEqual(pdf.pageCount, pages.count, String(file))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 3)
        XCTAssertThrowsError(try index.export(query: "agency:ICE", to: out, format: .dir)) { error in
            XCTAssertTrue("\(error)".contains("--force"))
        }
        let zip = out + ".zip"
        defer { try? FileManager.default.removeItem(atPath: zip) }
        XCTAssertEqual(try index.export(query: "agency:ICE", to: zip, format: .zip).records, summary.records)
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: zip)).read(upToCount: 2)
        XCTAssertEqual(head, Data("PK".utf8))
    }

    func testPeopleShowWhoUsedPersonalAccounts() throws {
        let people = try index.people(query: "vendor:\"Clearview AI\"")
        let reyes = try XCTUnwrap(people.first { $0.name == "Michael Reyes" })
        XCTAssertEqual(Set(reyes.addresses), ["michael.reyes@nypd.org", "mreyes.nyc@gmail.com"])
        XCTAssertTrue(reyes.personalAccount)
        XCTAssertEqual(reyes.agency, "NYPD")
        let moore = try XCTUnwrap(people.first { $0.name == "Jessica Moore" })
        XCTAssertEqual(moore.vendor, "Clearview AI")
        XCTAssertFalse(moore.personalAccount)
        // The story's officers on personal accounts: Reyes and Walsh on Gmail, Russo on
        // Yahoo as "Tony Russo", where he signs "Det. Anthony Russo": one person.
        XCTAssertEqual(Set(people.filter(\.personalAccount).compactMap(\.name)), ["Michael Reyes", "Kevin Walsh", "Anthony Russo"])
        let russo = try XCTUnwrap(people.first { $0.name == "Anthony Russo" })
        XCTAssertEqual(Set(russo.addresses), ["anthony.russo@nypd.org", "tonyrusso718@yahoo.com"])
        XCTAssertEqual(russo.agency, "NYPD")
        XCTAssertTrue(russo.mergedBecause.contains { $0.hasPrefix("signed \"Det. Anthony Russo\" in a message from tonyrusso718@yahoo.com") }, "\(russo.mergedBecause)")
    }

    func testStatsCountTheSample() throws {
        let stats = try index.stats()
        XCTAssertEqual(stats.records, truth.count)
        XCTAssertEqual(stats.recordsByKind["email"], Sample.truth.emails.count)
        XCTAssertEqual(stats.files, Set(truth.map(\.source.path)).count)
        XCTAssertEqual(stats.firstDate?.day8601, truth.compactMap(\.date).min().map { String($0.prefix(10)) })
        XCTAssertEqual(stats.lastDate?.day8601, truth.compactMap(\.date).max().map { String($0.prefix(10)) })
        XCTAssertEqual(stats.ocrPages, Sample.truth.scanSources.values.map(\.count).reduce(0, +))
    }
}
