import Ingest
import XCTest

/// Request numbers as agencies print them, and what is no request number.
final class RequestNumbersTests: XCTestCase {
    func testTheFormsAgenciesPrint() {
        XCTAssertEqual(RequestNumbers().find(in: ["Re: FOIL-2019-056-14551 (your request of March 4)"]), ["FOIL-2019-056-14551"])
        XCTAssertEqual(RequestNumbers().find(in: ["This acknowledges receipt of your FOIA request 2020-ICFO-31877, received on"]), ["2020-ICFO-31877"])
        XCTAssertEqual(RequestNumbers().find(in: ["Case No. F-2014-20439\nSegment: L-0001"]), ["F-2014-20439"])
        XCTAssertEqual(RequestNumbers().find(in: ["FOIL Request No. 2020-PL-00417 - Responsive Records - NYPD Legal Bureau"]), ["2020-PL-00417"])
        XCTAssertEqual(RequestNumbers().find(in: ["FOIPA Request No.: 1234567-000"]), ["1234567-000"])
        XCTAssertEqual(RequestNumbers().find(in: ["foil request #2019-oig-118", "and again FOIA Request 2019-OIG-118"]), ["2019-OIG-118"], "each once, upper-cased")
        XCTAssertEqual(RequestNumbers().find(in: ["pra appeal no. 21-0042-A; see foil-2019-056-14551 and f-2014-20439"]),
                       ["FOIL-2019-056-14551", "F-2014-20439", "21-0042-A"], "any case, each form")
    }

    func testWhatIsNoRequestNumber() {
        for text in ["Sent: 2019-05-01 10:32", "Call 212-555-0199", "I will file a FOIL request to the agency",
                     "Case 1:15-cv-07433-LAP Document 1320-12 Filed 01/05/24", "Bates NYPD-000123", "FOIA request in-progress"] {
            XCTAssertEqual(RequestNumbers().find(in: [text]), [], text)
        }
    }

    /// An agency's own form, given as a shape (`request` rows of the entities file).
    func testAShapeAReporterGives() throws {
        var numbers = RequestNumbers()
        try numbers.add(shape: "DOI-####-#####")
        try numbers.add(shape: "MTA/FOIL @@ ##-####")
        XCTAssertEqual(numbers.find(in: ["Your request has been logged as doi-2021-00417; quote it."]), ["DOI-2021-00417"])
        XCTAssertEqual(numbers.find(in: ["Ref. MTA/FOIL NY 21-0417 (Legal)"]), ["MTA/FOIL NY 21-0417"])
        for text in ["XDOI-2021-00417", "DOI-2021-004171", "DOI-2021-00417-2", "DOI-21-00417", "MTA/FOIL 21-0417"] {
            XCTAssertEqual(numbers.find(in: [text]), [], text)
        }
        XCTAssertEqual(RequestNumbers().find(in: ["logged as DOI-2021-00417"]), [], "not a built-in form")
        XCTAssertThrowsError(try numbers.add(shape: "DOI-##"))
    }

    /// `request` rows of an entities file: an agency and its shapes; a row without one is refused
    /// with its line.
    func testRequestRowsOfAnEntitiesFile() throws {
        let gazetteer = try Gazetteer(csv: "type,name,aliases,domains\nrequest,NYC DOI,DOI-####-#####;DOI/####/###\n", origin: "mine.csv")
        XCTAssertEqual(gazetteer.requestNumbers.find(in: ["DOI/2021/417 and DOI-2021-00417"]), ["DOI-2021-00417", "DOI/2021/417"])
        XCTAssertNil(gazetteer.entity(named: "NYC DOI"), "a request row adds no entity")
        XCTAssertThrowsError(try Gazetteer(csv: "type,name,aliases,domains\nrequest,NYC DOI,,\n", origin: "mine.csv")) { error in
            XCTAssertEqual("\(error)", "mine.csv: line 2: a request row gives its number shapes in the third column")
        }
    }
}
