@testable import Ingest
import TestSupport
import XCTest

final class HeaderParsingTests: XCTestCase {
    func testAForwardedMessageMarkerWhoseDashesOCRReadAsWordsIsStillAMarker() {
        // (The trailing dashes hold: "waeeen nee" is what OCR made of the leading ones.)
        for marker in ["waeeen nee Forwarded message ---------", "---------- Forwarded message ---------"] {
            let lines = [PageLine(text: marker, page: 1), PageLine(text: "From: Aisha Oliveira <aisha@example.org>", page: 1)]
            XCTAssertNotNil(EmailSplitter.markerBefore(1, lines, floor: 0), marker)
        }
        let prose = [PageLine(text: "I have forwarded the message to Legal.", page: 1), PageLine(text: "From: Aisha Oliveira <aisha@example.org>", page: 1)]
        XCTAssertNil(EmailSplitter.markerBefore(1, prose, floor: 0))
    }

    func testDatesInEveryLayoutKeepAnOffsetOnlyWhenPrinted() {
        let cases: [(String, String)] = [
            ("Tue, 4 Dec 2018 10:32:00 -0500", "2018-12-04T10:32:00-05:00"),
            ("Tue, 4 Dec 2018 10:32:00 -0500 (EST)", "2018-12-04T10:32:00-05:00"),
            ("4 Dec 2018 10:32 GMT", "2018-12-04T10:32:00+00:00"),
            ("Tuesday, December 4, 2018 10:32 AM", "2018-12-04T10:32:00"),
            ("Tuesday, December 4, 2018 12:05 AM", "2018-12-04T00:05:00"),
            ("Tue, Dec 4, 2018 at 10:32 PM", "2018-12-04T22:32:00"),
            ("12/4/2018 3:07:09 PM", "2018-12-04T15:07:09"),
            ("2018-12-04 10:32", "2018-12-04T10:32:00"),
            ("December 4, 2018", "2018-12-04"),
            ("Sept. 30, 2019", "2019-09-30"),
            ("Sat, 22 May 2021 09:58:48 +0530", "2021-05-22T09:58:48+05:30"),
            // No zone is offset so: OCR misread the offset, and none is guessed.
            ("Sat, 22 May 2021 09:58:48 -0950", "2021-05-22T09:58:48"),
            ("Sat, 22 May 2021 09:58:48 +1900", "2021-05-22T09:58:48"),
        ]
        for (text, iso) in cases {
            XCTAssertEqual(DateParser.parse(text)?.description, iso, text)
        }
        XCTAssertNil(DateParser.parse("February 30, 2019"))
        XCTAssertNil(DateParser.parse("no date here"))
    }

    func testAddressListsInOutlookGmailAndRFCForms() {
        XCTAssertEqual(AddressList.parse("O'Neill, Karen <karen.oneill@nypd.org>; Kaplan, David <david.kaplan@nypd.org>"), [
            Correspondent(name: "Karen O'Neill", address: "karen.oneill@nypd.org"),
            Correspondent(name: "David Kaplan", address: "david.kaplan@nypd.org"),
        ])
        XCTAssertEqual(AddressList.parse("\"Doe, Jane\" <Jane.Doe@NYPD.org>, bob@clearview.ai, Bob Smith <bob@x.com>"), [
            Correspondent(name: "Jane Doe", address: "jane.doe@nypd.org"),
            Correspondent(name: nil, address: "bob@clearview.ai"),
            Correspondent(name: "Bob Smith", address: "bob@x.com"),
        ])
        XCTAssertEqual(AddressList.parse("Doe, Jane; Smith, Bob"), [
            Correspondent(name: "Jane Doe", address: nil), Correspondent(name: "Bob Smith", address: nil),
        ])
        XCTAssertEqual(AddressList.parse("Jane Doe [mailto:jane@nypd.org]"), [Correspondent(name: "Jane Doe", address: "jane@nypd.org")])
        // A surname of several words and a first name with its initial: one person.
        XCTAssertEqual(AddressList.parse("De La Cruz, Erin W."), [Correspondent(name: "Erin W. De La Cruz", address: nil)])
        XCTAssertEqual(AddressList.parse("De La Cruz, Erin W. <edelacruz@cellebrite.com>"),
                       [Correspondent(name: "Erin W. De La Cruz", address: "edelacruz@cellebrite.com")])
        XCTAssertEqual(AddressList.parse("John Smith, Mary Jones"), [
            Correspondent(name: "John Smith", address: nil), Correspondent(name: "Mary Jones", address: nil),
        ], "two whole names are two people")
    }

    func testRecordDateRoundTripsThroughISO() throws {
        for iso in ["2018-12-04", "2018-12-04T10:32:00", "2018-12-04T10:32:00-05:00", "2020-02-29T23:59:59+05:30"] {
            XCTAssertEqual(RecordDate(iso: iso)?.description, iso)
        }
        // The shorter forms ISO 8601 allows read as the same dates.
        XCTAssertEqual(RecordDate(iso: "2018-12-04T10:32")?.description, "2018-12-04T10:32:00")
        XCTAssertEqual(RecordDate(iso: "2018-12-04T10:32:05Z")?.description, "2018-12-04T10:32:05+00:00")
        XCTAssertEqual(RecordDate(iso: "2018-12-04T10:32:05-0530")?.offsetMinutes, -330)
        for bad in ["2018-12-4", "2018-12-04T10", "2018-12-04 10:32:00", "2018-12-04Z", "2018-12-04T10:32:00+5:30",
                    "2018-12-04T10:32:00 ", "2018-12-04T10:32:0", "2018-13-04", "2019-02-29", "2018-12-04T24:00",
                    "２０１８-12-04", "", "2018"] {
            XCTAssertNil(RecordDate(iso: bad), bad)
        }
        XCTAssertLessThan(RecordDate(iso: "2018-12-04")!, RecordDate(iso: "2018-12-04T00:00:01")!)
        // In time, offsets stated: 08:44 in Chicago comes after 09:07 in New York.
        let chicago = RecordDate(iso: "2019-04-03T08:44:40-05:00")!, newYork = RecordDate(iso: "2019-04-03T09:07:15-04:00")!
        XCTAssertTrue(newYork.isBefore(chicago))
        XCTAssertFalse(chicago.isBefore(newYork))
        // (04:00 UTC on New Year's Day, then 04:30 UTC: across the year in wall-clock time.)
        XCTAssertTrue(RecordDate(iso: "2020-01-01T05:00:00+01:00")!.isBefore(RecordDate(iso: "2019-12-31T23:30:00-05:00")!))
        // Without an offset on both, as printed.
        XCTAssertTrue(chicago.isBefore(RecordDate(iso: "2019-04-03T09:07:15")!))
        // The minute in UTC, across a day, a leap day and a year; none without an offset.
        XCTAssertEqual(RecordDate(iso: "2020-08-04T18:10:46-07:00")?.utcMinute, "20200805T0110")
        XCTAssertEqual(RecordDate(iso: "2020-03-01T01:15:00+05:30")?.utcMinute, "20200229T1945")
        XCTAssertEqual(RecordDate(iso: "2019-12-31T23:30:00-05:00")?.utcMinute, "20200101T0430")
        XCTAssertEqual(RecordDate(iso: "1969-12-31T20:00:00-05:00")?.utcMinute, "19700101T0100")
        XCTAssertNil(RecordDate(iso: "2019-04-03T09:07:15")?.utcMinute)
        XCTAssertEqual(RecordDate(iso: "2019-04-03T09:07:15")?.assuming(offsetMinutes: -240).utcMinute, "20190403T1307")
        // Dates are padded as printf pads them, a sign counted in the width.
        for number in [-12345, -42, -5, 0, 7, 42, 999, 2019, 123_456] {
            for width in [2, 4] { XCTAssertEqual(number.zeroPadded(width), String(format: "%0\(width)d", number)) }
        }
    }

