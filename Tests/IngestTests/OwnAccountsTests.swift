import Ingest
import XCTest

/// A sender's own word on their other accounts and name, and what is no such word.
final class OwnAccountsTests: XCTestCase {
    func testAccountsASenderGivesAsTheirOwn() {
        let signed = "Send me the photos.\n\nMichael Reyes\nDetective, NYPD\nmichael.reyes@nypd.org | MReyes.NYC@gmail.com"
        XCTAssertEqual(OwnAccounts.addresses(in: signed, from: "mreyes.nyc@gmail.com"), ["michael.reyes@nypd.org"])
        XCTAssertEqual(OwnAccounts.addresses(in: "Writing from home. My work email is michael.reyes@nypd.org.", from: "mreyes.nyc@gmail.com"),
                       ["michael.reyes@nypd.org"])
        XCTAssertEqual(OwnAccounts.introducedNames(in: "Hi Jessica,\nThis is Det. Michael Reyes, writing from my personal account."),
                       ["Det. Michael Reyes"])
        XCTAssertEqual(OwnAccounts.introducedNames(in: "It's Kevin Walsh from my Gmail, can you reset the trial?"), ["Kevin Walsh"])
    }

    func testWhatIsNoOwnWord() {
        // Someone else's address in the signature, the sender's own not among them.
        XCTAssertEqual(OwnAccounts.addresses(in: "Thanks,\nMichael\nCc: anna.fischer@cognitec.com", from: "mreyes.nyc@gmail.com"), [])
        // A quoted message's word is its sender's, not this one's.
        let quoted = "ok\n\nOn Mon, Mar 4, 2019 at 10:00 AM Kevin Walsh <kwalsh.det@gmail.com> wrote:\n> My work email is kevin.walsh@nypd.org"
        XCTAssertEqual(OwnAccounts.addresses(in: quoted, from: "mreyes.nyc@gmail.com"), [])
        XCTAssertEqual(OwnAccounts.addresses(in: "Their work email is kevin.walsh@nypd.org", from: "mreyes.nyc@gmail.com"), [])
        XCTAssertEqual(OwnAccounts.introducedNames(in: "This is Michael, writing from my personal account."), [], "a first name alone")
        XCTAssertEqual(OwnAccounts.introducedNames(in: "This is Clearview's trial, from my personal notes"), [])
    }
}
