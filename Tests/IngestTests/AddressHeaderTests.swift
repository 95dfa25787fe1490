@testable import Ingest
import XCTest

/// Address headers of sent mail as RFC 5322 and 6532 write them, and as released mail
/// really has them: comments, groups, quoted and encoded names, repeated headers,
/// redacted and invalid addresses, forged names.
final class AddressHeaderTests: XCTestCase {
    func people(_ value: String) -> [Correspondent] { MailboxList.parse(value) }

    func testNamesAsWrittenInEachForm() {
        XCTAssertEqual(people("bbb@ddd.com (John X. Doe)"), [Correspondent(name: "John X. Doe", address: "bbb@ddd.com")],
                       "an old-style comment is the name when there is no other")
        XCTAssertEqual(people("\"Doe, Jane\" <jane@nypd.org>, 'brad@ice.dhs.gov' <brad@ice.dhs.gov>"),
                       [Correspondent(name: "Jane Doe", address: "jane@nypd.org"), Correspondent(name: "brad@ice.dhs.gov", address: "brad@ice.dhs.gov")])
        XCTAssertEqual(people("=?UTF-8?Q?Doe=2C_Jane?= <jane@nypd.org>"), [Correspondent(name: "Jane Doe", address: "jane@nypd.org")],
                       "a comma decoded from an encoded word does not split the name")
        XCTAssertEqual(people("David H=?ISO-8859-1?B?9g==?=hn <dh@uptime.at>"), [Correspondent(name: "David Höhn", address: "dh@uptime.at")])
        XCTAssertEqual(people("\"\" Angles \" Puglisi\" <angles@aminvestments.com>"),
                       [Correspondent(name: "Angles Puglisi", address: "angles@aminvestments.com")])
    }

    func testGroupsRedactedInvalidAndForgedAddressesAreKeptAsWritten() {
        XCTAssertEqual(people("Clearview team: hal@clearview.ai, Jessica <jessica@clearview.ai>;, desk@nypd.org").map(\.address),
                       ["hal@clearview.ai", "jessica@clearview.ai", "desk@nypd.org"])
        XCTAssertEqual(people("undisclosed-recipients:;"), [])
        XCTAssertEqual(people("porady@REDACTED, danglüe@email.com").map(\.address), ["porady@redacted", "danglüe@email.com"], "(addresses are kept lowercased, as everywhere)")
        XCTAssertEqual(people("purchasing@aquillaindustries.com <do-not-reply@ncs.gov.ng>"),
                       [Correspondent(name: "purchasing@aquillaindustries.com", address: "do-not-reply@ncs.gov.ng")],
                       "a name that is another address (a forged sender) is kept beside the real one")
        XCTAssertEqual(people("vondruch at redhat.com (Vít Ondruch)"), [Correspondent(name: "Vít Ondruch", address: "vondruch at redhat.com")])
        XCTAssertEqual(people("harley@argote.ch ((Robert Harley))"), [Correspondent(name: "Robert Harley", address: "harley@argote.ch")])
        XCTAssertEqual(people("=?koi8-r?b?8sXL0sXB1MnXzs/FIMHHxc7U09TXzw==?="), [Correspondent(name: "Рекреативное агентство", address: nil)],
                       "an encoded name where the address should be")
        XCTAssertEqual(people("Bob Dunite <bob@extern> Bobby Dunite <bobby@extern>"), [Correspondent(name: "Bob Dunite", address: "bob@extern")])
    }

    func testRepeatedRecipientHeadersAreOneList() {
        let message = EmailMessage(Data("""
            From: a@nypd.org
            To: b@nypd.org
            To: c@nypd.org
            Cc: =?KOI8-R?B?88HXz9PUxc7PyyDv2NjHwQ==?= <osavostenok@hse.ru>
            Cc: d@nypd.org

            body
            """.utf8))
        XCTAssertEqual(message.to.map(\.address), ["b@nypd.org", "c@nypd.org"])
        XCTAssertEqual(message.cc.map(\.address), ["osavostenok@hse.ru", "d@nypd.org"])
    }
    func testWhoSentForTheMailboxIsKeptApartFromIt() {
        let delegated = EmailMessage(Data("""
            From: "Jane Doe on behalf of Records Access Desk" <foil@nypd.org>
            To: reporter@example.org

            body
            """.utf8))
        XCTAssertEqual(delegated.from, Correspondent(name: "Records Access Desk", address: "foil@nypd.org"))
        XCTAssertEqual(delegated.sender, Correspondent(name: "Jane Doe", address: nil))
        let sent = EmailMessage(Data("From: Records Access Desk <foil@nypd.org>\nSender: Jane Doe <jdoe@nypd.org>\n\nbody".utf8))
        XCTAssertEqual(sent.from?.address, "foil@nypd.org")
        XCTAssertEqual(sent.sender, Correspondent(name: "Jane Doe", address: "jdoe@nypd.org"))
        let own = EmailMessage(Data("From: Jane Doe <jdoe@nypd.org>\nSender: jdoe@nypd.org\n\nbody".utf8))
        XCTAssertNil(own.sender, "a Sender: that is the From mailbox says nothing more")
    }
    func testAPrintedOnBehalfOfLineToo() {
        let text = """
            From: Jane Doe on behalf of Records Access Desk <foil@nypd.org>
            Sent: Tuesday, December 4, 2018 10:32 AM
            To: Reporter <reporter@example.org>
            Subject: Your request

            Your request is received.
            """
        let records = RecordBuilder().records(fromText: text, file: SourceFile(path: "release.txt", sha256: "0"))
        XCTAssertEqual(records.first?.from, Correspondent(name: "Records Access Desk", address: "foil@nypd.org"))
        XCTAssertEqual(records.first?.sender?.name, "Jane Doe")
    }
}


