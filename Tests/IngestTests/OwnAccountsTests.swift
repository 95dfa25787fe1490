@testable import Ingest
import TestSupport
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

    /// Case aside: a pattern is passed by only where the words it needs are missing.
    func testTheAccountsWhateverTheirCase() {
        XCTAssertEqual(OwnAccounts.addresses(in: "MY WORK E-MAIL IS Michael.Reyes@NYPD.org", from: "mreyes.nyc@gmail.com"), ["michael.reyes@nypd.org"])
        XCTAssertEqual(OwnAccounts.addresses(in: "Thanks\n\nMichael Reyes\nMICHAEL.REYES@NYPD.ORG\nMReyes.NYC@Gmail.com", from: "MReyes.NYC@gmail.com"),
                       ["michael.reyes@nypd.org"])
        XCTAssertEqual(OwnAccounts.introducedNames(in: "THIS IS Michael Reyes, WRITING FROM MY PERSONAL account"), ["Michael Reyes"])
    }

    /// The signature block, found from the end of the message's own part, is the last six
    /// lines that hold more than white space, as splitting the whole text into Characters at
    /// every line break finds them: on texts of pieces that join Characters across breaks.
    func testTheSignatureBlockIsTheLastSixLinesAsCharactersPartThem() {
        let pieces = ["a", "Reyes", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{00A0}",
                      "\u{301}", "\u{200D}", "é", "👩‍💻", "\u{3000}", "\n\n"]
        var numbers = SeededNumbers(seed: 0x5EED_2026_1202)
        for _ in 0..<5000 {
            let text = (0..<(1 + numbers.next(30))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let reference = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed().isEmpty }.suffix(6).joined(separator: "\n")
            XCTAssertEqual(Signature.block(of: text), reference, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}