    /// A Gmail sender line holds an address or a redacted one; a line with neither is not
    /// one, and is not asked of the pattern.
    func testAGmailSenderLineHoldsAnAddressOrARedactedOne() {
        XCTAssertEqual(HeaderBlock.gmailSenderMatch("Jane Doe <jane.doe@gmail.com>   Mon, Mar 4, 2019 at 10:15 AM")?.first, "Jane Doe <jane.doe@gmail.com>")
        XCTAssertEqual(HeaderBlock.gmailSenderMatch("Jane Doe <█████>   Mon, Mar 4, 2019 at 10:15 AM")?.first, "Jane Doe <█████>")
        XCTAssertEqual(HeaderBlock.gmailSenderMatch("jane.doe@gmail.com")?.first, "jane.doe@gmail.com")
        XCTAssertEqual(HeaderBlock.gmailSenderMatch("Vincent Lopez <vincent.).lopez@usdoj.gov>  Tue, Jan 8, 2019")?.first,
                       "Vincent Lopez <vincent.j.lopez@usdoj.gov>", "read again with OCR's damage undone")
        XCTAssertNil(HeaderBlock.gmailSenderMatch("Jane Doe (Mon, Mar 4, 2019 at 10:15 AM)"))
    }

    /// The words asked for that the system's list holds, as a set of all its entries answers.
    func testEverydayWordsAreTheListsEntries() throws {
        let entries = try String(contentsOfFile: EverydayWords.path, encoding: .utf8).split(separator: "\n").map(String.init)
        let list = Set(entries)
        var asked: Set<String> = ["vigilant", "hive", "rank", "one", "clearview", "palantir", "axon", "ice", "zzzz", "", "Vigilant"]
        for (index, entry) in entries.enumerated() where index % 50 == 0 {
            asked.formUnion([entry, entry + "s", String(entry.dropLast()), entry.lowercased()])
        }
        let found = EverydayWords.entries(among: asked)
        XCTAssertEqual(found, asked.intersection(list))
        XCTAssertTrue(found.isSuperset(of: ["vigilant", "hive", "rank", "one"]))
        XCTAssertFalse(found.contains("clearview"))
    }

    func testGazetteerFindsEntitiesByDomainNameAndMention() throws {
        let g = Gazetteer.builtIn
        XCTAssertEqual(g.entity(forDomain: "ice.dhs.gov")?.name, "ICE")
        XCTAssertEqual(g.entity(forDomain: "hq.dhs.gov")?.name, "DHS")
        XCTAssertEqual(g.entity(forDomain: "necam.com")?.name, "NEC")
        XCTAssertNil(g.entity(forDomain: "gmail.com"))
        XCTAssertEqual(g.entity(named: "clearview")?.name, "Clearview AI")
        let named = g.entitiesMentioned(in: "The DataWorks system and the Clearview app; nice ice.").map(\.name)
        XCTAssertEqual(Set(named), ["DataWorks Plus", "Clearview AI"], "lowercase 'ice' is not the agency")
        // Names that are everyday words count only as printed, beside a vendor cue.
        XCTAssertEqual(g.entitiesMentioned(in: "After the shooting the police became vigilant.").map(\.name), [])
        XCTAssertEqual(g.entitiesMentioned(in: "Vigilant officers stopped the car.").map(\.name), [])
        XCTAssertEqual(g.entitiesMentioned(in: "We searched Vigilant's LPR database for the plate.").map(\.name), ["Vigilant Solutions"])
        XCTAssertEqual(g.entitiesMentioned(in: "a quote from Vigilant Solutions").map(\.name), ["Vigilant Solutions"])
        // ...or printed with its capital inside a sentence, not as a title's word.
        XCTAssertEqual(g.entitiesMentioned(in: "The connection to\nAxon drops every few hours.").map(\.name), ["Axon"])
        XCTAssertEqual(g.entitiesMentioned(in: "Subject: Stay Vigilant This Weekend").map(\.name), [])
        // A vendor's name of everyday words counts as printed or in capitals.
        XCTAssertEqual(g.entitiesMentioned(in: "This is a rank one priority for the front office.").map(\.name), [])
        XCTAssertEqual(g.entitiesMentioned(in: "We met with Rank One about the SDK.").map(\.name), ["Rank One Computing"])
        XCTAssertEqual(g.entitiesMentioned(in: "RANK ONE COMPUTING INVOICE").map(\.name), ["Rank One Computing"])
        // An umbrella company's address is the company, never one of its products.
        XCTAssertEqual(g.entity(forDomain: "us.ibm.com")?.name, "IBM")
        XCTAssertEqual(g.entity(forDomain: "amazon.com")?.name, "Amazon")
        XCTAssertEqual(g.entitiesMentioned(in: "Our IBM account manager called.").map(\.name), ["IBM"])
        var custom = g
        try custom.add(csv: "type,name,aliases,domains\nvendor,Acme Face,Acme;AcmeFR,acmeface.com\n", origin: "test")
        XCTAssertEqual(custom.entity(forDomain: "mail.acmeface.com")?.kind, .vendor)
        XCTAssertThrowsError(try custom.add(csv: "type,name\nperson,Bob\n", origin: "mine.csv")) { error in
            XCTAssertTrue("\(error)".contains("mine.csv: line 2"))
        }
    }
}

final class PrintedHeaderTests: XCTestCase {
    /// "On <date>, <name> wrote:" in Gmail's, Apple Mail's and Thunderbird's wording, wrapped
    /// or not, names the quoted message's sender and date; a line without a time names none.
    /// A recipient list wrapped over several lines whose last line is one "Last, First M."
    /// name: the list goes on to it, and the wrapped subject under it is the header's.
    func testARecipientListEndingInANameWithAnInitialGoesOnToIt() {
        let text = ["From: Arjun Rodriguez <arjun.rodriguez@usss.dhs.gov>", "Sent: 11/14/2019 11:52 AM",
                    "To: Davis, Michael; Goldberg, Wei <wei.goldberg@ice.dhs.gov>; Mei Lee; Johnson, William A.;",
                    "Lewis, David K.",
                    "Subject: Question about the trial terms, data retention, and whether searches are logged for",
                    "audit", "", "Michael -", "The accounts are set up.", "Arjun"].joined(separator: "\n")
        let email = EmailSplitter.split(text: text).first
        XCTAssertEqual(email?.header.fields[.subject], "Question about the trial terms, data retention, and whether searches are logged for audit")
        XCTAssertEqual(email?.header.to.map(\.description), ["Michael Davis", "Wei Goldberg <wei.goldberg@ice.dhs.gov>", "Mei Lee", "William A. Johnson", "David K. Lewis"])
    }

    func testAttributionLinesNameTheQuotedSenderAndDate() {
        let body = """
            Thanks, see below.

            On Mon, Jan 28, 2019 at 7:09 PM Tanisha McAllister <tanisha.mcallister@microsoft.com>
            wrote:
            > Are the searches logged?

            On Jan 27, 2019, at 4:15 PM, Angela O'Brien <angela.j.obrien@nypd.org> wrote:
            > Send me the numbers.
            On 1/26/19 9:02 AM, Ethan Reyes wrote:
            >> Numbers attached.
            On Friday, Ethan Reyes wrote:
            >> > On 1/25/19 8:40 AM, Dana Wu wrote:
            >> > > The list is attached.
            > On Thu, Jan 24, 2019 at 6:02 PM Omar Vance <ovance@vendor-y.com>
            > wrote:
            """
        let quoted = QuoteMarkers.attributions(in: body)
        XCTAssertEqual(quoted.map { $0.from }, [Correspondent(name: "Tanisha McAllister", address: "tanisha.mcallister@microsoft.com"),
                                               Correspondent(name: "Angela O'Brien", address: "angela.j.obrien@nypd.org"),
                                               Correspondent(name: "Ethan Reyes", address: nil), Correspondent(name: "Dana Wu", address: nil),
                                               Correspondent(name: "Omar Vance", address: "ovance@vendor-y.com")])
        XCTAssertEqual(quoted.map { $0.date?.description }, ["2019-01-28T19:09:00", "2019-01-27T16:15:00", "2019-01-26T09:02:00",
                                                            "2019-01-25T08:40:00", "2019-01-24T18:02:00"])
    }

