import Ingest
import XCTest

final class PersonNameTests: XCTestCase {
    func testOneNameHoweverPrinted() {
        for printed in ["Michael Reyes", "Reyes, Michael", "Det. Michael Reyes", "MICHAEL REYES (NYPD)", "Michael J. Reyes", "Detective Michael Reyes Jr."] {
            XCTAssertEqual(PersonName.key(printed), "michael reyes", printed)
        }
        XCTAssertNil(PersonName.key("Michael"), "a first name alone names no one")
        XCTAssertNil(PersonName.key("Det. Reyes"))
        XCTAssertNotEqual(PersonName.key("Michael Chen"), PersonName.key("Michael Reyes"))
    }

    func testTheNamesAMessageIsSignedWith() {
        XCTAssertEqual(PersonName.signatures(in: "Can you call me?\n\nThanks,\nDet. Michael Reyes\nNYPD Detective Squad\n(212) 555-0100"), ["Det. Michael Reyes"], "a unit's name is no person's")
        XCTAssertEqual(PersonName.signatures(in: "Love the app!\n\nMichael"), [])
        XCTAssertEqual(PersonName.signatures(in: "See you Monday at the office about the pilot program."), [], "a sentence is no signature")
    }
}
