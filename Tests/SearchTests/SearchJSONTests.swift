import Foundation
import Ingest
@testable import Search
import TestSupport
import XCTest

/// A search's JSON, written directly, against JSONEncoder's (the contract's encoder) as oracle.
final class SearchJSONTests: XCTestCase {
    var path: String!

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func assertSameAsEncoder(_ response: SearchResponse, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = String(decoding: try RecordCoding.encoder.encode(response), as: UTF8.self)
        XCTAssertEqual(String(decoding: response.json, as: UTF8.self), expected, message, file: file, line: line)
    }

    /// Every shape a hit takes: fields present and absent, personal accounts, pages, lines,
    /// attachments and members, copies and quotes; strings with what JSON escapes.
    func records() -> [Record] {
        let awkward = ["plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\r\nform\u{0C}back\u{08}",
                       "nul \u{0} unit \u{1F} escape \u{1B} del \u{7F}", "café — “curly” 😀 \u{2028}\u{FEFF}", ""]
        return (0..<24).map { n in
            let text = awkward[n % awkward.count]
            var record = Record(
                id: "r\(n)", kind: n % 5 == 4 ? .document : .email,
                subject: n % 3 == 0 ? nil : "Subject \(text) \(n)",
                from: n % 4 == 0 ? nil : Correspondent(name: n % 2 == 0 ? nil : "Sender \(text)", address: n % 3 == 0 ? "k.walsh\(n)@gmail.com" : "a\(n)@nypd.org"),
                to: (0..<(n % 3)).map { Correspondent(name: "To \($0) \(text)", address: $0 == 1 ? nil : "t\($0)@clearview.ai") },
                cc: n % 2 == 0 ? [] : [Correspondent(name: nil, address: "cc\(n)@yahoo.com")],
                date: n % 6 == 5 ? nil : RecordDate(iso: ["2019-01-15", "2019-01-15T10:00:00", "2020-03-01T01:15:00+05:30", "2018-10-01T23:59:59-04:00", "2019-02-28T00:00:00Z"][n % 5]),
                agencies: n % 4 == 1 ? [] : ["NYPD", "ICE \(text)"].prefix(n % 3 + 1).map { $0 },
                vendors: n % 2 == 0 ? ["Clearview AI"] : [],
                source: Source(path: "/releases/\(text)/file \(n).pdf", sha256: String(repeating: "ab", count: 32),
                               pages: n % 3 == 0 ? nil : (n...(n + n % 2)), lines: n % 4 == 2 ? (3...19) : nil,
                               attachment: n % 5 == 1 ? "memo \(text).pdf" : nil, member: n % 7 == 3 ? "#\(n)" : nil),
                ocr: n % 2 == 1, redactions: n % 4,
                text: "facial recognition \(text) searches \(n) " + String(repeating: "more words here ", count: n * 10))
            if n % 4 == 3 { record.otherSources = [record.source] }
            if n % 5 == 2 { record.quotedIn = ["r\(n + 1)"] }
            if n % 3 == 1 { record.thread = "t\(n / 3)" }
            return record
        }
    }

    func testASearchsJSONIsWhatTheEncoderWrites() throws {
        let writer = try IndexWriter(path: path)
        try writer.add(records())
        try writer.commit()
        let index = try SearchIndex(path: path)
        for query in ["facial recognition", "searches", "nothingmatcheshere", "agency:NYPD", "date:2019", "from:gmail.com", "\"more words\""] {
            for (limit, offset) in [(20, 0), (5, 3), (0, 0), (100, 0)] {
                let response = try index.search(SearchRequest(query: query, limit: limit, offset: offset))
                try assertSameAsEncoder(response, "\(query) limit \(limit) offset \(offset)")
            }
        }
        let every = try index.search(SearchRequest(query: "searches", limit: 100))
        XCTAssertEqual(every.hits.count, every.total, "every record matching is compared (copies are joined: fewer than 24)")
        XCTAssertTrue(every.hits.contains { $0.source.lines != nil } && every.hits.contains { $0.source.attachment != nil }
                      && every.hits.contains { $0.source.member != nil } && every.hits.contains { $0.from == nil })
    }