    /// A page break between a wrapped attribution's two lines leaves a blank line where the
    /// page's furniture was: the address and "wrote:" after it still end the attribution;
    /// any other line after a blank one is text of its own.
    func testAnAttributionWrappedAcrossAPageBreakIsStillRead() {
        let body = """
            See the numbers below.

            On Sat, Mar 13, 2021 at 1:41 PM Wendell Osei

            <wendell.osei@parks.example.gov> wrote:
            > The numbers are attached.
            >
            > > On Fri, Mar 12, 2021 at 9:05 AM Ines Barros
            >
            > > <ibarros@vendor-z.example> wrote:
            > > > Please send the numbers.
            On Monday we met with the vendor

            and Ines Barros wrote:
            """
        let quoted = QuoteMarkers.attributions(in: body)
        XCTAssertEqual(quoted.map { $0.from }, [Correspondent(name: "Wendell Osei", address: "wendell.osei@parks.example.gov"),
                                               Correspondent(name: "Ines Barros", address: "ibarros@vendor-z.example")])
        XCTAssertEqual(quoted.map { $0.date?.description }, ["2021-03-13T13:41:00", "2021-03-12T09:05:00"])
    }

    /// A redacted address leaves its exemption code after "wrote:"; the attribution is
    /// read all the same.
    func testAnAttributionEndingInAnExemptionCodeIsRead() {
        let body = """
            Noted.

            On Fri, May 19, 2017 at 8:18 AM Ada Mensah <█> wrote:  B6
            > The pilot is approved.
            > On 5/18/2017 4:02 PM, Lionel Park <█> wrote: (b)(6)
            > > Is the pilot approved?
            """
        let quoted = QuoteMarkers.attributions(in: body)
        XCTAssertEqual(quoted.map { $0.from?.name }, ["Ada Mensah", "Lionel Park"])
        XCTAssertEqual(quoted.map { $0.date?.description }, ["2017-05-19T08:18:00", "2017-05-18T16:02:00"])
        XCTAssertEqual(QuoteMarkers.ownPart(of: body).trimmed(), "Noted.")
    }

