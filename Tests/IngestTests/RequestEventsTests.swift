import Ingest
import XCTest

/// What records officers' letters say happened to a request, in their usual phrases.
final class RequestEventsTests: XCTestCase {
    func kinds(_ text: String) -> [String] { RequestEvents.events(in: text).map(\.kind.rawValue) }

    func testTheUsualPhrases() {
        XCTAssertEqual(kinds("Pursuant to the Freedom of Information Law, I request copies of all emails with Clearview AI."), ["submitted"])
        XCTAssertEqual(kinds("This letter will acknowledge receipt of your request, assigned FOIL-2020-056-00123."), ["acknowledged"])
        let expected = RequestEvents.events(in: "We have received your FOIL request. We anticipate that a response will be provided by April 30, 2020.")
        XCTAssertEqual(expected.map(\.kind.rawValue), ["acknowledged", "expected"])
        XCTAssertEqual(expected.last?.date?.day8601, "2020-04-30")
        let extended = RequestEvents.events(in: "We need additional time and must extend the response date to June 15, 2020.")
        XCTAssertEqual(extended.map(\.kind.rawValue), ["extended"])
        XCTAssertEqual(extended.first?.date?.day8601, "2020-06-15")
        let denied = RequestEvents.events(in: "Your request is denied pursuant to Public Officers Law §87(2)(e)(i).")
        XCTAssertEqual(denied.map(\.kind.rawValue), ["denied"])
        XCTAssertEqual(denied.first?.reason, "§87(2)(e)(i)")
        XCTAssertEqual(RequestEvents.events(in: "Your request is denied as too broad.").first?.reason, "too broad")
        XCTAssertEqual(kinds("I hereby appeal the denial of my request FOIL-2020-056-00123."), ["appealed"])
        XCTAssertEqual(kinds("Enclosed please find the responsive records. Your request is now closed."), ["fulfilled"])
        XCTAssertEqual(kinds("Under the Freedom of Information Law, the Legal Aid Society requests all emails concerning Clearview AI."), ["submitted"])
        let partly = RequestEvents.events(in: "Your request is granted in part and denied in part. Records are enclosed. Portions are redacted under §87(2)(b). You may appeal this determination within thirty days.")
        XCTAssertEqual(partly.map(\.kind.rawValue), ["denied", "fulfilled"], "a notice of appeal rights is no appeal")
        XCTAssertEqual(partly.map { $0.reason ?? "" }, ["in part, §87(2)(b)", "in part"], "granted in part: fulfilled in part")
    }

    /// A reply quoting the agency's letter does not state its events again, and words
    /// that only sound alike state none.
    func testQuotedLettersAndLookalikes() {
        XCTAssertEqual(kinds("Thanks, I will wait.\n\nOn Jan 14, 2020, at 9:12 AM, FOIL Unit <foil@nypd.org> wrote:\n> This will acknowledge receipt of your request."), [])
        XCTAssertEqual(kinds("> Your request is denied.\nI am appalled."), [])
        XCTAssertEqual(kinds("We expect great things from the pilot."), [], "an expectation without a date is no expected date")
    }
}