    func testEveryEscapeAndAPartialAnswer() throws {
        var strings = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        strings += ["é", "\u{2028}", "😀", "a\r\nb", "\u{301}", ""]
        let hits = records().prefix(6).enumerated().map { i, record in
            SearchHit(record: record, snippet: i == 0 ? strings.joined() : strings[i])
        }
        try assertSameAsEncoder(SearchResponse(total: 6, hits: hits, facets: [
            "vendor": [FacetCount(value: "Clearview AI", count: 2)], "agency": [], "from": strings.prefix(40).map { FacetCount(value: $0, count: 1) },
            "Zed": [], "a_b": [FacetCount(value: "x", count: -1)],
        ], missingShards: ["tcp://host:7010 (no answer)", "/data/shard \"2\""]), "escapes, keys in byte order, missing shards")
        try assertSameAsEncoder(SearchResponse(total: 0, hits: [], facets: [:], missingShards: nil), "empty")
    }

    /// A stored record's JSON, written directly, is what JSONEncoder writes of it: on every
    /// shape above with every optional field set and left out in turn, and on the sample's
    /// messages as read.
    func testARecordsJSONIsWhatTheEncoderWrites() throws {
        let every = try everyShape()
        for record in every {
            XCTAssertEqual(String(decoding: RecordCoding.json(record), as: UTF8.self),
                           String(decoding: try RecordCoding.encoder.encode(record), as: UTF8.self), record.id)
        }
        XCTAssertEqual(Mirror(reflecting: every[1]).children.count, JSONBytes.recordProperties, "a property added to Record is written")
    }

    /// The shapes above, each with every optional field set too, and the sample's messages as read.
    func everyShape() throws -> [Record] {
        var every: [Record] = []
        for (n, base) in records().enumerated() {
            every.append(base)
            var full = base
            full.sender = Correspondent(name: "Desk \(n)", address: n % 2 == 0 ? nil : "desk@nypd.org")
            full.ocrConfidence = n * 4
            full.ocrLanguage = "eng+spa"
            full.messageID = "<m\(n)@nypd.org>"
            full.inReplyTo = "<m\(n - 1)@nypd.org> \"/\\"
            full.references = ["<a@b>", "<c/d@e>"]
            full.parent = "p\(n)"
            full.attachments = ["a\(n)", "b\(n)"]
            full.unreadAttachments = [UnreadAttachment(name: "photo \(n).heic", type: "image/heic", size: n * 1000, reason: "not read: \"HEIC\"")]
            full.thread = "t\(n)"
            full.quoted = [QuotedCopy(from: Correspondent(name: "Q", address: "q@x.org"), date: RecordDate(iso: "2019-01-15T10:00:00"), subject: "Re: \(n)"),
                           QuotedCopy(from: nil, date: nil, subject: nil)]
            full.printedThread = "Request #\(n)"
            full.datesAround = [RecordDate(iso: "2019-01-14")!, RecordDate(iso: "2019-01-16T09:30:00-05:00")!]
            full.copyOf = "c\(n)"
            full.release = n
            full.requests = n % 2 == 0 ? [] : ["FOIL-2019-\(n)"]
            every.append(full)
        }
        let emails = try FileManager.default.contentsOfDirectory(atPath: Sample.path("email")).filter { $0.hasSuffix(".eml") }
        let builder = RecordBuilder()
        let sample = try emails.map { name in
            builder.record(fromEmail: EmailMessage(try Data(contentsOf: URL(fileURLWithPath: Sample.path("email/" + name)))),
                           file: SourceFile(path: Sample.path("email/" + name), sha256: name))
        }
        XCTAssertGreaterThan(sample.count, 5)
        return every + sample
    }