    func testLabelsSurviveOCRNoise() {
        let cases: [(String, PrintedHeader.Label?)] = [
            ("From: Jane", .from), ("Fr0m: Jane", .from), ("Sub ject: Hi", .subject), ("Subjcct: Hi", .subject),
            ("Ce: Bob", .cc), ("T0: Bob", .to), ("Sent : Monday", .sent), ("Attachments: a.pdf", .attachments),
            ("Note: this is body text", nil), ("Lieutenant, see below: more", nil),
            ("To; Castillo, Mei <castillom@panynj.gov>", .to), ("Bee: Perez, Francois", .bcc), ("Note; body text", nil),
            ("Yo: Jorge Walker <jorge.walker@troopers.ny.gov>", .to), ("Lo: Jorge Walker", .to),
        ]
        for (line, label) in cases {
            XCTAssertEqual(PrintedHeader.label(of: line)?.0, label, line)
        }
        // A label OCR could not read at all, in the label column over addresses: the
        // recipients (To first), not the end of the header.
        let text = ["From:  Victor Mancuso <mancusov@lapd.online>", "Date:  Mon, 18 Jun 2018 17:30:07 -0700",
                    "Bie  Gregory Campbell <gregory.campbell@ice.dhs.gov>, Priya", "      Garcia <priya@nypd.org>",
                    "Subject:  Referral", "", "Gregory - see the referral."].joined(separator: "\n")
        let header = EmailSplitter.split(text: text).first?.header
        XCTAssertEqual(header?.to.map(\.address), ["gregory.campbell@ice.dhs.gov", "priya@nypd.org"])
        XCTAssertEqual(header?.subject, "Referral")
        // A subject's colon read as a question mark, inside a header: still its subject.
        let question = ["From: dmitri@clearview.ai", "Date: Thu, 26 Sep 2019 06:44:30 -0400", "Subject? RE: Contract renewal",
                        "To: chloe.liu@nypd.org", "", "Chloe,"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: question).first?.header.subject, "RE: Contract renewal")
        XCTAssertEqual(EmailSplitter.split(text: question).first?.header.to.map(\.address), ["chloe.liu@nypd.org"])
        XCTAssertEqual(PrintedHeader.editDistance("oneillkaren", "karen"), 6)
        XCTAssertEqual(PrintedHeader.editDistance("oneillkaren", "oneilkaren"), 1)
    }

    func testOCRRepairOfHeaderValues() {
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Tue, 21] an 2020 11:30:00 -0500"))?.description, "2020-01-21T11:30:00-05:00")
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Tue, 11) un 2019 14:20:00 -0400"))?.description, "2019-06-11T14:20:00-04:00")
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Friday, J uly 12, 2019 2:40 PM"))?.description, "2019-07-12T14:40:00")
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Mon, 4,May 2020 21:01:23 -0400"))?.description, "2020-05-04T21:01:23-04:00")
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Sun,  21-.Feb 2021 06:09:13 -0500"))?.description, "2021-02-21T06:09:13-05:00")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("J ohn Park <jpark@ fbi.gov>")), [Correspondent(name: "John Park", address: "jpark@fbi.gov")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Lukasz Baptiste <lukasz.j:baptiste@nypd.org>")).first?.address, "lukasz.j.baptiste@nypd.org")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("jamal. jackson@gmail.com")).first?.address, "jamal.jackson@gmail.com")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Jorge Walker “jorge. walker@troopers.ny.gov>")),
                       [Correspondent(name: "Jorge Walker", address: "jorge.walker@troopers.ny.gov")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Aisha B. Oliveira <aisha oliveira@chicagopolice.org -")),
                       [Correspondent(name: "Aisha B. Oliveira", address: "aisha.oliveira@chicagopolice.org")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Jane Doe jdoe@nypd.org")).first?.address, "jdoe@nypd.org", "no bracket, no dot made")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Lucia. J.Rogers@ice /dhs.gov")).first?.address, "lucia.j.rogers@ice.dhs.gov")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("oliveirab@usss.dhs. gov")), [Correspondent(name: nil, address: "oliveirab@usss.dhs.gov")])
        XCTAssertEqual(OCRRepair.addresses("a@x.gov. Re: budget"), "a@x.gov. Re: budget", "a sentence after an address stays apart")
        // A space read before a dot: no name ".gov" or "christopher" is made of the parts.
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("kwong@dmv.ny .gov")), [Correspondent(name: nil, address: "kwong@dmv.ny.gov")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("christopher .howard@briefcam.com")),
                       [Correspondent(name: nil, address: "christopher.howard@briefcam.com")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Christopher .howard@briefcam.com")).first?.name, "Christopher",
                       "a name's word is not joined to an address")
        XCTAssertEqual(OCRRepair.addresses("a@x.gov .Re: budget"), "a@x.gov .Re: budget")
        // An opening bracket read as two marks: the name before it stays whole.
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Dabrowski, Inés -:ines.dabrowski@gowanuscourier.com >")),
                       [Correspondent(name: "Inés Dabrowski", address: "ines.dabrowski@gowanuscourier.com")])
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "Liam Rogers ot", address: nil)).name, "Liam Rogers")
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "Raj Lo pez", address: "raj.lopez@clearview.ai")).name, "Raj Lopez")
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "@yvind Rahman", address: "oyvindrahman.nyc@hotmail.com")).name, "Oyvind Rahman")
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "@yvind Rahman", address: nil)).name, "Rahman", "no letter guessed")
        // ... printed surname first, in a list: still the name, never an address.
        XCTAssertEqual(AddressList.parse("Mitchell, @yvind <oyvind.mitchell@clearview.ai>; Romano, Erin <romanoe@lapd.org>").map(OCRRepair.name),
                       [Correspondent(name: "Oyvind Mitchell", address: "oyvind.mitchell@clearview.ai"),
                        Correspondent(name: "Erin Romano", address: "romanoe@lapd.org")])
        XCTAssertEqual(AddressList.parse("Mitchell, @yvind <oyvind.mitchell@clearview.ai>, Erin <romanoe@lapd.org>").first?.name, "@yvind Mitchell")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Mitchell, @yvind <oyvind.mitchell@clearview .ai>")).map(OCRRepair.name),
                       [Correspondent(name: "Oyvind Mitchell", address: "oyvind.mitchell@clearview.ai")], "as a printed From line is read")
        // An address OCR left unreadable: the name, and no address.
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Chowdhury, Colleen <cchowdhury@lapd Jacity.org>")),
                       [Correspondent(name: "Colleen Chowdhury", address: nil)])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Sofia Wisniewski <sofia.wisniewski@clearview ai>; Erin <e@x.org>")),
                       [Correspondent(name: "Sofia Wisniewski", address: nil), Correspondent(name: "Erin", address: "e@x.org")])
        XCTAssertEqual(AddressList.parse("Erin Romano, mitchell@clearview.ai").map(\.address), [nil, "mitchell@clearview.ai"])
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "Ana Lee", address: "analee@x.org")).name, "Ana Lee", "two whole words stay two")
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "Ana de la Cruz", address: nil)).name, "Ana de la Cruz")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Emeka Khoury <emeka.}.khoury@ice.dhs.gov>")).first?.address, "emeka.j.khoury@ice.dhs.gov")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("© Briain, Nadia A. <nobriain@ice.dhs.gov>")).first?.name, "Nadia A. Briain")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("- O Briain, Declan <declan@kairos.com>")),
                       [Correspondent(name: "Declan O Briain", address: "declan@kairos.com")])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Andre Jackson [mailto:jacksona@chicagopolice.org]")).first?.address,
                       "jacksona@chicagopolice.org", "mailto: is no misread dot")
        // Angle brackets misread or lost, specks beside the "@", a dot read as a comma or a dash.
        for (read, address) in [("Castillo, Mei «castillom@panynj.gov -", "castillom@panynj.gov"),
                                ("Castillo, Mei <castillom@panynj.gov", "castillom@panynj.gov"),
                                ("Richardson, Karen <karen.richardson(@!sap-ny.org.’", "karen.richardson@sap-ny.org"),
                                ("Nunez, Owen “owen,j.nunez@panynj-gov +", "owen.j.nunez@panynj.gov")] {
            let parsed = AddressList.parse(OCRRepair.addresses(read))
            XCTAssertEqual(parsed.map(\.address), [address], read)
            XCTAssertEqual(parsed.count, 1, read)
        }
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Doe, Jane <jane@x-gov.org>; Roe, Rick <rick@nypd.org>")).map(\.address),
                       ["jane@x-gov.org", "rick@nypd.org"])
        for read in ["2°26°2019 4:12 PM", "2:26:2019 4:12 PM", "2/26°2019 4:12 PM"] {
            XCTAssertEqual(DateParser.parse(OCRRepair.date(read))?.description, "2019-02-26T16:12:00", read)
        }
        // A Notes date line whose slashes OCR lost or read as brackets, digits as letters.
        for (read, date) in [("03 20 2020 03:50 PM", "2020-03-20T15:50:00"), ("0308 2020 05:26 PM", "2020-03-08T17:26:00"),
                             ("03 21) 2020 12:48 PM", "2020-03-21T12:48:00"), ("1) 22 2019 02:38 PM", "2019-11-22T14:38:00"),
                             ("1] 22 2019 12:23 PM", "2019-11-22T12:23:00"), ("03 18 2020 [0:29 PN]", "2020-03-18T22:29:00"),
                             ("03.08 2020 05:52 PM", "2020-03-08T17:52:00")] {
            XCTAssertEqual(DateParser.parsePrinted(read)?.description, date, read)
        }
        // Numbers that are no date line stay as read: no time, or more than a date.
        XCTAssertNil(DateParser.parsePrinted("03 20 2020"))
        XCTAssertNil(DateParser.parsePrinted("Case 03 20 2020 03:50 PM"))
        // A scanned RFC date: the time's colons lost or spaced, the offset's zero and the
        // day's digits read as letters, a bracket after the day.
        for (read, date) in [("Sat. 27 Jul 2019 17 56:40 -0400", "2019-07-27T17:56:40-04:00"),
                             ("Wed, 27 Mar 2019 12: 32:44 -0400", "2019-03-27T12:32:44-04:00"),
                             ("Thu, 2 May 2019 09:28: 39-0400", "2019-05-02T09:28:39-04:00"),
                             ("Sun. lO Mar 2019 19:27 40-0700", "2019-03-10T19:27:40-07:00"),
                             ("Sun. 21) Apr 2019 09:05; 12-0400", "2019-04-21T09:05:12-04:00"),
                             ("Wed, 27 Mar 2019 11:39:16 -D400", "2019-03-27T11:39:16-04:00"),
                             ("Tue, I2 Mar 2019 08:00:00 -O500", "2019-03-12T08:00:00-05:00"),
                             ("Fri, Sep 1. 2017 at 4:57 PM", "2017-09-01T16:57:00"), ("Fri. Sep 1. 2017 at 3:45 PM", "2017-09-01T15:45:00")] {
            XCTAssertEqual(DateParser.parse(OCRRepair.date(read))?.description, date, read)
        }
        // Found by fuzzing (make fuzz): a mark combining with a digit, and other scripts'
        // digits, in a date's numbers are no numbers, and no crash.
        XCTAssertEqual(DateParser.parse("12/4/2018 11:32\u{73E}e")?.description, "2018-12-04T11:32:00")
        XCTAssertEqual(DateParser.parseHeader("Tue, 4 Dec 2018 10:32:00 +\u{665}\u{660}\u{660}")?.description, "2018-12-04T10:32:00")
        XCTAssertEqual(DateParser.parse("\u{661}\u{662}/4/2018 10:32")?.description, nil)
        // A time no clock shows is not guessed; the day stays. Two numbers after a year are no time.
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Sun, 16 Jun 2019 73:29:54 -0400"))?.description, "2019-06-16")
        XCTAssertEqual(DateParser.parse(OCRRepair.date("Filed 16 Jun 2019 12 34"))?.description, "2019-06-16")
        // A request or Bates number OCR read onto a recipient's line, from the page's edge.
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Gabriela Taylor/FIS/NYPD@NYPD 2020-ICFO-37232")).map(\.name), ["Gabriela Taylor"])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Raj Oliveira <raj@hq.dhs.gov>   NYPD_0022038")).map(\.address), ["raj@hq.dhs.gov"])
        // A Notes name whose slashes OCR read as letters.
        XCTAssertEqual(AddressList.parse("Arjun Green/ITB/NYPD@NY PD"), [Correspondent(name: "Arjun Green", address: nil)], "a domain OCR split")
        // "Ó" read as "©": the name keeps its word, and a Notes sender line is still one
        // (page furniture never takes it, however many pages it starts).
        XCTAssertEqual(OCRRepair.notesName("Lauren © Briain/RTCC/NYPD@NYPD"), "Lauren O Briain/RTCC/NYPD@NYPD")
        XCTAssertTrue(HeaderBlock.isSenderLine("Lauren © Briain/RTCC/NYPD@NYPD"))
        XCTAssertEqual(OCRRepair.name(Correspondent(name: "Lauren © Briain", address: "lobriain95@gmail.com")).name, "Lauren O Briain")
        // A space read between an address's digits: the address whole, and the sender line
        // one (page furniture never takes it).
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("José Sullivan <jsullivan9 1@aol.com>")).map(\.address), ["jsullivan91@aol.com"])
        XCTAssertTrue(HeaderBlock.isSenderLine("José Sullivan <jsullivan9 1@aol.com>"))
        XCTAssertTrue(OCRRepair.addresses("Room 1100, 12 3@noon").contains("12 3@"), "numbers that start no address stay apart")
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Christopher Carter <carterc@lapd_lacity.org>")).map(\.address), ["carterc@lapd.lacity.org"])
        XCTAssertEqual(AddressList.parse(OCRRepair.addresses("Jo Doe <jo_doe@lapd.org>")).map(\.address), ["jo_doe@lapd.org"], "an underscore before the @ is the address's")
        XCTAssertEqual(OCRRepair.notesName("Lauren O BriainRTCCINYPD@NYPD"), "Lauren O Briain/RTCC/NYPD@NYPD")
        XCTAssertTrue(HeaderBlock.isSenderLine("Lauren O BriainRTCCINYPD@NYPD"))
        XCTAssertEqual(OCRRepair.notesName("Yuki CelikIEROU/ICE@ICE"), "Yuki Celik/EROU/ICE@ICE")
        XCTAssertEqual(OCRRepair.notesName("Yuki Mensah/IBINYPD@NYPD"), "Yuki Mensah/IB/NYPD@NYPD")
        XCTAssertEqual(OCRRepair.notesName("Michael Reyes/NYPD/NYC@NYPD"), "Michael Reyes/NYPD/NYC@NYPD")
        XCTAssertEqual(OCRRepair.notesName("Ni BhriainJRTCCINYPD@NYPD"), "Ni Bhriain/RTCC/NYPD@NYPD")
        XCTAssertEqual(PrintedHeader.label(of: "To\"  Frank Rodriguez <fr@yahoo.com>")?.1, "Frank Rodriguez <fr@yahoo.com>")
        XCTAssertEqual(PrintedHeader.label(of: "To,  David Castillo/NYD/DEA@DEA")?.1, "David Castillo/NYD/DEA@DEA")
        XCTAssertEqual(PrintedHeader.label(of: "‘To: Hiroshi Singh <singhh@usdoj.gov>, Victor")?.0, .to, "a speck before the label")
        XCTAssertEqual(PrintedHeader.label(of: "*To: bridget.carter@yahoo.com; Collins, Victor")?.0, .to, "a speck before the label")
        XCTAssertEqual(PrintedHeader.label(of: "-CC:")?.0, .cc, "a speck before an empty field's label")
        XCTAssertEqual(OCRRepair.notesName("Tom JJones@NYPD"), "Tom JJones@NYPD", "no surname runs on into it")
        XCTAssertEqual(OCRRepair.notesName("Christopher Hall/BCI/NYSTAT@NYSTAT"), "Christopher Hall/BCI/NYSTAT@NYSTAT")
        XCTAssertEqual(OCRRepair.notesName("Richard D' Angelo/‘OMAP/NYPD@NYPD"), "Richard D'Angelo/OMAP/NYPD@NYPD")
        XCTAssertEqual(OCRRepair.notesName("Ruth von Hagen/!ITB/NYPD@NYPD"), "Ruth von Hagen/ITB/NYPD@NYPD")
        XCTAssertEqual(OCRRepair.notesName("‘Megan Green/FISINYPD@NYPD"), "Megan Green/FIS/NYPD@NYPD")
        XCTAssertTrue(OCRRepair.notesName("------------------------ Samuel Garcia <samuel@pimeyes.com>").hasPrefix("---"),
                      "a rule over a Gmail sender line is no speck")
        // A speck before a subject.
        XCTAssertEqual(OCRRepair.subject("_ RE: Following up on the trial"), "RE: Following up on the trial")
        XCTAssertEqual(OCRRepair.subject("‘FW: RE: Following up"), "FW: RE: Following up")
        XCTAssertEqual(OCRRepair.subject("‘Clearview’ trial"), "‘Clearview’ trial", "a quote mark answered is the subject's")
        XCTAssertEqual(OCRRepair.subject("[EXTERNAL] Trial"), "[EXTERNAL] Trial")
        XCTAssertEqual(OCRRepair.subject("-  RE: Trial extension"), "RE: Trial extension")
        XCTAssertEqual(OCRRepair.subject("Re: Fwd: Subject inquiry  i"), "Re: Fwd: Subject inquiry")
        XCTAssertEqual(OCRRepair.subject("Re: Fwd: Subject inquiry  ~"), "Re: Fwd: Subject inquiry")
        XCTAssertEqual(OCRRepair.subject("Meeting  #2"), "Meeting  #2")
        XCTAssertEqual(OCRRepair.subject("Budget request FY22  A"), "Budget request FY22  A")
    }

    /// A Notes memo, its labels below the sender: a speck before an empty field's label
    /// ("-CC:") does not run it on into the recipients above.
    func testASpeckBeforeAnEmptyNotesLabelLeavesTheRecipientsAbove() {
        let text = ["Terrence Singh <terrence@google.com>", "9/22/2019 10:10 PM", "Please respond to terrence@google.com",
                    "          To:  Gregory Ni Bhriain/TOD/ICE@ICE", "              -CC:", "            bcc:",
                    "        Subject:  Re: Re: Trial accounts", "", "Good evening,", "One of our analysts got a hit.", "Terrence"]
        let email = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        XCTAssertEqual(email?.header.to.map(\.name), ["Gregory Ni Bhriain"])
        XCTAssertEqual(email?.header.subject, "Re: Re: Trial accounts")
    }

    /// A Notes sender whose address OCR read with a colon for the domain's dot
    /// ("frank@clearview:ai") still opens the memo: the colon is no label's.
    func testANotesSenderWithAColonReadInItsDomainStillOpensTheMemo() {
        let text = ["Frank.von Hagen <frank@clearview:ai>", "07/28/2021 08:59 AM", "Please respond to frank@clearview.ai",
                    "   To  Lukasz Ni Bhriain/RTCC/NYPD@NYPD", "        cc", "      bcc", "   Subject  Server access", "", "Hi Lukasz,", "Frank"]
        let email = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        XCTAssertEqual(email?.header.from?.address, "frank@clearview.ai")
        XCTAssertEqual(email?.header.subject, "Server access")
    }

    /// A Notes memo's "cc" read as "Ge": its recipients are the cc's, not more of the To's.
    func testANotesCcReadAsGeIsStillCc() {
        let text = ["Alicia Thompson <alicia.thompson@clarifai.com>", "02/05/2018 02:41 PM", "Please respond to alicia.thompson@clarifai.com",
                    "     To  Erin Morris/FU/NYPD@NYPD", "      Ge  Andre Hill/OMAP/NYPD@NYPD", "       bcc", "    Subject  Re: Trial extension",
                    "", "Good morning,", "Understood.", "Alicia"]
        let email = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        XCTAssertEqual(email?.header.to.map(\.name), ["Erin Morris"])
        XCTAssertEqual(email?.header.cc.map(\.name), ["Andre Hill"])
    }

    /// A Notes sender's address a space from the label column's "cc", OCR reading it "ce":
    /// the label is no part of the sender's name, and no name is made of it when the
    /// address's "<" was misread too.
    func testACcReadAsCeASpaceAfterTheSendersAddressIsNoName() {
        func memo(_ addressLine: String) -> PrintedEmail? {
            let text = ["William D'Angelo  To  Rachel Stewart/RAO/PAPD @PAPD", addressLine, "12/12/2021 10:18 PM  bec",
                        "                                Subject  RE: Your FOIL request", "", "Good morning.", "The release is attached.", "V/r.", "William D'Angelo"]
            return EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        }
        let bracketed = memo("<william.dangelo@ whitcombefairley.com> ce")
        XCTAssertEqual(bracketed?.header.from?.name, "William D'Angelo")
        XCTAssertEqual(bracketed?.header.from?.address, "william.dangelo@whitcombefairley.com")
        XCTAssertEqual(bracketed?.header.to.map(\.name), ["Rachel Stewart"])
        let misread = memo("swilliam.dangelo@ whitcombefairley.com> ce")
        XCTAssertEqual(misread?.header.subject, "RE: Your FOIL request")
        XCTAssertEqual(misread?.header.from?.address?.hasSuffix("william.dangelo@whitcombefairley.com"), true)
        XCTAssertTrue([nil, "William D'Angelo"].contains(misread?.header.from?.name), "\(String(describing: misread?.header.from))")
    }

    /// A Notes memo's empty "bcc" read as "bec.": still a lone label, and the subject under
    /// it is the memo's.
    func testAnEmptyBccReadWithADotIsStillALabel() {
        let text = ["Nikhil Thompson <nthompson56@icloud.com>", "5/30/2020 8:53 AM", "     To  Robert Hernandez <robert.hernandez@clearview.ai>",
                    "    cc  Emeka MacDonald/FU/NYPD@NYPD", "      bec.", "    Subject  Invoice INV-76225", "", "Robert -", "The invoice is attached.", "Nikhil"]
        let email = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        XCTAssertEqual(email?.header.subject, "Invoice INV-76225")
    }

    /// A Notes memo with its labels beside the sender, OCR reading a speck before "To":
    /// the sender is the memo's, not the recipient beside it.
    func testANotesLabelWithASpeckBesideTheSenderIsStillALabel() {
        let text = ["Arjun Green/ITB/NYPD@NYPD  ‘To  Raj Ferraro <raj@rankone.io>", "12/20/2018 4:30 PM  cc",
                    "                                        Subject  -  RE: Trial extension", "", "Team,", "The trial runs through January.", "Arjun"]
        let email = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 80)]).first
        XCTAssertEqual(email?.header.from?.name, "Arjun Green")
        XCTAssertEqual(email?.header.to.map(\.address), ["raj@rankone.io"])
        XCTAssertEqual(email?.header.subject, "RE: Trial extension")
    }

    /// Scanned Notes memos whose sender lines and dates OCR damaged past reading
    /// (addresses without brackets, slashes read as spaces, digits as letters): each is
    /// still a memo, confirmed by its To and Subject labels, with its sender's name only
    /// and, where unreadable, no date.
    func testANotesMemoWhoseSenderAndDateOCRDamagedIsStillAMemo() {
        let text = ["Yolanda Reyes volandatesves.nyvc(e'vahoo.com |", "03 18 2020 08:31 PM",
                    "     To  Nicole Smith-Jones FU NY PDae@ NYPD, Sarah Pebu  |B NYPD NYPD", "     ce  Alictu Sato TOD lar ler.",
                    "      bee", "    Subject  LOPS Request 2020-1CF O-11831", "", "Hi Nicole,", "The precinct commander is waiting.", "",
                    "Ruth Gallagher FU NY PDer NYPD", "Os 08 2020 05:26 PM", "     To  Richard Stewart- richardacellebrite.com >",
                    "      rw  Kevin Alten LB NYPD NYPD", "      bec", "     Subject  Question about the Cellebrite trial terms", "",
                    "Hi Richard,", "Ruth"]
        let emails = EmailSplitter.split([Page(number: 1, text: text.joined(separator: "\n"), ocrConfidence: 60)])
        XCTAssertEqual(emails.map { $0.header.from?.name }, ["Yolanda Reyes", "Ruth Gallagher"])
        XCTAssertEqual(emails.map { $0.header.from?.address }, [nil, nil])
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2020-03-18T20:31:00", nil])
        XCTAssertEqual(emails.map { $0.header.subject }, ["LOPS Request 2020-1CF O-11831", "Question about the Cellebrite trial terms"])
        // A To label OCR read as "Toa": still the memo's To line, and the memo is no Gmail print.
        let toa = ["Jean-Luc Reed <jreed@vigilantsolutions.com>", "9/5/2021 9:56 AM",
                   "Toa  Elena Cooper/CIB/PAPD@PAPD, José Castillo/SOD/PAPD@PAPD", "cc", "bec", "Subject  Budget request FY 22", "", "Hello Elena,"]
        let memo = EmailSplitter.split([Page(number: 1, text: toa.joined(separator: "\n"), ocrConfidence: 60)])
        XCTAssertEqual(memo.first?.header.to.map(\.name), ["Elena Cooper", "José Castillo"])
        XCTAssertEqual(memo.first?.header.subject, "Budget request FY 22")
        // A name over a date line is no memo without its labels.
        let signature = ["Regards,", "Richard Stewart > richard@", "03 08 2020 05:26 PM", "", "Thanks for the update."]
        XCTAssertTrue(EmailSplitter.split([Page(number: 1, text: signature.joined(separator: "\n"), ocrConfidence: 60)]).isEmpty)
    }

    /// A subject wrapped twice, each line under the one before, OCR setting the last a
    /// character further right: one subject.
    func testASubjectWrappedTwiceIsOneSubject() {
        let text = ["From:  wilsony@dea.gov", "To:  mei.green@clarifai.com", "Date:  Mon,  13 May 2019 22:09:13 -0400",
                    "Subject:  RE: FW: RE: Following up on the Clarifai trial for New",
                    "                York Division and next steps on pricing and user",
                    "                 accounts", "", "Good morning,", "The accounts are ready.", "Yolanda"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split([Page(number: 1, text: text, ocrConfidence: 80)]).first?.header.subject,
                       "RE: FW: RE: Following up on the Clarifai trial for New York Division and next steps on pricing and user accounts")
    }

    func testOCRNamesAreCheckedAgainstTheirAddresses() {
        func repaired(_ name: String, _ address: String?) -> String? { OCRRepair.name(Correspondent(name: name, address: address)).name }
        XCTAssertEqual(repaired("tukasz Young", "young.lukasz@aol.com"), "Lukasz Young")
        XCTAssertEqual(repaired("Fatima Simkovaé", "fsimkova@babelstreet.com"), "Fatima Simkova")
        XCTAssertEqual(repaired("Elena K. Wright", "ewrght@clearview.ai"), "Elena K. Wright", "a letter lost inside the address, not added to the name")
        XCTAssertEqual(repaired("Erin “O'Brien", "eobrien78@icloud.com"), "Erin O'Brien")
        XCTAssertEqual(repaired("Tamara Wright (i __!> i 2 7 BS", nil), "Tamara Wright")
        XCTAssertEqual(repaired("Marc Dupont", "mark.dupont@nypd.org"), "Mark Dupont", "one letter off the address: the address wins")
        XCTAssertEqual(repaired("Yolanda Pefia", "yolanda.j.pena@nypd.org"), "Yolanda Pena", "ñ read as fi")
        XCTAssertEqual(repaired("Terrence Pefia", "tpeters@atf.gov"), "Terrence Pefia", "nothing like it in the address: left as read")
        XCTAssertEqual(repaired("José Davis", "jdavis61@icloud.com"), "José Davis", "a name the address holds is left alone")
        XCTAssertEqual(repaired("James G6mez-Ruiz", "james.j.gomez-ruiz@panynj.gov"), "James Gomez-Ruiz", "ó read as 6")
    }
}

