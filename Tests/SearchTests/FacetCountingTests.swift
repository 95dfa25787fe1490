import Foundation
import Ingest
@testable import Search
import XCTest

/// Facet counts are the same whichever way they are counted: from the columns file the
/// ingest writes, from the facet slot when that file is missing, stale or damaged, or
/// from columns built in memory (the reading room).
final class FacetCountingTests: XCTestCase {
    var path: String!
    var columns: String { Schema.facetColumnsPath(in: path) }
    let agencies = ["NYPD", "ICE", "DHS", "FBI"], vendors = ["Clearview AI", "DataWorks Plus", "Cognitec"]
    let senders = ["a@nypd.org", "b@gmail.com", "c@ice.dhs.gov", "d@clearview.ai", "e@yahoo.com"]

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("facets-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Record n: agencies, vendors, sender and year vary with n; "even" or "odd" in its text.
    func record(_ n: Int) -> Record {
        Record(id: "r\(n)", kind: n % 7 == 0 ? .document : .email, subject: "Subject \(n)",
               from: n % 11 == 0 ? nil : Correspondent(name: nil, address: senders[n % senders.count]),
               date: RecordDate(iso: "\(2017 + n % 4)-0\(1 + n % 9)-15T10:00:00"),
               agencies: (0..<agencies.count).filter { (n >> $0) & 1 == 1 }.map { agencies[$0] },
               vendors: n % 5 == 0 ? [] : [vendors[n % vendors.count]],
               source: Source(path: "/tmp/f\(n).eml", sha256: "sha\(n)"), text: n % 2 == 0 ? "even" : "odd")
    }

    /// The facets the records should have, counted here.
    func expected(_ records: [Record]) -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for r in records {
            var items = r.agencies.map { ("agency", $0) } + r.vendors.map { ("vendor", $0) } + [("kind", r.kind.rawValue)]
            if let from = r.from { items.append(("from", from.display)) }
            if let date = r.date { items.append(("year", String(date.sortKey.prefix(4)))) }
            for (facet, value) in items { counts[facet, default: [:]][value, default: 0] += 1 }
        }
        return counts
    }

    func counted(_ index: SearchIndex, _ query: String) throws -> [String: [String: Int]] {
        let response = try index.search(SearchRequest(query: query, limit: 1))
        var counts: [String: [String: Int]] = [:]
        for (facet, values) in response.facets where !values.isEmpty {
            counts[facet] = Dictionary(uniqueKeysWithValues: values.map { ($0.value, $0.count) })
        }
        return counts
    }

    func checkAll(_ index: SearchIndex, _ records: [Record], _ how: String) throws {
        XCTAssertEqual(try counted(index, "even"), expected(records.filter { $0.text == "even" }), how)
        XCTAssertEqual(try counted(index, "odd -agency:NYPD"),
                       expected(records.filter { $0.text == "odd" && !$0.agencies.contains("NYPD") }), how)
    }

    /// Where the item ids lie in a columns file: after the header (magic, revision, slot,
    /// the values, padding to 4 bytes) and the counted offsets, a counted uint32 array.
    func itemsRange(in file: Data) throws -> Range<Int> {
        func uint32(at offset: Int) -> Int { Int(file[offset..<offset + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }) }
        var at = 20
        let values = uint32(at: at)
        at += 4
        for _ in 0..<values { at += 4 + uint32(at: at) }
        at = (at + 3) & ~3
        at += 4 + 4 * uint32(at: at)
        let count = uint32(at: at)
        XCTAssertGreaterThan(count, 0)
        return (at + 4)..<(at + 4 + 4 * count)
    }

    func testEveryWayOfCountingGivesTheSameExactCounts() throws {
        var records = (1...300).map(record)
        do {
            let writer = try IndexWriter(path: path)
            try writer.add(records)
            try writer.commit()
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: columns), "the ingest writes the columns")
        try checkAll(try SearchIndex(path: path), records, "from the columns file")