    /// A stored record, read directly, is what JSONDecoder (the oracle) reads of it, and the
    /// record that was written.
    func testARecordIsReadAsTheDecoderReadsIt() throws {
        for record in try everyShape() {
            let json = RecordCoding.json(record)
            let read = try XCTUnwrap(RecordCoding.readDirectly(json), "read directly: \(record.id)")
            XCTAssertEqual(read, try RecordCoding.decoder.decode(Record.self, from: json), record.id)
            XCTAssertEqual(read, record, record.id)
        }
    }

    /// JSON that the direct reader reads as the decoder does (white space, escapes the
    /// writer does not use), and JSON it leaves to the decoder, which then decides.
    func testJSONItDoesNotExpectIsLeftToTheDecoder() throws {
        let record = try everyShape()[3]
        let json = String(decoding: RecordCoding.json(record), as: UTF8.self)
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let readAlike = [try pretty.encode(record), Data(json.replacingOccurrences(of: "/", with: #"\/"#).utf8),
                         Data(json.replacingOccurrences(of: "facial", with: #"f\u0061cial \ud83d\ude00"#).utf8)]
        for data in readAlike {
            XCTAssertNotNil(RecordCoding.readDirectly(data), String(decoding: data, as: UTF8.self))
            XCTAssertEqual(try RecordCoding.record(from: data), try RecordCoding.decoder.decode(Record.self, from: data))
        }
        let leftToTheDecoder = [
            json.replacingOccurrences(of: #"{"agencies""#, with: #"{"unknown":[1,{"a":null}],"agencies""#),
            json.replacingOccurrences(of: "\"redactions\":\(record.redactions)", with: "\"redactions\":\(record.redactions).0"),
            json.replacingOccurrences(of: "\"redactions\":\(record.redactions)", with: "\"redactions\":0\(record.redactions)"),
            json.replacingOccurrences(of: "facial", with: #"\ud83d alone"#),
            json.replacingOccurrences(of: "\"ocr\":\(record.ocr)", with: "\"ocr\":1"),
            json.replacingOccurrences(of: "\"id\":\"\(record.id)\",", with: ""),
            json + " x",
        ]
        for text in leftToTheDecoder {
            XCTAssertNotEqual(text, json)
            XCTAssertNil(RecordCoding.readDirectly(Data(text.utf8)), text)
            XCTAssertEqual(try? RecordCoding.record(from: Data(text.utf8)), try? RecordCoding.decoder.decode(Record.self, from: Data(text.utf8)), text)
        }
        var notUTF8 = Data(json.utf8)
        notUTF8[notUTF8.range(of: Data("facial".utf8))!.lowerBound] = 0xFF
        XCTAssertNil(RecordCoding.readDirectly(notUTF8))
    }

    /// Stored JSON with a byte changed, taken out or put in at random: the direct reader
    /// and the decoder agree on every one (the same record, or neither reads it).
    func testDamagedJSONIsReadAsTheDecoderReadsIt() throws {
        let records = try everyShape()
        var random = SeededNumbers(seed: 0x2026_1204)
        let damage = Array(#"{}[]",:0123456789-. \"tnuefalsr/aé"#.utf8)
        var readDirectly = 0
        for round in 0..<3000 {
            var bytes = [UInt8](RecordCoding.json(records[round % records.count]))
            let at = random.next(bytes.count)
            let byte = damage[random.next(damage.count)]
            switch round % 3 {
            case 0: bytes[at] = byte
            case 1: bytes.remove(at: at)
            default: bytes.insert(byte, at: at)
            }
            let data = Data(bytes)
            let decoded = try? RecordCoding.decoder.decode(Record.self, from: data)
            if let read = RecordCoding.readDirectly(data) {
                readDirectly += 1
                XCTAssertEqual(read, decoded, String(decoding: data, as: UTF8.self))
            }
            XCTAssertEqual(try? RecordCoding.record(from: data), decoded)
        }
        XCTAssertGreaterThan(readDirectly, 300, "damage inside strings and numbers is read directly too")
    }
}