final class RecordDateOrderTests: XCTestCase {
    func testOfTwoDifferentDatesOneIsAlwaysTheSmaller() throws {
        let dates = try ["2018-12-04", "2018-12-04T00:00:00", "2018-12-04T00:00:00-05:00", "2018-12-04T00:00:00+01:00", "2018-12-03T23:59:59"]
            .map { try XCTUnwrap(RecordDate(iso: $0)) }
        for a in dates {
            for b in dates {
                XCTAssertEqual(!(a < b) && !(b < a), a == b, "\(a) and \(b)")
            }
        }
        XCTAssertEqual(dates.sorted().first?.description, "2018-12-03T23:59:59")
    }

    func testTwoDigitYearsOfThePastCentury() {
        XCTAssertEqual(DateParser.parse("12/4/98 10:32 AM")?.description, "1998-12-04T10:32:00")
        XCTAssertEqual(DateParser.parse("12/4/18 10:32 AM")?.description, "2018-12-04T10:32:00")
    }
}

final class SameMessageTests: XCTestCase {
    private func block(from: String?, subject: String) -> HeaderBlock {
        var header = PrintedHeader()
        header.fields[.from] = from
        header.fields[.sent] = "Thursday, April 11, 2019 10:31 AM"
        header.fields[.subject] = subject
        return HeaderBlock(start: 0, end: 4, header: header, style: .labelled)
    }

