import Foundation
import Ingest
@testable import Search
import TestSupport
import XCTest

/// A search split into parts, one thread each, answers as one search of the whole index:
/// the same hits in the same order (by relevance, with its ties, and by date either
/// way), the same total and facet counts, the same snippets.
final class SearchPartsTests: XCTestCase {
    var path: String!

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    let words = ["clearview", "trial", "accounts", "facial", "recognition", "possible", "match", "probe", "image",
                 "detective", "lieutenant", "case", "number", "referral", "warrant", "database"]
    let agencies = ["NYPD", "ICE", "DHS", "FBI"], vendors = ["Clearview AI", "Cognitec", "DataWorks Plus"]

    /// Generated records: texts of varied length and word counts (varied weights), a few
    /// dates shared by many (ties when sorted by date), and texts repeated word for word
    /// under other ids (ties in weight). (Subjects differ: no two are copies of one message.)
    func records(_ count: Int, from first: Int = 0, seed: UInt64 = 7) -> [Record] {
        var numbers = SeededNumbers(seed: seed)
        var texts: [String] = []
        return (first..<first + count).map { n in
            let text = n % 9 == 0 && !texts.isEmpty ? texts[numbers.next(texts.count)]
                : (0..<(3 + numbers.next(40))).map { _ in words[numbers.next(words.count)] }.joined(separator: " ")
            texts.append(text)
            return Record(id: "r\(n)", kind: .email, subject: "Subject \(n)",
                          from: Correspondent(name: nil, address: "sender\(numbers.next(12))@example.org"),
                          date: RecordDate(iso: "\(2017 + numbers.next(3))-0\(1 + numbers.next(3))-15T10:00:00"),
                          agencies: agencies.filter { _ in numbers.next(3) == 0 },
                          vendors: numbers.next(4) == 0 ? [] : [vendors[numbers.next(vendors.count)]],
                          source: Source(path: "/tmp/f\(n).eml", sha256: "sha\(n)"), text: text)
        }
    }

    let queries = ["clearview", "\"facial recognition\"", "agency:NYPD", "vendor:\"Clearview AI\" trial",
                   "probe OR image -agency:ICE", "date:2018-01..2018-02 case", "detective AND lieutenant AND \"case number\""]

    func write(_ records: [Record]) throws {
        let writer = try IndexWriter(path: path)
        try writer.add(records)
        try writer.commit()
    }

    /// One search's hits, total and facets, to compare.
    struct Answer: Equatable {
        var hits: [Data]
        var total: Int
        var facets: [String]
        var parts: Int
    }

    func answer(_ db: XapianDatabase, _ query: String, parts: Int, sort: SearchSort, offset: Int, limit: Int) throws -> Answer {
        db.setSearchParts(parts)
        let compiled = try QueryCompiler(db: db).compile(QueryParser.parse(query))
        let results = try db.search(compiled, offset: offset, limit: limit, sortSlot: sort == .relevance ? nil : Int32(Schema.Slot.dateOrder),
                                    descending: sort == .dateDescending, facetSlot: Schema.Slot.facets)
        return Answer(hits: results.data.map(\.data), total: results.total,
                      facets: results.facets.sorted { $0.key < $1.key }.flatMap { facet in facet.value.map { "\(facet.key) \($0.value) \($0.count)" } },
                      parts: results.parts)
    }

    func testHitsTotalsAndFacetsInPartsAreThoseOfOneSearch() throws {
        try write(records(600))
        let db = try XapianDatabase(path: path, writable: false)
        try db.useFacetColumns(path: Schema.facetColumnsPath(in: path), build: false)
        for query in queries {
            for sort in SearchSort.allCases {
                for (offset, limit) in [(0, 1000), (7, 13)] {
                    let whole = try answer(db, query, parts: 1, sort: sort, offset: offset, limit: limit)
                    XCTAssertGreaterThan(whole.total, 0, query)
                    XCTAssertEqual(whole.parts, 1)
                    for parts in [2, 3, 7] {
                        var split = try answer(db, query, parts: parts, sort: sort, offset: offset, limit: limit)
                        XCTAssertEqual(split.parts, parts, "\(query) was searched in parts")
                        split.parts = 1
                        XCTAssertEqual(split, whole, "\(query), \(sort), \(offset)+\(limit), in \(parts) parts")
                    }
                }
            }
        }
        // Searched in parts only when facets come from columns (over a slot, in one).
        let slotOnly = try XapianDatabase(path: path, writable: false)
        slotOnly.setSearchParts(3)
        let results = try slotOnly.search(try QueryCompiler(db: slotOnly).compile(QueryParser.parse("clearview")), offset: 0, limit: 5,
                                          sortSlot: nil, descending: false, facetSlot: Schema.Slot.facets)
        XCTAssertEqual(results.parts, 1)
        XCTAssertEqual(results.total, try answer(db, "clearview", parts: 1, sort: .relevance, offset: 0, limit: 5).total)
    }

    /// Through the reader the reading room and `search` use: responses with snippets, and
    /// after the index moves on (the part handles follow the reader's revision).
    func testSearchResponsesInPartsAreThoseOfOneSearchAsTheIndexMovesOn() throws {
        try write(records(400))
        let split = try SearchIndex(path: path, buildFacetColumns: true)
        split.searchParts = 3
        func responses(_ index: SearchIndex) throws -> [Data] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return try queries.flatMap { query in
                try SearchSort.allCases.map { sort in
                    try encoder.encode(index.search(SearchRequest(query: query, limit: 25, sort: sort, highlight: ("[", "]"))))
                }
            }
        }
        XCTAssertEqual(try responses(split), try responses(try SearchIndex(path: path)))

        try write(records(300, from: 400, seed: 8))
        try split.refresh()
        let moved = try responses(split)
        XCTAssertEqual(moved, try responses(try SearchIndex(path: path)))
        let all = records(400) + records(300, from: 400, seed: 8)
        XCTAssertEqual(try split.search(SearchRequest(query: "clearview")).total, all.filter { $0.text.contains("clearview") }.count)
    }
}
