import Foundation
import TestSupport
import XCTest

/// A request's correspondence as the seeds describe it: the request, two acknowledgements
/// (one setting an expected date), and a denial as too broad — read by `corpus requests`.
final class RequestThreadTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("requests-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    func write(_ name: String, from: String, to: String, date: String, subject: String, id: String, replyTo: String?, body: String) throws {
        var headers = "From: \(from)\r\nTo: \(to)\r\nDate: \(date)\r\nSubject: \(subject)\r\nMessage-ID: <\(id)>\r\n"
        if let replyTo { headers += "In-Reply-To: <\(replyTo)>\r\nReferences: <\(replyTo)>\r\n" }
        try Data((headers + "\r\n" + body + "\r\n").utf8).write(to: folder.appendingPathComponent(name))
    }

    func testTheEventsOfARequestsCorrespondence() throws {
        let reporter = "Dana Park <dpark@newsroom.example.com>", unit = "FOIL Unit <foil@nypd.example.gov>"
        try write("1.eml", from: reporter, to: unit, date: "Fri, 10 Jan 2020 09:00:00 -0500", subject: "FOIL request: facial recognition vendors",
                  id: "request@newsroom.example.com", replyTo: nil,
                  body: "Pursuant to the Freedom of Information Law, I request copies of all emails between the NYPD and Clearview AI since 2018.")
        try write("2.eml", from: unit, to: reporter, date: "Tue, 14 Jan 2020 11:30:00 -0500", subject: "RE: FOIL request: facial recognition vendors",
                  id: "ack1@nypd.example.gov", replyTo: "request@newsroom.example.com",
                  body: "This will acknowledge receipt of your request, which has been assigned FOIL-2020-056-00123.")
        try write("3.eml", from: unit, to: reporter, date: "Tue, 21 Jan 2020 15:05:00 -0500", subject: "RE: FOIL request: facial recognition vendors",
                  id: "ack2@nypd.example.gov", replyTo: "ack1@nypd.example.gov",
                  body: "We have received your request FOIL-2020-056-00123. We anticipate that a response will be provided by April 30, 2020.")
        try write("4.eml", from: unit, to: reporter, date: "Thu, 20 Feb 2020 10:00:00 -0500", subject: "RE: FOIL request: facial recognition vendors",
                  id: "denial@nypd.example.gov", replyTo: "ack2@nypd.example.gov",
                  body: "Your request FOIL-2020-056-00123 is denied: as written it is too broad to locate the records sought.")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let listed = try CorpusBinary.run(["requests", "--index", index, "--json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let requests = try XCTUnwrap((listed.json as? [String: Any])?["requests"] as? [[String: Any]], listed.stdout)
        XCTAssertEqual(requests.map { $0["request"] as? String }, ["FOIL-2020-056-00123"])
        let events = try XCTUnwrap(requests.first?["events"] as? [[String: Any]])
        func line(_ event: [String: Any]) -> String {
            ["\(event["event"] ?? "")", String((event["date"] as? String ?? "").prefix(10)), event["until"] as? String ?? "", event["reason"] as? String ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        XCTAssertEqual(events.map(line), ["submitted 2020-01-10", "acknowledged 2020-01-14", "acknowledged 2020-01-21",
                                          "expected 2020-01-21 2020-04-30", "denied 2020-02-20 too broad"])
        XCTAssertEqual(requests.first?["records"] as? Int, 3, "three name the number; the request itself is in their thread")
    }

    /// An agency's own form of request number, given in the entities file, is found in that
    /// ingest and in later ones (the index keeps the file's rows), and not without it.
    func testAnAgencysOwnFormFromTheEntitiesFile() throws {
        let unit = "Records Access Officer <foil@doi.example.gov>", reporter = "Dana Park <dpark@newsroom.example.com>"
        try write("1.eml", from: unit, to: reporter, date: "Mon, 3 May 2021 09:00:00 -0400", subject: "Your records request",
                  id: "logged@doi.example.gov", replyTo: nil, body: "Your request has been logged as DOI-2021-00417.")
        let plain = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: plain) }
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", plain, folder.path]).status, 0)
        XCTAssertEqual(try CorpusBinary.run(["search", "--index", plain, "request:DOI-2021-00417", "--json"]).json.flatMap { ($0 as? [String: Any])?["total"] as? Int }, 0)

        let entities = folder.appendingPathComponent("entities.csv")
        try Data("type,name,aliases,domains\nrequest,NYC DOI,DOI-####-#####,\n".utf8).write(to: entities)
        let mail = folder.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("1.eml"), to: mail.appendingPathComponent("1.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, "--entities", entities.path, mail.path]).status, 0)
        try write("2.eml", from: unit, to: reporter, date: "Mon, 7 Jun 2021 09:00:00 -0400", subject: "Re: Your records request",
                  id: "denied@doi.example.gov", replyTo: "logged@doi.example.gov",
                  body: "Your request DOI-2021-00417 is denied in part under Public Officers Law 87(2)(e).")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.appendingPathComponent("2.eml").path]).status, 0)
        let listed = try CorpusBinary.run(["requests", "--index", index, "--json"])
        let requests = try XCTUnwrap((listed.json as? [String: Any])?["requests"] as? [[String: Any]], listed.stdout + listed.stderr)
        XCTAssertEqual(requests.map { $0["request"] as? String }, ["DOI-2021-00417"])
        XCTAssertEqual(requests.first?["records"] as? Int, 2)
    }
}