    func testAPrintWhoseSenderOCRLostIsItsMessageWhenItsSubjectIs() {
        let read = block(from: "Lucia Hernandez <lhernandez@dea.gov>", subject: "Following up on the trial")
        let senderLost = block(from: nil, subject: "RE: Following up on the trial")
        XCTAssertTrue(EmailSplitter.sameMessage(read, senderLost), "same minute, same thread subject")
        XCTAssertFalse(EmailSplitter.sameMessage(read, block(from: nil, subject: "Budget for next year")))
        XCTAssertFalse(EmailSplitter.sameMessage(read, block(from: "Stephen Romano <sromano@dea.gov>", subject: "Following up on the trial")),
                       "another sender read in the same minute is another message")
    }

    func testAnAddressMisreadByALetterIsStillTheSendersInTheSameMinute() {
        let read = block(from: "Elena K. Wright <ewright@clearview.ai>", subject: "Trial accounts")
        XCTAssertTrue(EmailSplitter.sameMessage(read, block(from: "Wright, Elena K. <ewright@clearview.al>", subject: "Trial accounts")))
        XCTAssertFalse(EmailSplitter.sameMessage(read, block(from: "Elena Ward <eward@clearview.ai>", subject: "Trial accounts")))
        // A letter of each print's address, where the names agree: the same sender; where
        // they do not, or no name is read, another.
        let lost = block(from: "Elena K. Wright <ewrght@clearview.ai>", subject: "FW: RE: Trial accounts")
        XCTAssertTrue(EmailSplitter.sameMessage(lost, block(from: "Elena K. Wright <ewright@clearview.al>", subject: "FW: RE: Trial accounts")))
        XCTAssertFalse(EmailSplitter.sameMessage(lost, block(from: "Elena Wrigley <ewright@clearview.al>", subject: "FW: RE: Trial accounts")))
        XCTAssertFalse(EmailSplitter.sameMessage(block(from: "ewrght@clearview.ai", subject: "Trial"), block(from: "ewright@clearview.al", subject: "Trial")))
    }