        let saved = try Data(contentsOf: URL(fileURLWithPath: columns))
        // The counts above came from the file: put the file of another index of the same
        // revision in its place, and searches count that index's agencies.
        let other = path + "-other"
        defer { try? FileManager.default.removeItem(atPath: other) }
        do {
            let writer = try IndexWriter(path: other)
            try writer.add(records.map { var r = $0; r.agencies = r.agencies.map { $0 == "NYPD" ? "XXXX" : $0 }; return r })
            try writer.commit()
        }
        try FileManager.default.removeItem(atPath: columns)
        try FileManager.default.copyItem(atPath: Schema.facetColumnsPath(in: other), toPath: columns)
        XCTAssertNotNil(try counted(try SearchIndex(path: path), "odd")["agency"]?["XXXX"], "searches count from the columns file")
        // A value renamed inside the file fails its checksum: counts from the slot.
        var edited = saved
        edited.replaceSubrange(try XCTUnwrap(saved.range(of: Data("agency\u{1e}NYPD".utf8))), with: Data("agency\u{1e}XXXX".utf8))
        try edited.write(to: URL(fileURLWithPath: columns))
        try checkAll(try SearchIndex(path: path), records, "beside a file with a value renamed")
        // An item id changed to another valid one (a flipped bit the file's bounds cannot
        // see): the block's checksum fails, the handle counts from the slot from then on.
        var flipped = saved
        let items = try itemsRange(in: saved)
        for offset in stride(from: items.lowerBound, to: items.upperBound, by: 4 * 7) { flipped[offset] ^= 1 }
        try flipped.write(to: URL(fileURLWithPath: columns))
        let handle = try SearchIndex(path: path)
        handle.searchParts = 3
        try checkAll(handle, records, "beside a file with item ids changed, searched in parts")
        try checkAll(handle, records, "the same handle, again")
        try checkAll(try SearchIndex(path: path, buildFacetColumns: true), records, "a reading room beside that file")
        try FileManager.default.removeItem(atPath: columns)
        try checkAll(try SearchIndex(path: path), records, "from the facet slot")
        try checkAll(try SearchIndex(path: path, buildFacetColumns: true), records, "from columns built in memory")

        // Damaged: cut short, then garbled after the header. Counts stay right.
        try saved.prefix(saved.count / 2).write(to: URL(fileURLWithPath: columns))
        try checkAll(try SearchIndex(path: path), records, "beside a truncated file")
        var garbled = saved
        for i in stride(from: 24, to: garbled.count, by: 3) { garbled[i] = 0xFF }
        try garbled.write(to: URL(fileURLWithPath: columns))
        try checkAll(try SearchIndex(path: path), records, "beside a garbled file")

        // Stale: the index moves on without a new file (an ingest killed before its end).
        try saved.write(to: URL(fileURLWithPath: columns))
        let reader = try SearchIndex(path: path, buildFacetColumns: true)
        try checkAll(reader, records, "from the file, before the index moves on")
        let extra = record(302)
        do {
            let db = try XapianDatabase(path: path, writable: true)
            try db.begin()
            try db.replace(idTerm: Schema.Prefix.id + extra.id, with: try Schema.document(for: extra, gazetteer: .builtIn))
            try db.commit()
        }
        records.append(extra)
        try checkAll(try SearchIndex(path: path), records, "beside a stale file")
        try reader.refresh()
        try checkAll(reader, records, "a long-lived handle after the index moved on")
    }

    /// A facet value is a filter (the reading room links it): searching the filter finds
    /// exactly the records the facet counted, for every value of every facet.
    /// The columns an ingest writes are those of the index it leaves: the release recorded
    /// and a search saved after its last commit keep them current (else every search in a
    /// process of its own counts facets the slow way).
    func testTheColumnsStayCurrentAfterTheReleaseIsRecordedAndASearchSaved() throws {
        let writer = try IndexWriter(path: path)
        _ = try writer.beginRelease()
        try writer.add((0..<50).map(record))
        try writer.commit()
        try writer.endRelease(files: 50, records: 50)
        XCTAssertTrue(try XapianDatabase(path: path, writable: false).facetColumnsAreCurrent(slot: Schema.Slot.facets, path: columns))
        try writer.addWatch(Watch(name: "even", query: "even"))
        try writer.close()
        XCTAssertTrue(try XapianDatabase(path: path, writable: false).facetColumnsAreCurrent(slot: Schema.Slot.facets, path: columns))
    }

    func testEveryFacetValueFiltersToItsCount() throws {
        var records = (1...120).map(record)
        records.append(Record(id: "quoted", kind: .email, from: Correspondent(name: "Ann \"Nan\" Lee", address: nil),
                              source: Source(path: "/tmp/q.eml", sha256: "q"), text: "even"))
        do {
            let writer = try IndexWriter(path: path)
            try writer.add(records)
            try writer.commit()
        }
        let index = try SearchIndex(path: path)
        let response = try index.search(SearchRequest(query: "", limit: 0))
        var checked = 0
        for facet in Facet.all {
            for value in try XCTUnwrap(response.facets[facet.name]) {
                let filter = facet.filter(value.value)
                XCTAssertEqual(try index.search(SearchRequest(query: filter, limit: 0)).total, value.count, filter)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15)
    }
}
