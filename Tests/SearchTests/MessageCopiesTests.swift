import Foundation
import Ingest
@testable import Search
import XCTest

/// One email released three times — scanned, printed with a text layer, and as an .eml —
/// is one message: the .eml's record stands for it with the other files among its
/// sources, in whatever order and however many ingests they come; searches, facets,
/// people and timelines count it once.
final class MessageCopiesTests: XCTestCase {
    var path: String!

    override func setUp() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("copies-\(UUID())").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func email(_ id: String, file: String, from: Correspondent, date: String, subject: String, ocr: Bool = false,
               messageID: String? = nil, pages: ClosedRange<Int>? = 1...1) -> Record {
        var record = Record(id: id, kind: .email, subject: subject, from: from,
                            to: [Correspondent(name: "Clearview Sales", address: "sales@clearview.ai")], date: RecordDate(iso: date),
                            vendors: ["Clearview AI"], source: Source(path: "/release/\(file)", sha256: file, pages: pages),
                            text: "The trial accounts are ready.", messageID: messageID)
        record.ocr = ocr
        return record
    }

    lazy var scan = email("scan", file: "scan.pdf", from: Correspondent(name: "Owen Ramos", address: nil),
                          date: "2019-03-05T09:12:00", subject: "RE: Trial accounts", ocr: true)
    lazy var print = email("print", file: "print.pdf", from: Correspondent(name: "Ramos, Owen", address: "oramos@nypd.org"),
                           date: "2019-03-05T09:12:00", subject: "RE: Trial accounts")
    lazy var mail = email("mail", file: "a.eml", from: Correspondent(name: "Owen Ramos", address: "oramos@nypd.org"),
                          date: "2019-03-05T09:12:41-05:00", subject: "Re: Trial accounts", messageID: "<a1@nypd.org>", pages: nil)
    /// The same sender a minute later: another message.
    lazy var other = email("other", file: "print.pdf", from: Correspondent(name: "Owen Ramos", address: "oramos@nypd.org"),
                           date: "2019-03-05T09:13:00", subject: "RE: Trial accounts", pages: 2...2)

    func index(ingesting groups: [[Record]]) throws -> SearchIndex {
        try ingest(groups, into: path)
        return try SearchIndex(path: path)
    }

    func testOneMessageReleasedThreeTimesCountsOnce() throws {
        for groups in [[[scan, print, mail, other]], [[scan], [other, print], [mail]], [[mail], [print], [scan, other]], [[print, scan], [other], [mail]]] {
            let order = groups.map { $0.map(\.id) }.description
            let index = try index(ingesting: groups)
            let response = try index.search(SearchRequest(query: "trial"))
            XCTAssertEqual(response.total, 2, order)
            XCTAssertEqual(Set(response.hits.map(\.id)), ["mail", "other"], order)
            XCTAssertEqual(response.hits.first { $0.id == "mail" }?.duplicates, 2, order)
            XCTAssertEqual(response.facets["vendor"], [FacetCount(value: "Clearview AI", count: 2)], order)
            XCTAssertEqual(try index.people(query: "").first { $0.addresses.contains("oramos@nypd.org") }?.messages, 2, order)
            let timeline = try index.timeline(query: "", by: .vendor, interval: .month)
            XCTAssertEqual(timeline.series.first?.buckets.map(\.count), [2], order)

            let head = try index.record(id: "mail")
            XCTAssertNil(head.copyOf, order)
            XCTAssertEqual(Set(head.otherSources.map(\.path)), ["/release/scan.pdf", "/release/print.pdf"], order)
            XCTAssertEqual(try index.record(id: "scan").copyOf, "mail", order)
            XCTAssertEqual(try index.record(id: "print").copyOf, "mail", order)
            XCTAssertNil(try index.record(id: "other").copyOf, order)
            XCTAssertEqual(try index.search(SearchRequest(query: "file:scan.pdf")).hits.map(\.id), ["mail"], order)
        }
    }

    /// In one file, a second print of an email is most often a quoted copy the splitter
    /// took for an email: both records stay, neither standing for the other.
    func testTwoPrintsInOneFileAreNotCopies() throws {
        var again = print
        again.id = "print again"
        again.source = Source(path: "/release/print.pdf", sha256: "print.pdf", pages: 2...2)
        let index = try index(ingesting: [[print, again]])
        XCTAssertEqual(try index.search(SearchRequest(query: "trial")).total, 2)
        XCTAssertNil(try index.record(id: "print again").copyOf)
    }

    /// Two mail messages are one only by their Message-ID: a sender, minute and subject
    /// in common do not make them copies.
    func testMailWithTwoMessageIDsIsTwoMessages() throws {
        var second = mail
        second.id = "mail2"
        second.messageID = "<a2@nypd.org>"
        second.source = Source(path: "/release/b.eml", sha256: "b.eml")
        let index = try index(ingesting: [[mail, second]])
        XCTAssertEqual(try index.search(SearchRequest(query: "trial")).total, 2)
    }
}