    /// One print shows the name alone, the other the name with a letter misread and an
    /// address: a name a letter off is the sender's, a short one is not.
    func testANameMisreadByALetterIsStillTheSendersInTheSameMinute() {
        let named = block(from: "Elena K. Wright/CV/NYPD@NYPD", subject: "FW: RE: Trial accounts")
        XCTAssertTrue(EmailSplitter.sameMessage(named, block(from: "Elena K. Wrght <ewrght@clearview.ai>", subject: "FW: RE: Trial accounts")))
        XCTAssertFalse(EmailSplitter.sameMessage(block(from: "Ann Lee", subject: "Budget"), block(from: "Ann Lie <al@x.org>", subject: "Budget")))
    }
}

final class SpellingConsensusTests: XCTestCase {
    /// An address whose dot OCR read as a space ("Kwame Simkova@…", "Kwame .Simkova@…")
    /// is the whole address the file reads elsewhere; without that evidence, the read stays.
    func testAnAddressWhoseDotWasReadAsASpaceIsTheOneReadElsewhere() {
        let split = Correspondent(name: "Kwame", address: "simkova@brooklynda.org")
        let dotted = Correspondent(name: "Kwame", address: ".simkova@brooklynda.org")
        let whole = Correspondent(name: nil, address: "kwame.simkova@brooklynda.org")
        let consensus = SpellingConsensus([split, dotted], textAddresses: ["kwame.simkova@brooklynda.org"])
        XCTAssertEqual(consensus.apply(split), whole)
        XCTAssertEqual(consensus.apply(dotted), whole)
        let alone = SpellingConsensus([split])
        XCTAssertEqual(alone.apply(split), split)
    }

    func testAnAddressOneLetterOffTheUsualSpellingIsCorrected() {
        let usual = Correspondent(name: "Sarah Whitfield", address: "sarah.whitfield@hq.dhs.gov")
        let misread = Correspondent(name: "Sarah Whitfield", address: "sarah.whitfield@hg.dhs.gov")
        let other = Correspondent(name: "Mark", address: "mark@ice.dhs.gov")
        let consensus = SpellingConsensus([usual, usual, misread, other, Correspondent(name: nil, address: "mary@ice.dhs.gov")])
        XCTAssertEqual(consensus.apply(misread), usual)
        XCTAssertEqual(consensus.apply(other), other, "a different person one letter away is left alone")
    }

    func testALongAddressReadOnceWithALetterOffIsTheUsualOne() {
        let usual = Correspondent(name: "Yolanda Murphy", address: "yolanda.murphy@troopers.ny.gov")
        let misread = Correspondent(name: "Volanda Murphy", address: "volanda.murphy@troopers.ny.gov")
        let consensus = SpellingConsensus([usual, usual, misread])
        XCTAssertEqual(consensus.apply(misread), usual, "the address first, then the name checked against it")
        let twice = SpellingConsensus([usual, usual, usual, misread, misread])
        XCTAssertEqual(twice.apply(misread).address, misread.address, "read the same way twice: perhaps someone else")
    }

    func testANameALetterOffTheOneUsuallyPrintedWithItsAddressIsCorrected() {
        let usual = Correspondent(name: "Alicia Mitchell", address: "amitchell@nypd.org")
        let misread = Correspondent(name: "Alicil Mitchell", address: "amitchell@nypd.org")
        let unaccented = Correspondent(name: "Owen Nunez", address: "owen.j.nunez@panynj.gov")
        let accented = Correspondent(name: "Owen Núñez", address: "owen.j.nunez@panynj.gov")
        let desk = Correspondent(name: "Records Access Officer", address: "foil@nypd.org")
        let colleague = Correspondent(name: "Records Unit", address: "foil@nypd.org")
        let consensus = SpellingConsensus([usual, usual, misread, unaccented, unaccented, accented, desk, desk, colleague])
        XCTAssertEqual(consensus.apply(misread), usual)
        XCTAssertEqual(consensus.apply(accented), accented, "accents OCR did read are kept")
        XCTAssertEqual(consensus.apply(colleague), colleague, "another name on a shared mailbox is left alone")
    }
    func testAMisreadDomainIsTheFilesUsualOneOrAKnownOne() {
        let usual = Correspondent(name: "Frank Ward", address: "frank.ward@chicagopolice.org")
        let misreadDomain = Correspondent(name: "Frank Ward", address: "frank.ward@chicagopolice.arg")
        let colleague = Correspondent(name: "Sara Romano", address: "sromano@echicagopolice.org")
        let consensus = SpellingConsensus([usual, misreadDomain, colleague, Correspondent(name: nil, address: "dmurphy@chicagopolice.org")],
                                          knownDomains: ["hotmail.com", "atf.gov", "dhs.gov"])
        XCTAssertEqual(consensus.apply(misreadDomain), usual, "the domain as the file usually reads it")
        XCTAssertEqual(consensus.apply(colleague).address, "sromano@chicagopolice.org", "a domain read once, a letter off the usual one")
        let known = SpellingConsensus([Correspondent(name: "Declan Parker", address: "dparker@hotnail.com"),
                                       Correspondent(name: nil, address: "ekhoury@ice.dhs.qov"),
                                       Correspondent(name: nil, address: "jetesre@hhs.gov")],
                                      knownDomains: ["hotmail.com", "dhs.gov"])
        XCTAssertEqual(known.apply(Correspondent(name: "Declan Parker", address: "dparker@hotnail.com")).address, "dparker@hotmail.com")
        XCTAssertEqual(known.apply(Correspondent(name: nil, address: "ekhoury@ice.dhs.qov")).address, "ekhoury@ice.dhs.gov",
                       "only the known end of a domain is replaced")
        XCTAssertEqual(known.apply(Correspondent(name: nil, address: "jetesre@hhs.gov")).address, "jetesre@hhs.gov",
                       "a short domain a letter from a known one is another domain when it ends as domains do")
    }

    func testTheNameReadBesideAnAddressChoosesAmongItsSpellings() {
        let right = Correspondent(name: "Liam Cook", address: "liam.cook@chicagopolice.org")
        let misread = Correspondent(name: "Liam Cook", address: "llam.cook@chicagopolice.org")
        let signature = "llam.cook@chicagopolice.org"
        let consensus = SpellingConsensus([right, right, misread, Correspondent(name: "Liam Cook", address: "lham.cook@chicagopolice.org")],
                                          textAddresses: [signature, signature])
        XCTAssertEqual(consensus.apply(right), right, "two reads where name and address agree outweigh three misreadings")
        XCTAssertEqual(consensus.apply(misread), right)
        XCTAssertEqual(consensus.apply(Correspondent(name: "Liam Cook", address: "lham.cook@chicagopolice.org")), right,
                       "of the spellings a letter off, the one that spells the name read beside it")
        XCTAssertEqual(consensus.apply(Correspondent(name: nil, address: "lham.cook@chicagopolice.org")).address, "liam.cook@chicagopolice.org",
                       "with no name, the spelling best supported")
    }

    func testAVeryLongAddressTwoLettersOffOneReadOftenIsThatOne() {
        let usual = Correspondent(name: "Theresa MacDonald", address: "theresa.macdonald@atf.gov")
        let misread = Correspondent(name: "Theresa MacDonald", address: "theresa.nacdenald@atf.qov")
        let consensus = SpellingConsensus([usual, usual, misread], textAddresses: ["theresa.macdonald@atf.gov"], knownDomains: ["atf.gov"])
        XCTAssertEqual(consensus.apply(misread), usual)
        let short = SpellingConsensus([Correspondent(name: nil, address: "ncampbell@council.nyc.gov"),
                                       Correspondent(name: nil, address: "ncampbell@council.nyc.gov"),
                                       Correspondent(name: nil, address: "ncampben@council.nyc.gov")])
        XCTAssertEqual(short.apply(Correspondent(name: nil, address: "ncampben@council.nyc.gov")).address, "ncampben@council.nyc.gov",
                       "two letters off a short address, with no name to confirm it: perhaps someone else")
    }
}

final class PageFurnitureTests: XCTestCase {
    /// A line the furniture patterns are not asked about (it starts or lacks what they
    /// need) is one none of them matches: checked against asking every pattern, on lines
    /// made of the stamps' and marks' pieces in either case, with characters that ICU's
    /// caseless matching takes for ASCII letters ("ſ" for s, the Kelvin sign for K).
    func testPatternsAskedOnlyWhereTheyMayMatchAnswerAsAllPatterns() {
        let pieces = ["Page", " ", "  ", "3", "2019", " of ", "/", "-", "[", "(", "NYPD_", "000123", "Case", " No. ", "F-2014-20439", "Doc", "C05739559",
                      "1:15-cv-07433", " Document 12 Filed 01/05/24", "RELEASE IN PART", "STATE DEPT.", "U.S. Department of State", " PRODUCED",
                      "FOIL-2017-115-46786", " Released ", "01/07/2019", "https://", "www.", "mail.google.com", "Confidential", "unclassified",
                      "attorney-client privileged", "Privileged & Confidential", "12/3/19, 4:05 PM", "Gmail", "ſ", "\u{212A}", "–", "é", "x", "\t"]
        var numbers = SeededNumbers(seed: 0xF0_2217_5EED)
        var marks = 0, stamps = 0
        for _ in 0..<20000 {
            var line = (0..<(1 + numbers.next(5))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            switch numbers.next(3) {
            case 0: line = line.lowercased()
            case 1: line = line.uppercased()
            default: break
            }
            let range = NSRange(line.startIndex..., in: line)
            let mark = PageFurniture.edgePatterns.contains { $0.regex.firstMatch(in: line, range: range) != nil }
            let stamp = (line.contains(where: \.isNumber) ? PageFurniture.stampPatterns : PageFurniture.wordStampPatterns)
                .contains { $0.regex.firstMatch(in: line, range: range) != nil }
            XCTAssertEqual(PageFurniture.isPageMark(line), mark, line.debugDescription)
            XCTAssertEqual(PageFurniture.isStamp(line), stamp, line.debugDescription)
            marks += mark ? 1 : 0
            stamps += stamp ? 1 : 0
        }
        XCTAssertGreaterThan(marks, 500, "page marks are among the lines")
        XCTAssertGreaterThan(stamps, 200, "stamps are among the lines")
    }

    func testPageMarksWithTheirBatesNumbersAndBatesNumbersThatAreTitles() {
        XCTAssertTrue(PageFurniture.isPageMark("Page 2                     CLEARVIEW_035056"))
        XCTAssertTrue(PageFurniture.isPageMark("NYPD_000123"))
        XCTAssertTrue(PageFurniture.isPageMark("00012345"))
        XCTAssertFalse(PageFurniture.isPageMark("Page 2 of the contract"))
        XCTAssertFalse(PageFurniture.isPageMark("Invoice INV-44026"), "a title, not a Bates number")
        XCTAssertTrue(PageFurniture.isStamp("FOIL-2017-115-46786  Released 01/07/2019"))
        XCTAssertTrue(PageFurniture.isStamp("2020-ICFO-85600  Production 01/10/2023"))
        XCTAssertFalse(PageFurniture.isStamp("The records were released 01/07/2019"))
        XCTAssertTrue(PageFurniture.isPageMark("-- Page 3 of 12 --"))
        XCTAssertTrue(PageFurniture.isPageMark("3                                        PROD023796"))
        XCTAssertTrue(PageFurniture.isPageMark("PROD023796    3"))
        XCTAssertTrue(PageFurniture.isPageMark("1/16                 LAS-FOIL-001276"))
        XCTAssertTrue(PageFurniture.isPageMark("LAS-FOIL-001276    1/16"))
        XCTAssertTrue(PageFurniture.isPageMark("ATTORNEY-CLIENT PRIVILEGED"))
        XCTAssertTrue(PageFurniture.isPageMark("Privileged & Confidential"))
        XCTAssertFalse(PageFurniture.isPageMark("12  Main Street 10038"), "an address, not a page mark")
        XCTAssertTrue(PageFurniture.isPageMark("[ Page 3 ]"))
    }

    /// A quoted header broken by a page foot: the Bates number under its subject, a gap
    /// apart, is furniture; a subject's last words wrapped onto the page's last line,
    /// with no gap, are the subject's, though they look like a Bates number.
    func testABatesNumberUnderASubjectAGapApartIsFurnitureAndASubjectsWrappedWordsAreNot() {
        let pages = [
            Page(number: 1, text: "Please see below.\n\nBegin forwarded message:\n\nFrom: Ines Barros <ibarros@vendor-z.example>\nSubject: Fwd: Pilot\n\n\nPROD000101", ocrConfidence: nil),
            Page(number: 2, text: "Date: June 6, 2018 at 10:21:54 AM EDT\nTo: Wendell Osei <wosei@parks.example.gov>\n\nSee below.\n\nPROD000102", ocrConfidence: nil),
            Page(number: 3, text: "From: Wendell Osei <wosei@parks.example.gov>\nSubject: Records for request\nPROD000777\n\nPROD000103", ocrConfidence: nil),
        ]
        let lines = PageFurniture.strip(pages).map(\.text)
        XCTAssertFalse(lines.contains("PROD000101"), "\(lines)")
        XCTAssertTrue(lines.contains("PROD000777"), "\(lines)")
        XCTAssertFalse(lines.contains("PROD000103"))
    }

    func testANotesSendersWrappedNameAtEachPageTopIsNoRunningHeader() {
        // Each page opens a Notes memo from one sender whose name wraps, with "cc" a
        // space after it: the wrapped line recurs at page tops, and is the sender's.
        let pages = (1...3).map { n in
            Page(number: n, text: """
            Rachel                           To                            Kwame Adams/CID/SECRET@SECRET
            Jóhannsdóttir/NYFO/SECRET@SECRET cc
            12/\(n)/2020 8:23 PM                Subject                       Re: Search results

            Text of memo \(n).
            """, ocrConfidence: nil)
        }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { $0.header.from?.name }, Array(repeating: "Rachel Jóhannsdóttir", count: 3))
    }

    func testAStampInTheRightMarginOverAHeaderLeavesItAtThePagesTop() {
        let stamped = [PageLine(text: "Leila", page: 1), PageLine(text: "FOIL COO) Cab ALI1& Reledsed 16 23 2622", page: 2, indent: 40),
                       PageLine(text: "Elena K. Wright <ewright@example.com>", page: 2), PageLine(text: "04/27/2022 01:36 PM", page: 2)]
        XCTAssertTrue(EmailSplitter.startsPage(2, stamped))
        XCTAssertFalse(EmailSplitter.startsPage(3, stamped))
        let underText = [PageLine(text: "Leila", page: 1), PageLine(text: "Regards,", page: 2), PageLine(text: "Elena K. Wright", page: 2)]
        XCTAssertFalse(EmailSplitter.startsPage(2, underText))
    }

    func testAGmailSenderLineAtEachPageTopIsNoRunningHeader() {
        // One sender's Gmail prints, one a page: the sender line with its date and time
        // recurs near each page's top, and is each message's own.
        let pages = (1...4).map { n in
            Page(number: n, text: """
            FOIL-2018-105-71745 Production 11/16/2019
            M Gmail                                   Lucia Gallagher <lgallagher12@aol.com>

            Subject number \(n)
            1 message

            Lucia Gallagher <lgallagher@nypd.org>                 May 1\(n), 2019 at \(n):21 PM
            To: Malik Perez <malik@axon.com>

            Text of message \(n).
            """, ocrConfidence: nil)
        }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { $0.header.subject }, (1...4).map { "Subject number \($0)" })
    }

    func testAnAppleMailTitleOverEachEmailIsNoRunningHeader() {
        // A thread whose emails each start a page: the subject Apple Mail prints over each
        // recurs at page tops, and is the email's, not the page's.
        let title = "Re: Budget request FY22 - facial recognition"
        let pages = (1...3).map { n in
            Page(number: n, text: """
            \(title)

               From: Person \(n) <p\(n)@nypd.org>
            Subject: \(title)
               Date: May \(n), 2021 at 9:15:21 AM EDT
                 To: Dmitri Anderson <danderson@nypd.org>

            Text of message \(n).
            """, ocrConfidence: nil)
        }
        let kept = PageFurniture.strip(pages).map(\.text)
        XCTAssertEqual(kept.filter { $0 == title }.count, 3)
    }
}
