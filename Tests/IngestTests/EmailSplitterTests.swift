import Extraction
import Ingest
import TestSupport
import XCTest

/// The splitter on a layout the sample does not use: Apple Mail's print (From,
/// Subject, Date, To, Reply-To; dates with a zone name), emails starting mid-page and
/// running over a page break, a quoted reply, and a footer with a Bates number.
final class EmailSplitterTests: XCTestCase {
    func testSplitsAnAppleMailPrint() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("applemail-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func header(_ from: String, _ subject: String, _ date: String, _ to: String) -> [String] {
            ["From: \(from)", "Subject: \(subject)", "Date: \(date)", "To: \(to)", "Reply-To: \(from)", ""]
        }
        let page1 = ["City of New York - Department of Investigation"]
            + header("Dana Whitaker <dana.whitaker@doi.nyc.gov>", "Audit of facial recognition use", "December 4, 2018 at 10:32:00 AM EST", "Karen O'Neill <karen.oneill@nypd.org>")
            + ["Sergeant, our office is opening a review of how", "the section logs each search. Please keep the", "ledger of saffron pelicans for us.", "Dana", ""]
            + header("Karen O'Neill <karen.oneill@nypd.org>", "Re: Audit of facial recognition use", "December 5, 2018 at 9:05:10 AM EST", "Dana Whitaker <dana.whitaker@doi.nyc.gov>")
            + ["Ms. Whitaker, we will send the cobalt harbor ledger", "by Friday. It runs to several pages and"]
            + ["Page 1", "DOI-0000101"]
        let page2 = ["City of New York - Department of Investigation",
                     "covers every search since October.", "Karen",
                     "On Dec 4, 2018, at 10:32 AM, Dana Whitaker <dana.whitaker@doi.nyc.gov> wrote:",
                     "> Sergeant, our office is opening a review", ""]
            + header("Dana Whitaker <dana.whitaker@doi.nyc.gov>", "Re: Audit of facial recognition use", "January 14, 2019 at 4:45:00 PM EST", "Karen O'Neill <karen.oneill@nypd.org>")
            + ["Thank you. The quiet walrus report is received.", "Dana"]
            + ["Page 2", "DOI-0000102"]
        GeneratedPDF.write(pages: [page1, page2], to: path)

        let pdf = try PDFDocument(path: path)
        let pages = pdf.pageTexts().enumerated().map { Page(number: $0 + 1, text: $1 ?? "", ocrConfidence: nil) }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.count, 3)
        guard emails.count == 3 else { return }
        XCTAssertEqual(emails.map { [$0.firstPage, $0.lastPage] }, [[1, 1], [1, 2], [2, 2]])
        XCTAssertEqual(emails.map(\.header.from?.address), ["dana.whitaker@doi.nyc.gov", "karen.oneill@nypd.org", "dana.whitaker@doi.nyc.gov"])
        XCTAssertEqual(emails.map { $0.header.date?.description },
                       ["2018-12-04T10:32:00-05:00", "2018-12-05T09:05:10-05:00", "2019-01-14T16:45:00-05:00"])
        XCTAssertEqual(emails[1].header.subject, "Re: Audit of facial recognition use")
        XCTAssertEqual(emails[1].header.to.first?.name, "Dana Whitaker")
        XCTAssertTrue(emails[0].body.contains("saffron pelicans"))
        XCTAssertTrue(emails[1].body.contains("cobalt harbor ledger"))
        XCTAssertTrue(emails[1].body.contains("covers every search since October"), "the email runs over the page break")
        XCTAssertTrue(emails[1].body.contains("> Sergeant, our office"), "the quote stays in the reply")
        for email in emails {
            XCTAssertFalse(email.body.contains("DOI-00001"), "Bates numbers are not text")
            XCTAssertFalse(email.body.contains("Department of Investigation"), "running headers are not text")
            XCTAssertFalse(email.body.contains("Page 1"))
        }
    }

    /// A quoted message long enough to fill a page of its own: every line of page 2 is
    /// indented. Its text keeps the indent (the document's left edge, not the page's), so
    /// an older header nested in the quote stays quoted in a release printed newest first.
    func testAPagePrintedWhollyInsideAnIndentedQuoteStaysIndented() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("indented-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func header(_ from: String, _ date: String, _ subject: String, indent: String = "") -> [String] {
            ["From: \(from)", "Date: \(date)", "To: Karen O'Neill <karen.oneill@nypd.org>", "Subject: \(subject)", ""].map { indent + $0 }
        }
        let quote = String(repeating: " ", count: 16)
        let page1 = header("Dana Whitaker <dana.whitaker@doi.nyc.gov>", "Mon, 14 Jan 2019 16:45:00 -0500", "Re: Audit")
            + ["Thank you. The quiet walrus report is received.", "Dana", ""]
            + header("Karen O'Neill <karen.oneill@nypd.org>", "Wed, 5 Dec 2018 09:05:10 -0500", "Re: Audit", indent: quote)
            + ["Dana, we will send the cobalt harbor ledger", "by Friday. It runs to several pages."].map { quote + $0 }
        let page2 = ["It covers every search since October,", "each with its case number.", "Karen", ""].map { quote + $0 }
            + header("Dana Whitaker <dana.whitaker@doi.nyc.gov>", "Tue, 4 Dec 2018 10:32:00 -0500", "Re: Audit", indent: quote)
            + ["Sergeant, please keep the ledger", "of saffron pelicans for us."].map { quote + $0 }
        let page3 = header("Dana Whitaker <dana.whitaker@doi.nyc.gov>", "Sat, 1 Dec 2018 08:00:00 -0500", "Audit")
            + ["Sergeant, our office is opening a review of how", "the section logs each search.", "Dana"]
        GeneratedPDF.write(pages: [page1, page2, page3], to: path)

        let texts = try PDFDocument(path: path).pageTexts().map { $0 ?? "" }
        XCTAssertTrue(texts[1].split(separator: "\n").allSatisfy { $0.hasPrefix("    ") }, texts[1])
        let emails = EmailSplitter.split(texts.enumerated().map { Page(number: $0 + 1, text: $1, ocrConfidence: nil) })
        XCTAssertEqual(emails.map(\.header.date?.description), ["2019-01-14T16:45:00-05:00", "2018-12-01T08:00:00-05:00"])
        XCTAssertEqual(emails.first?.quoted.count, 2)
    }
}

/// A release delivered as text: court stamps on every page, two emails in a row from one
/// sender each starting a page, a quoted header after a signature with no marker line.
final class TextReleaseSplitTests: XCTestCase {
    func testASpeckOverTheNextEmailIsNoPageOfTheEmailBefore() {
        func email(_ from: String, _ subject: String, _ date: String, _ words: String) -> String {
            "From: \(from)\nSubject: \(subject)\nDate: \(date)\nTo: Monique Brown <mbrown@nypd.org>\n\n\(words)\n"
        }
        let pages = [
            email("Patrick Robinson <patrick@genetec.com>", "Trial accounts", "March 4, 2019 at 8:29:48 AM EST", "The accounts are ready.\nPatrick"),
            // A banner at the page's top, read by OCR as a fragment.
            "ait\n\n" + email("Owen Lefevre <owen@metroledger.net>", "Request for comment", "April 27, 2019 at 8:52:18 AM EDT", "A comment, please.\nOwen"),
        ].enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: 90) }
        XCTAssertEqual(EmailSplitter.split(pages).map { [$0.firstPage, $0.lastPage] }, [[1, 1], [2, 2]])
    }

    func testSplitsATextReleaseByLinesWithDatesOnlyFromHeaders() {
        let stamp = "Case 1:15-cv-07433-LAP Document 1320-12 Filed 01/05/24 Page %d of 3"
        let text = [
            String(format: stamp, 1), "",
            "From: Owen Ramos <oramos@nypd.org>", "Sent: Tuesday, March 5, 2019 9:12 AM", "To: Lena Ortiz <lortiz@nypd.org>",
            "Subject: Trial accounts", "", "Lena, the vendor sent the amber kestrel logins.", "", "Owen", "",
            "\u{0C}" + String(format: stamp, 2), "",
            "From: Owen Ramos <oramos@nypd.org>", "Sent: Tuesday, March 5, 2019 4:40 PM", "To: Lena Ortiz <lortiz@nypd.org>",
            "Subject: RE: Trial accounts", "", "Lena, the quiet harbor report is attached.", "", "Owen",
            "From: Lena Ortiz <lortiz@nypd.org>", "Sent: Tuesday, March 5, 2019 1:02 PM", "To: Owen Ramos <oramos@nypd.org>",
            "Subject: Trial accounts", "", "Did the logins arrive?", "",
            "\u{0C}" + String(format: stamp, 3),
        ].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.count, 2, "the quoted header after the signature stays in the reply")
        guard emails.count == 2 else { return }
        XCTAssertEqual(emails.map(\.lines), [3...10, 14...27])
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2019-03-05T09:12:00", "2019-03-05T16:40:00"])
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["oramos@nypd.org", "oramos@nypd.org"])
        XCTAssertTrue(emails[1].body.contains("Did the logins arrive?"))
        XCTAssertFalse(emails[1].ownText.contains("Did the logins arrive?"), "the quoted copy is not the reply's own text")
        XCTAssertFalse(emails.contains { $0.body.contains("Filed 01/05/24") }, "court stamps are not text")
    }

    /// Emails printed with aligned labels, quoted copies without ("From: Name [mailto:…]"):
    /// a copy at a page's top, its rule lost in the text, is told by its format; the
    /// alignment is no label OCR lost.
    func testACopyAtAPageTopPrintedAsTheCopiesAreIsACopyThoughItsLabelsAreTheEmails() {
        let stamp = "Case 1:18-cv-06092-JMF Document 627-19 Filed 12/24/20 Page %d of 3"
        func email(_ from: String, _ sent: String, _ subject: String) -> [String] {
            ["From:    \(from)", "Sent:    \(sent)", "To:      Desk <desk@nypd.org>", "Subject: \(subject)", ""]
        }
        func copy(_ from: String, _ sent: String, _ subject: String) -> [String] {
            ["From: \(from)", "Sent: \(sent)", "To: Desk <desk@nypd.org>", "Subject: \(subject)", ""]
        }
        let text = ([String(format: stamp, 1), ""]
            + email("oramos@nypd.org", "3/5/2019 9:12 AM", "Trial accounts") + ["The vendor sent the amber kestrel logins.", "Owen", ""]
            + email("lortiz@nypd.org", "3/6/2019 4:40 PM", "RE: RE: Trial accounts") + ["The quiet harbor report is attached.", "Lena", ""]
            + ["\u{0C}" + String(format: stamp, 2), ""]
            + copy("Owen Ramos [mailto:oramos@nypd.org]", "3/5/2019 1:02 PM", "RE: Trial accounts") + ["Did the logins arrive?", "Owen", ""]
            + ["---------- Forwarded message ---------"] + copy("Lena Ortiz [mailto:lortiz@nypd.org]", "3/5/2019 11:40 AM", "Trial accounts")
            + ["Which logins?", "Lena", ""]
            + ["\u{0C}" + String(format: stamp, 3), ""]
            + email("oramos@nypd.org", "3/7/2019 8:00 AM", "Budget") + ["The budget is attached.", "Owen", ""]).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2019-03-05T09:12:00", "2019-03-06T16:40:00", "2019-03-07T08:00:00"])
        XCTAssertEqual(emails.count == 3 ? emails[1].quoted.map { $0.date?.description } : [], ["2019-03-05T13:02:00", "2019-03-05T11:40:00"])
    }

    /// A scan: Apple Mail's labels flush right over each email, its forwarded copies' labels
    /// flush left. At a page's top OCR set an email's labels askew: the format is the
    /// copies' but for the alignment OCR blurred, which proves nothing there.
    func testAnEmailWhoseLabelsOCRSetAskewAtAPageTopIsStillAnEmail() {
        func email(_ from: String, _ date: String, _ subject: String, _ to: String, askew: Bool = false) -> [String] {
            askew ? ["          From: \(from)", "         Subject: \(subject)", "             Date: \(date)", "            To: \(to)", ""]
                : ["          From: \(from)", "       Subject: \(subject)", "          Date: \(date)", "            To: \(to)", ""]
        }
        func copy(_ from: String, _ date: String, _ subject: String, _ to: String) -> [String] {
            ["       Begin forwarded message:", "       From: \(from)", "       Subject: \(subject)", "       Date: \(date)", "       To: \(to)", "",
             "       Good afternoon,", "       The sheet is attached.", ""]
        }
        let joanna = "Joanna King <jking@doi.nyc.gov>", oyvind = "Oyvind Miller <millero@dhs.gov>"
        let page1 = email(joanna, "November 30, 2019 at 12:58:15 PM EST", "Request for assistance", oyvind)
            + ["Good afternoon Oyvind,", "The sheet is attached.", "Joanna", ""]
            + email(oyvind, "December 1, 2019 at 2:07:11 PM EST", "Re: Request for assistance", joanna)
            + ["All,", "Copying the task force.", "Oyvind", ""]
            + copy(joanna, "November 30, 2019 at 12:58:15 PM EST", "Request for assistance", oyvind)
        let page2 = email(joanna, "December 1, 2019 at 3:36:51 PM EST", "Re: Request for assistance", oyvind, askew: true)
            + ["Copying Frank Allen.", "Joanna", ""]
            + copy(oyvind, "December 1, 2019 at 2:07:11 PM EST", "Re: Request for assistance", joanna)
        let pages = [page1, page2].enumerated().map { Page(number: $0.offset + 1, text: $0.element.joined(separator: "\n"), ocrConfidence: 80) }
        XCTAssertEqual(EmailSplitter.split(pages).map { $0.header.date?.description },
                       ["2019-11-30T12:58:15-05:00", "2019-12-01T14:07:11-05:00", "2019-12-01T15:36:51-05:00"])
    }

    /// Copies printed exactly as the emails are (a bare header under a reply): a copy of a
    /// message the release prints as an email elsewhere is a copy, whatever its format.
    func testACopyPrintedLikeTheEmailsOfAMessagePrintedElsewhereIsACopy() {
        func header(_ from: String, _ sent: String, _ subject: String) -> [String] {
            ["From:    \(from)", "Sent:    \(sent)", "To:      Desk <desk@nypd.org>", "Subject: \(subject)", ""]
        }
        let page1 = header("Ruth Tanaka <tanakar@doi.nyc.gov>", "Saturday, March 6, 2021 8:57 AM", "RE: FW: Account deactivation")
            + ["Thanks, closing this out.", "Ruth", ""]
            + header("Hector Morris <hector.morris@dmv.ny.gov>", "Saturday, March 6, 2021 2:43 AM", "RE: FW: Account deactivation")
            + ["The account is deactivated.", "Hector", ""]
            + ["---------- Forwarded message ---------", "From: Terrence Williams <terrence@necam.com>", "Date: Thu, Mar 4, 2021 at 9:07 PM",
               "Subject: Account deactivation", "To: Ruth Tanaka <tanakar@doi.nyc.gov>", "", "Please deactivate the account.", ""]
        let page2 = header("Hector Morris <hector.morris@dmv.ny.gov>", "Saturday, March 6, 2021 2:43 AM", "RE: FW: Account deactivation")
            + ["The account is deactivated.", "Hector", ""]
        let pages = [page1, page2].enumerated().map { Page(number: $0.offset + 1, text: $0.element.joined(separator: "\n"), ocrConfidence: nil) }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { [$0.firstPage, $0.lastPage] }, [[1, 1], [2, 2]])
        XCTAssertEqual(emails.first?.quoted.map { $0.date?.description }, ["2021-03-06T02:43:00", "2021-03-04T21:07:00"])
    }

    /// Newest first, a reply sent from another zone (-0700): its copy stands under the newer
    /// reply that quoted it; the email itself under a copy of an older message from -0400,
    /// whose clock reads later (09:31 against 07:49) but which was sent before. As instants,
    /// the email stands under no newer message, and is the email.
    func testAnEmailUnderAnOlderCopyFromAnotherZoneIsTheEmail() {
        func email(_ sent: String, _ from: String, _ subject: String) -> [String] {
            ["Sent:     \(sent)", "From:     \(from)", "To:       Desk <desk@nypd.org>", "Subject:  \(subject)", ""]
        }
        func copy(_ from: String, _ date: String, _ subject: String) -> [String] {
            ["________________________________", "From: \(from)", "Date: \(date)", "To: Desk <desk@nypd.org>", "Subject: \(subject)", ""]
                .map { "        " + $0 }
        }
        let ines = "Inés MacDonald <ines.j.macdonald@nypd.org>", ruth = "Ruth P. Thompson <ruth.thompson@google.com>"
        let page1 = email("Thu, 15 Aug 2019 14:59:52 -0400", ines, "RE: Pricing") + ["Thanks, Ruth.", "Inés", ""]
            + copy(ruth, "Thu, 15 Aug 2019 07:49:07 -0700", "RE: Pricing") + ["        The price holds through June.", "        Ruth", ""]
            + copy(ines, "Thu, 15 Aug 2019 09:31:12 -0400", "Pricing") + ["        What is the price?", "        Inés", ""]
        let page2 = ["        for the whole unit.", "        Inés", ""]
            + email("Thu, 15 Aug 2019 07:49:07 -0700", ruth, "RE: Pricing") + ["The price holds through June.", "Ruth", ""]
            + copy(ines, "Thu, 15 Aug 2019 09:31:12 -0400", "Pricing") + ["        What is the price?", "        Inés", ""]
        let page3 = email("Thu, 15 Aug 2019 09:31:12 -0400", ines, "Pricing") + ["What is the price?", "Inés"]
        let pages = [page1, page2, page3].enumerated().map { Page(number: $0.offset + 1, text: $0.element.joined(separator: "\n"), ocrConfidence: nil) }
        XCTAssertEqual(EmailSplitter.split(pages).map { $0.header.date?.description },
                       ["2019-08-15T14:59:52-04:00", "2019-08-15T07:49:07-07:00", "2019-08-15T09:31:12-04:00"])
    }

    /// Threads in date order, the messages of each newest first: the print of an email after
    /// the copy a reply quoted shows that conversation runs newest first, so its older
    /// emails under newer ones are emails, not copies, though the release's page tops run
    /// oldest first.
    func testAConversationPrintedNewestFirstInAReleaseOfThreadsInDateOrder() {
        func email(_ from: String, _ date: String, _ subject: String, _ words: String) -> String {
            "From: \(from)\nSent: \(date)\nTo: Desk <desk@nypd.org>\nSubject: \(subject)\n\n\(words)\n\n"
        }
        let carla = "Carla Diaz <cdiaz@nypd.org>", dev = "Dev Patel <dpatel@ice.dhs.gov>"
        let pages = [
            email("Ann Lee <alee@nypd.org>", "Friday, March 1, 2019 9:00 AM", "Budget", "The budget is attached.\nAnn"),
            email("Ben Cho <bcho@nypd.org>", "Saturday, March 2, 2019 10:00 AM", "Audit", "The audit starts Monday.\nBen"),
            email(carla, "Sunday, March 10, 2019 5:00 PM", "Re: Re: Trial", "We cannot share results directly.\nCarla")
                + email(dev, "Saturday, March 9, 2019 10:20 AM", "Re: Re: Trial", "Legal wants the request in writing.\nDev")
                + email(carla, "Saturday, March 9, 2019 9:15 AM", "Re: Trial", "The request goes through the liaison.\nCarla")
                + email(dev, "Saturday, March 9, 2019 9:03 AM", "Trial", "Our field office is evaluating the app.\nDev")
                + email(dev, "Saturday, March 9, 2019 9:03 AM", "Trial", "Our field office is evaluating the app.\nDev"),
        ].enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: nil) }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2019-03-01T09:00:00", "2019-03-02T10:00:00", "2019-03-10T17:00:00",
                                                                   "2019-03-09T10:20:00", "2019-03-09T09:15:00", "2019-03-09T09:03:00"])
        XCTAssertEqual(emails.first { $0.header.subject == "Re: Trial" }?.quoted.count, 1)
    }

    /// Newest first, with no page breaks and no marker lines: each reply quotes the emails
    /// below it in full, printed exactly as they are. Only the copies say which is which.
    func testCopiesPrintedLikeTheEmailsTheyCopyStayInTheirReplies() {
        func header(_ from: String, _ date: String, _ subject: String) -> [String] {
            ["From: \(from)", "Sent: \(date)", "To: Desk <desk@nypd.org>", "Subject: \(subject)", ""]
        }
        let lena = "Lena Ortiz <lortiz@nypd.org>", owen = "Owen Ramos <oramos@nypd.org>"
        let third = header(lena, "Thursday, March 7, 2019 10:00 AM", "RE: RE: Trial") + ["Both arrived: the copper fern list.", "Lena", ""]
        let second = header(owen, "Wednesday, March 6, 2019 2:15 PM", "RE: Trial") + ["Sent the silver otter logins.", "Owen", ""]
        let first = header(lena, "Tuesday, March 5, 2019 9:00 AM", "Trial") + ["Did the logins arrive?", "Lena", ""]
        let text = (third + second + first + second + first + first).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2019-03-07T10:00:00", "2019-03-06T14:15:00", "2019-03-05T09:00:00"])
        guard emails.count == 3 else { return }
        XCTAssertEqual(emails.map(\.lines), [1...23, 25...39, 41...47])
        XCTAssertTrue(emails[0].body.contains("silver otter") && !emails[0].ownText.contains("silver otter"))
        XCTAssertTrue(emails[1].ownText.contains("silver otter") && !emails[1].ownText.contains("Did the logins"))
    }

    /// Printed newest first, each email from its page's top, a rule at each page's foot:
    /// a reply quotes the email below it with a bare header that names its sender
    /// "Surname, First I." without an address. That copy is the email printed on the next
    /// page (same sender, same minute), which the rule over the page break does not make
    /// a copy.
    func testABareHeaderCopyNamedSurnameFirstIsTheEmailOnTheNextPage() {
        let rule = String(repeating: "_", count: 60)
        func page(_ n: Int, _ lines: [String]) -> [String] {
            ["                                      FOIL-2021-085-04602", "                                      Page \(n)", ""] + lines
                + ["", rule, ""]
        }
        let erin = "Erin W. De La Cruz <edelacruz@cellebrite.com>"
        let text = (page(1, ["From: Patrick Brooks <patrick.brooks@doi.nyc.gov>", "Sent: Monday, October 25, 2021 1:44 PM",
                             "To: \(erin)", "Subject: RE: Account deactivation", "", "Thanks, Erin.", "Patrick Brooks", "",
                             "From: De La Cruz, Erin W.", "Sent: Saturday, October 23, 2021 12:41 PM",
                             "To: Patrick Brooks <patrick.brooks@doi.nyc.gov>", "Subject: RE: Account deactivation", "",
                             "The accounts are deactivated.", "Erin"])
            + page(2, ["From: \(erin)", "Sent: Saturday, October 23, 2021 12:41 PM", "To: Patrick Brooks <patrick.brooks@doi.nyc.gov>",
                       "Subject: RE: Account deactivation", "", "The accounts are deactivated.", "Regards, Erin"])
            + page(3, ["From: Patrick Brooks <patrick.brooks@doi.nyc.gov>", "Sent: Friday, October 22, 2021 9:00 AM",
                       "To: \(erin)", "Subject: Accounts", "", "Please deactivate two accounts.", "Patrick Brooks"]))
            .joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-10-25T13:44:00", "2021-10-23T12:41:00", "2021-10-22T09:00:00"])
        XCTAssertEqual(emails.map { $0.lines }, [4...18, 25...31, 38...44])
        let copy = EmailSplitter.explain(text: text).first { $0.line == 12 }
        XCTAssertEqual(copy?.startsEmail, false)
        XCTAssertTrue(copy?.reason.contains("as the email at line 25") ?? false, "the copy is tied to the email it copies")
    }

    /// An Outlook print saved as text: the mailbox owner's name over a rule of dashes tops
    /// every email (so it recurs like a running header), and a reply's quoted header sits
    /// under a rule after the signature.
    func testAnOwnerNameOverARuleOpensEachEmailOfATextPrint() {
        let rule = String(repeating: "-", count: 60)
        func page(_ owner: String, _ from: String, _ date: String, _ body: [String]) -> [String] {
            ["RELEASED UNDER FOIL 2020-PL-00417", "", owner, rule, "From: \(from)", "Sent: \(date)",
             "To: Desk <desk@nypd.org>", "Subject: Trial", ""] + body + [""]
        }
        let text = (page("Fatima Chen", "Ward, Chris <cward@nypd.org>", "Monday, March 4, 2019 9:00 AM", ["The amber kestrel logins.", "Chris"])
            + page("Fatima Chen", "Okafor, Jen <jokafor@clearview.ai>", "Tuesday, March 5, 2019 10:00 AM",
                   ["Received, thank you.", "Regards,", "Jen Okafor", "________________________________",
                    "From: Ward, Chris <cward@nypd.org>", "Sent: Monday, March 4, 2019 9:00 AM", "To: Desk <desk@nypd.org>",
                    "Subject: Trial", "", "The amber kestrel logins."])
            + page("Fatima Chen", "Chen, Fatima <fchen@nypd.org>", "Wednesday, March 6, 2019 11:00 AM", ["The copper fern list.", "Fatima"]))
            .joined(separator: "\n").replacingOccurrences(of: "\nRELEASED", with: "\n\u{0C}RELEASED")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["cward@nypd.org", "jokafor@clearview.ai", "fchen@nypd.org"])
        XCTAssertEqual(emails.map { $0.lines?.first }, [3, 15, 35], "each email starts at its owner's name")
    }

    /// A Lotus Notes memo with its labels in a narrow column beside the sender, which cuts
    /// a Notes name in the middle of a word.
    func testANotesNameCutByItsColumnIsJoinedAgain() {
        let text = [
            "Nikhil Edwards  To  William", "<nikhil.edwards@brightwateranalytics.com>  Sullivan/ID/NYCDOI@N",
            "5/4/2021 9:56 AM  YCDOI", "                  cc  Arjun Parker/ID/NYCDOI@NYCDOI", "                  bcc",
            "                  Subject  Visit to RTCC", "", "William, the room is booked.", "Nikhil",
        ].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.count, 1)
        XCTAssertEqual(emails.first?.header.from?.address, "nikhil.edwards@brightwateranalytics.com")
        XCTAssertEqual(emails.first?.header.date?.description, "2021-05-04T09:56:00")
        XCTAssertEqual(emails.first?.header.to.map(\.name), ["William Sullivan"])
        XCTAssertEqual(emails.first?.header.subject, "Visit to RTCC")

        let wrapped = [
            "Priya  To  Nikhil", "Ramos/OIGN/NYCDOI@NYCDOI  Edwards", "5/30/2021 8:55 PM  <nikhil.edwards@brightwateranalytics.com>",
            "                  bcc", "                  Subject  Results", "", "Nikhil, the results are in.",
        ].joined(separator: "\n")
        let memo = EmailSplitter.split(text: wrapped).first?.header
        XCTAssertEqual(memo?.to.map(\.name), ["Nikhil Edwards"], "a name wrapped at its space keeps the space")
        XCTAssertEqual(memo?.to.map(\.address), ["nikhil.edwards@brightwateranalytics.com"])

        let columns = [
            "Anthony De La  To  François Hall/BCI/NYSTAT@NYSTAT,", "Cruz/BCI/NYSTAT@NYSTAT  Angela Goldberg",
            "2/13/2022 4:59 PM  <angela.goldberg@clearview.ai>", "                  Subject  Trial account for Bureau of",
            "                  Criminal Investigation", "", "Team, the accounts are set up.",
        ].joined(separator: "\n")
        let long = EmailSplitter.split(text: columns).first?.header
        XCTAssertEqual(long?.from?.name, "Anthony De La Cruz")
        XCTAssertEqual(long?.to.map(\.name), ["François Hall", "Angela Goldberg"], "a name alone in the column goes on with the list")
        XCTAssertEqual(long?.subject, "Trial account for Bureau of Criminal Investigation", "the subject wraps under its label")

        // OCR closed the gap between the sender and the label column.
        let closed = EmailSplitter.split(text: ["Kwame Delgado To Luis Shapiro/OMAP/NYPD@NYPD", "<det.delgado@icloud.com>  cc  Brian Berg/FIS/NYPD@NYPD",
                                                "10/21/2021 9:47 AM  Subject  Catching up", "", "Hey Luis,"].joined(separator: "\n")).first?.header
        XCTAssertEqual(closed?.from?.name, "Kwame Delgado")
        XCTAssertEqual(closed?.from?.address, "det.delgado@icloud.com")
        XCTAssertEqual(closed?.to.map(\.name), ["Luis Shapiro"])

        // A sender whose address is redacted: still a memo, with its subject.
        let redacted = EmailSplitter.split(text: ["Łukasz Ó Briain <█>", "03/07/2020 03:42 AM", "To  Karen Collins/ITB/LAPD@LAPD", "cc", "bcc",
                                                  "Subject  Re: Fwd: Trial extension", "", "Good evening,"].joined(separator: "\n")).first?.header
        XCTAssertEqual(redacted?.from?.name, "Łukasz Ó Briain")
        XCTAssertEqual(redacted?.subject, "Re: Fwd: Trial extension")

        let wrappedList = [
            "Nikhil Edwards  To  William Sullivan/ID/NYCDOI@NYCDOI", "<nikhil.edwards@brightwateranalytics.com>", "5/4/2021 9:56 AM",
            "                                        cc  Arjun", "                                        Parker/ID/NYCDOI@NYCDOI,",
            "                                        Priya", "                                        Ramos/OIGN/NYCDOI@",
            "                                        NYCDOI,", "                                        Sofia da", "                                        Costa/ID/NYCDOI@NYCDOI",
            "                                        bcc",
            "                                        Subject  Request for FR search - Complaint", "                                        #2018-115-59604",
            "", "William, the search is done.",
        ].joined(separator: "\n")
        let listed = EmailSplitter.split(text: wrappedList).first?.header
        XCTAssertEqual(listed?.cc.map(\.name), ["Arjun Parker", "Priya Ramos", "Sofia da Costa"], "a list wrapped a name per line under its label")
        XCTAssertEqual(listed?.subject, "Request for FR search - Complaint #2018-115-59604")

        // A subject wrapped between its label and its value, then under that line.
        let between = EmailSplitter.split(text: [
            "Kofi Amankwah  To  Leah Brandt/FIS/NYPD@NYPD", "<kamankwah@vendor-z.example>", "8/29/2018 2:45 PM",
            "                  cc  Omar Lind/FIS/NYPD@NYPD", "                  Subject  Questions about the pilot terms, data",
            "                    retention, and whether searches are logged for", "                    audit", "", "Leah, a few questions.",
        ].joined(separator: "\n")).first?.header
        XCTAssertEqual(between?.subject, "Questions about the pilot terms, data retention, and whether searches are logged for audit")
    }

    /// A request tracker's thread printed from a browser, with a State Department stamp over
    /// the print header and the request's number on every page: the stamps push the number
    /// down, and it is still furniture; a new thread's title goes with its first message.
    func testATrackerThreadUnderStampsEndsWhereItsTextEnds() {
        let top = ["UNCLASSIFIED U.S. Department of State Case No. F-2020-89060 Doc No. C05936925 Date: 01/03/2022",
                   "RELEASE IN PART B6", "LAW ENFORCEMENT SENSITIVE", "4/8/21, 5:41 PM     Face recognition searches • FOIL Ledger",
                   "                                             2020-ICFO-58081", ""]
        let pages = [
            top + ["Face recognition searches", "Request filed by Neil Johnson with the Brooklyn DA", "",
                   "From: Neil Johnson", "", "I request copies of all records.", "Neil Johnson", "",
                   "From: Records Access Office", "", "Your request is received.", "Records Access Office"],
            top + ["Records about Cellebrite", "Request filed by Malik Reed with the NYPD", "Tracking #: FOIL-2020-033-46317 Status: Completed", "",
                   "From: Malik Reed", "", "I request the Cellebrite contract.", "Malik Reed", "",
                   "From: Records Access Office", "", "The contract is attached.", "Records Access Officer J. Diaz"],
        ]
        let text = pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.name }, ["Neil Johnson", "Records Access Office", "Malik Reed", "Records Access Office"])
        // (In a text release an email's lines start at its own header; the title is the thread's.)
        XCTAssertEqual(emails.map { $0.lines }, [10...13, 15...18, 29...32, 34...37])
    }

    /// A tracker prints some messages with To: and Date: lines, some with the From line
    /// alone, and a rule between them: each is a message, none a quoted copy.
    func testATrackersMessagesWithRecipientsAndDatesAreMessagesToo() {
        let rule = String(repeating: "-", count: 60)
        let text = ["Records about Clearview", "Request filed by Daniel Ferraro with the NYC DOI", "",
                    "From: Daniel Ferraro", "", "I request copies of all records.", "Daniel Ferraro", "", rule, "",
                    "From: NYC Department of Investigation", "To: Daniel Ferraro", "Date: June 23, 2018", "",
                    "Your request is received.", "Samuel Walker", "", rule, "",
                    "From: Daniel Ferraro", "", "Any news?", "Daniel Ferraro", "", rule, "",
                    "From: NYC Department of Investigation", "To: Daniel Ferraro", "Date: July 2, 2018", "",
                    "The records are attached.", "Samuel Walker"].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.name },
                       ["Daniel Ferraro", "NYC Department of Investigation", "Daniel Ferraro", "NYC Department of Investigation"])
        XCTAssertEqual(emails.map { $0.lines }, [4...7, 11...16, 20...23, 27...32])
    }

    /// A text release without page breaks: a rule between two threads sets the second
    /// tracker thread's title apart; the title goes with the thread, not the message above.
    func testATrackerTitleBetweenRulesGoesWithItsThread() {
        let rule = String(repeating: "_", count: 60)
        func thread(_ title: String, _ requester: String) -> [String] {
            [title, "Request filed by \(requester) with the New York City Police Department",
             "Tracking #: FOIL-2021-065-47865 Status: Completed", rule,
             "From: \(requester)", "Date: April 13, 2021", "", "I request the contract.", requester, "",
             "From: New York City Police Department", "Date: April 20, 2021", "", "The contract is attached.", "Records Access Officer", rule]
        }
        let text = (thread("NYPD Facial Recognition Records", "Stephen Wilson") + thread("Clearview Contracts", "Dana Reyes"))
            .joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.name },
                       ["Stephen Wilson", "New York City Police Department", "Dana Reyes", "New York City Police Department"])
        XCTAssertEqual(emails.map { $0.lines }, [5...9, 11...15, 21...25, 27...31])
    }

    /// Each title a tracker prints starts a thread that its messages share, whatever
    /// their subjects; the same request printed twice is two prints.
    func testATrackersMessagesShareTheThreadOfTheTitleOverThem() {
        let rule = String(repeating: "_", count: 60)
        func thread(_ title: String, _ requester: String) -> [String] {
            [title, "Request filed by \(requester) with the New York City Police Department",
             "Tracking #: FOIL-2021-065-47865 Status: Completed", rule,
             "From: \(requester)", "Subject: \(title)", "", "I request the contract.", requester, "",
             "From: New York City Police Department", "", "The contract is attached.", "Records Access Officer", "",
             "From: \(requester)", "Subject: Fees", "", "Please waive the fees.", requester, rule]
        }
        let text = (thread("NYPD Facial Recognition Records", "Stephen Wilson") + thread("Clearview Contracts", "Dana Reyes")
            + thread("Clearview Contracts", "Dana Reyes")).joined(separator: "\n")
        let threads = EmailSplitter.split(text: text).map(\.printedThread)
        XCTAssertEqual(threads.count, 9)
        XCTAssertTrue(threads.allSatisfy { $0 != nil })
        XCTAssertEqual(threads.map { $0?.components(separatedBy: " (line").first }, [String](repeating: "NYPD Facial Recognition Records Request filed by Stephen Wilson with the New York City Police Department Tracking #: FOIL-2021-065-47865 Status: Completed", count: 3)
            + [String](repeating: "Clearview Contracts Request filed by Dana Reyes with the New York City Police Department Tracking #: FOIL-2021-065-47865 Status: Completed", count: 6))
        XCTAssertEqual(Set(threads[0..<3]).count, 1)
        XCTAssertEqual(Set(threads[3..<6]).count, 1)
        XCTAssertEqual(Set(threads[6..<9]).count, 1)
        XCTAssertNotEqual(threads[3], threads[6], "a second print of the same request")
    }

    /// Two requests of one title, each printed from a page's top: the title is a running
    /// header on no page, as it stands over its subject on one; the second request is a
    /// thread of its own though its first message prints no subject.
    func testTwoRequestsOfOneTitleAreTwoThreads() {
        func thread(_ title: String, _ requester: String, subject: Bool) -> String {
            ([title, "Request filed by \(requester) with the New York City Police Department", "Status: Completed", "",
              "From: \(requester)"] + (subject ? ["Subject: \(title)"] : ["To: New York City Police Department"])
             + ["", "I request the contract.", requester, "", "From: New York City Police Department", "Subject: Re: \(title)", "",
                "The contract is attached.", "Records Access Officer"]).joined(separator: "\n")
        }
        let pages = [thread("Facial recognition policy and audit logs", "Luis McAllister", subject: true),
                     thread("NYPD emails mentioning Clearview AI", "Mei T. Vega", subject: true),
                     thread("NYPD emails mentioning Clearview AI", "Mei T. Vega", subject: false)]
            .enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: 90) }
        let threads = EmailSplitter.split(pages).map(\.printedThread)
        XCTAssertEqual(threads.count, 6)
        XCTAssertEqual(Set(threads).count, 3, "\(threads)")
        XCTAssertEqual(threads.last??.hasPrefix("NYPD emails mentioning Clearview AI Request filed by Mei T. Vega"), true)
    }

    /// A tracker's site name over each thread, with a rule under it or set apart by blank
    /// lines alone: it goes with the thread under it, not the message above.
    func testATrackersSiteNameOverEachThreadGoesWithIt() {
        let rule = String(repeating: "_", count: 60)
        func thread(_ title: String, _ requester: String, ruled: Bool) -> [String] {
            ["OpenRecords Desk", ruled ? rule : "", title, "Request filed by \(requester) with the New York City Police Department",
             "Tracking #: FOIL-2021-065-47865 Status: Completed", ruled ? rule : "",
             "From: \(requester)", "Date: April 13, 2021", "", "I request the contract.", requester, "",
             "From: New York City Police Department", "Date: April 20, 2021", "", "The contract is attached.", "Records Access Officer", ""]
        }
        for ruled in [true, false] {
            let text = (thread("NYPD Facial Recognition Records", "Stephen Wilson", ruled: ruled) + thread("Clearview Contracts", "Dana Reyes", ruled: ruled))
                .joined(separator: "\n")
            XCTAssertEqual(EmailSplitter.split(text: text).map { $0.lines }, [7...11, 13...17, 25...29, 31...35], "ruled: \(ruled)")
        }
    }

    /// A rule parts emails in a text release as well as it marks a quoted copy: a block
    /// under a rule is a copy only if it could be quoted in the email above (its sender
    /// or a recipient wrote that email or a copy in it).
    func testABlockUnderARuleIsACopyOnlyOfAnEmailItsPeopleWrote() {
        let rule = String(repeating: "_", count: 60)
        let text = ["From: Nikhil D'Angelo <dangelon@nypd.org>", "Sent: Thursday, July 27, 2017 8:59 PM",
                    "To: Stephen Cohen <stephen.cohen@nypd.org>", "Subject: Trial schedule", "",
                    "Stephen, the schedule is attached.", "Nikhil", "", rule, "",
                    "From: Arjun Sondergaard <arjun@ice.dhs.gov>", "Sent: Friday, April 7, 2017 9:04 PM",
                    "To: Brian Lefevre <brian@clarifai.com>", "Subject: Pricing for 21 seats", "",
                    "Brian, what is the price?", "Arjun", rule,
                    "From: Brian Lefevre <brian@clarifai.com>", "Sent: Friday, April 7, 2017 6:24 PM",
                    "To: Arjun Sondergaard <arjun@ice.dhs.gov>", "Subject: Pricing", "", "The price is on the quote.", "Brian"]
            .joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["dangelon@nypd.org", "arjun@ice.dhs.gov"])
        XCTAssertEqual(emails.map { $0.lines }, [1...7, 11...25])
    }

    /// The mailbox owner signs his reply with the name the print puts over every email:
    /// under "Best regards," it is his signature, and the header under it a quoted copy.
    func testTheOwnersSignatureOverAQuotedCopyIsNoOwnerLine() {
        func header(_ from: String, _ date: String, _ to: String, _ subject: String) -> [String] {
            ["From:  \(from)", "Sent:  \(date)", "To:  \(to)", "Subject:  \(subject)", ""]
        }
        let raj = "Raj Søndergaard <raj.sondergaard@cbp.dhs.gov>"
        let pages = [
            ["Raj Søndergaard"] + header(raj, "Monday, November 22, 2021 5:23 PM", "Christopher Núñez <c.nunez@mta.info>", "RE: Pricing")
                + ["Hello Christopher,", "The quote expired.", "", "Best regards,", "Raj Søndergaard", ""]
                + header("Núñez, Christopher <c.nunez@mta.info>", "Monday, November 22, 2021 4:48 PM", raj, "RE: Pricing")
                + ["Please send a new one.", "Christopher"],
            ["Raj Søndergaard"] + header("Sean Haddad <sean@dataworksplus.com>", "Saturday, November 20, 2021 9:00 AM", raj, "Pricing")
                + ["Here is the pricing.", "Sean"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["raj.sondergaard@cbp.dhs.gov", "sean@dataworksplus.com"])
    }

    /// The owner signs a message in their mailbox with their name alone, set apart from the
    /// copy under it, where the print sets the owner's name right on each email's header:
    /// the signature of the message above, not the owner's line.
    func testTheOwnersNameSetApartUnderTheirMessageIsASignature() {
        func header(_ from: String, _ date: String, _ to: String, _ subject: String) -> [String] {
            ["From:  \(from)", "Sent:  \(date)", "To:  \(to)", "Subject:  \(subject)", ""]
        }
        let raj = "Raj Søndergaard <raj.sondergaard@cbp.dhs.gov>", christopher = "Núñez, Christopher <c.nunez@mta.info>"
        let pages = [
            ["Raj Søndergaard"] + header(raj, "Monday, November 22, 2021 5:23 PM", christopher, "RE: FW: Pricing")
                + ["Hello Christopher,", "The quote expired.", ""]
                + header(christopher, "Monday, November 22, 2021 4:48 PM", raj, "RE: FW: Pricing") + ["Please send a new one.", "Christopher", ""]
                + header(raj, "Monday, November 22, 2021 4:22 PM", christopher, "FW: Pricing") + ["Passing this along.", "", "Raj Søndergaard", ""]
                + header(raj, "Monday, November 22, 2021 2:57 PM", "Sean Haddad <sean@dataworksplus.com>", "Pricing") + ["Is this final?"],
            ["Raj Søndergaard"] + header("Sean Haddad <sean@dataworksplus.com>", "Saturday, November 20, 2021 9:00 AM", raj, "Pricing")
                + ["Here is the pricing.", "Sean"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-11-22T17:23:00", "2021-11-20T09:00:00"])
    }

    /// Two mailboxes' prints joined mid-page: the other owner's name over an email is not
    /// the signature of the message above it (that one is signed by its own sender).
    func testAnotherOwnersNameMidPageIsNoSignature() {
        func header(_ from: String, _ date: String, _ subject: String) -> [String] {
            ["From: \(from)", "Sent: \(date)", "To: Tanaka, Patrick", "Subject: \(subject)", ""]
        }
        let pages = [
            ["Patrick Tanaka"] + header("Tanaka, Patrick", "Tuesday, March 3, 2020 11:15 AM", "RE: Trial")
                + ["Dmitri, thanks.", "Det. Patrick Tanaka", "Chicago Police Department", "(312) 555-0147", "", "Ethan Cohen"]
                + header("Dmitri Adams <dmitri@motorolasolutions.com>", "Thursday, February 27, 2020 9:07 AM", "Trial")
                + ["Team, the trial starts Monday.", "Dmitri Adams"],
            ["Patrick Tanaka"] + header("Cohen, Ethan", "Tuesday, December 10, 2019 10:19 AM", "FR request")
                + ["Patrick, a request.", "Ethan"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.from?.name }, ["Patrick Tanaka", "Dmitri Adams", "Ethan Cohen"])
        // Signed with the sender's first name alone, set apart: a signature, and the header
        // under it a copy the sender forwards.
        let signed = pages.map { $0.map { $0 == "Ethan Cohen" ? "Patrick" : $0 }.joined(separator: "\n") }.joined(separator: "\n\u{0C}")
        XCTAssertEqual(EmailSplitter.split(text: signed).map { $0.header.from?.name }, ["Patrick Tanaka", "Ethan Cohen"])
    }

    /// A quote indented under its email runs on over a page break: the header indented as
    /// it is at the next page's top is still quoted, not an email of its own.
    func testAnIndentedQuoteRunsOnOverAPageBreak() {
        func header(_ from: String, _ date: String, _ to: String, _ subject: String, indent: String = "") -> [String] {
            ["From:     \(from)", "Sent:     \(date)", "To:       \(to)", "Subject:  \(subject)", ""].map { indent + $0 }
        }
        let andres = "von Hagen, Andrés <vonhagena@miami-police.org>", keisha = "Roberts, Keisha <robertsk@ice.dhs.gov>"
        let pages = [
            header(andres, "Tuesday, May 16, 2017 11:28:00 AM", keisha, "RE: Referral") + ["All,", "Per policy we do not run searches.", "Andrés", ""]
                + header(keisha, "5/16/2017 9:43 AM", andres, "RE: Referral", indent: "    ") + ["    Hey Andrés,", "    Forwarding a possible match.", "    Keisha"],
            header(andres, "5/16/2017 8:17 AM", keisha, "Referral", indent: "    ") + ["    Team,", "    We are trying to locate a subject.", "    Andrés", ""]
                + header("Kowalski, François <kowalskif@miami-police.org>", "Wednesday, May 17, 2017 9:00 AM", andres, "Lunch") + ["Noon?"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2017-05-16T11:28:00", "2017-05-17T09:00:00"])
        XCTAssertEqual(emails.first?.quoted.map { $0.date?.description }, ["2017-05-16T09:43:00", "2017-05-16T08:17:00"])
    }

    /// A rule that ends a page, under a reply, introduces the copy it quotes at the next
    /// page's top; a later email after that copy is an email again.
    func testARuleEndingAPageIntroducesTheQuoteAtTheNextPagesTop() {
        func header(_ from: String, _ date: String, _ to: String, _ subject: String) -> [String] {
            ["From:            \(from)", "Date:            \(date)", "To:              \(to)", "Subject:         \(subject)", ""]
        }
        let priya = "Priya Jóhannsdóttir <priya.johannsdottir@genetec.com>", elena = "Elena Sharma <esharma@mtapd.org>"
        let pages = [
            header(priya, "Sat, 14 Aug 2021 19:13:25 -0400", elena, "Re: Follow up from today")
                + ["Hey Elena,", "Would you be available to meet on 8/29?", "Thank you,", "Priya", "________________________________"],
            header(elena, "Sat, 14 Aug 2021 13:36:06 -0400", priya, "Follow up from today")
                + ["Please let me know who from your side will attend.", "Sincerely,", "Elena Sharma", ""]
                + header(elena, "Sat, 14 Aug 2021 20:46:30 -0400", priya, "Re: Follow up from today") + ["Can we push it to 9/14?", "Elena"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-08-14T19:13:25-04:00", "2021-08-14T20:46:30-04:00"])
        XCTAssertEqual(emails.first?.quoted.map { $0.date?.description }, ["2021-08-14T13:36:06-04:00"])
    }

    /// A copy of an email printed before, older than the email above it, is quoted there
    /// even at a page's top: the page break falls inside the quote.
    func testAnOlderCopyOfAnEmailAtAPagesTopIsQuoted() {
        func header(_ from: String, _ date: String, _ to: String, indent: String = "") -> [String] {
            ["From:     \(from)", "Sent:     \(date)", "To:       \(to)", "Subject:  Re: Trial extension", ""].map { indent + $0 }
        }
        let karen = "Karen Collins <kcollins@lapd.online>", lukasz = "Lukasz O'Brien <lukasz@idemia.com>"
        let pages = [
            header(karen, "Wednesday, March 4, 2020 11:39 PM", lukasz) + ["Can you extend the trial?", "Karen"],
            header(lukasz, "Saturday, March 7, 2020 3:42 AM", karen) + ["Yes, through March 27.", "Lukasz"],
            header(karen, "Saturday, March 7, 2020 5:38 PM", lukasz) + ["Thanks again,", "Karen", ""]
                + header(lukasz, "Saturday, March 7, 2020 3:42 AM", karen, indent: "    ") + ["    Yes, through March 27.", "    Lukasz"],
            header(karen, "Wednesday, March 4, 2020 11:39 PM", lukasz) + ["Can you extend the trial?", "Karen", ""]
                + header(lukasz, "Saturday, March 7, 2020 6:52 PM", karen) + ["You are welcome.", "Lukasz"],
        ]
        let emails = EmailSplitter.split(text: pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.date?.description },
                       ["2020-03-04T23:39:00", "2020-03-07T03:42:00", "2020-03-07T17:38:00", "2020-03-07T18:52:00"])
    }

    /// A closing set apart over a quoted header ("Respectfully," then a blank line) is the
    /// end of the message above, not another mailbox owner's name.
    func testAClosingOverAQuotedHeaderIsNoOwnersName() {
        let text = ["Raj Okonkwo", "From:        ngozi.evans76@yahoo.com", "Sent:        Tuesday, March 10, 2020 3:29 PM",
                    "To:          Raj.Okonkwo@nypd.org", "Subject:     FW: RE: Extension of time", "",
                    "Please review before we respond.", "", "Respectfully,", "",
                    "From: ngozi.evans76@yahoo.com", "Sent: Tuesday, March 10, 2020 1:34 PM", "To: Joseph Wisniewski <Joseph.Wisniewski@nypd.org>",
                    "Subject: RE: Extension of time", "", "Joseph, I ask that fees be waived.", "",
                    "\u{0C}Raj Okonkwo", "From:        Joseph.Wisniewski@nypd.org", "Sent:        Saturday, March 7, 2020 8:58 AM",
                    "To:          Ngozi Evans", "Subject:     Extension of time", "", "Team, a request."].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2020-03-10T15:29:00", "2020-03-07T08:58:00"])
        XCTAssertEqual(emails.first?.quoted.map { $0.date?.description }, ["2020-03-10T13:34:00"])
    }

    /// Two mailboxes' prints joined, each email from its page's top: the other mailbox's
    /// owner tops one page only, over a header printed as the quoted copies are; it still
    /// opens an email (a name that tops a page is set apart, unless a closing ends the
    /// page before it: then it is a signature that ran on).
    func testAnotherOwnerAtAPagesTopOpensAnEmail() {
        func page(_ owner: String, _ from: String, _ date: String, _ body: [String]) -> String {
            ([owner, "From:     \(from)", "Sent:     \(date)", "To:       Liam Mancuso <lmancuso@atf.gov>", "Subject:  Meeting", ""] + body)
                .joined(separator: "\n")
        }
        let pages = [
            page("Joanna Kowalski", "Jamal Cruz <cruzj@panynj.gov>", "Saturday, January 30, 2021 8:17 AM", ["Liam, shall we meet?", "Jamal"]),
            page("Joanna Kowalski", "Liam Mancuso <lmancuso@atf.gov>", "Monday, February 1, 2021 9:00 AM",
                 ["Yes, Tuesday.", "Liam", "", "From:     Jamal Cruz [mailto:cruzj@panynj.gov]", "Sent:     1/30/2021 8:17 AM",
                  "To:       Liam Mancuso <lmancuso@atf.gov>", "Subject:  Meeting", "", "Liam, shall we meet?", "Jamal"]),
            page("Sean Miller", "Joanna Kowalski [mailto:jkowalski@panynj.gov]", "4/4/2021 9:28 AM", ["The room is booked.", "Best,"]),
            page("Joanna Kowalski", "Liam Mancuso <lmancuso@atf.gov>", "Wednesday, April 7, 2021 10:39 AM", ["Thanks, all.", "Liam"]),
        ]
        let emails = EmailSplitter.split(text: pages.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["cruzj@panynj.gov", "lmancuso@atf.gov", "jkowalski@panynj.gov", "lmancuso@atf.gov"])
        // A closing at the foot of the page before: the name over the header is a signature,
        // and the header a copy the email above quotes...
        let quoted = page("Sean Miller", "Joanna Kowalski [mailto:jkowalski@panynj.gov]", "1/31/2021 9:28 AM", ["The room is booked.", "Best,"])
        let signed = [pages[0], pages[1] + "\nRegards,", quoted, pages[3]].joined(separator: "\n\u{0C}")
        XCTAssertEqual(EmailSplitter.split(text: signed).map { $0.header.from?.address }, ["cruzj@panynj.gov", "lmancuso@atf.gov", "lmancuso@atf.gov"])
        // ...unless it was sent after that email, which cannot quote it.
        let later = [pages[0], pages[1] + "\nRegards,", pages[2], pages[3]].joined(separator: "\n\u{0C}")
        XCTAssertEqual(EmailSplitter.split(text: later).map { $0.header.from?.address },
                       ["cruzj@panynj.gov", "lmancuso@atf.gov", "jkowalski@panynj.gov", "lmancuso@atf.gov"])
    }

    /// Two mailboxes' prints joined: the second owner's name stands over one email only, set
    /// apart from the text above, over a header printed as the emails' are (labels in a
    /// column), unlike the forwarded copy.
    func testAnotherMailboxOwnerNamedOnceStillOpensAnEmail() {
        func header(_ from: String, _ date: String, _ to: String) -> [String] {
            ["From:     \(from)", "Date:     \(date)", "To:       \(to)", "Subject:  Searches", ""]
        }
        let text = (["Zoë Rogers"] + header("Richard Sharma <rsharma@nypd.org>", "Tuesday, September 12, 2017 2:15 PM", "kwame@nypd.org")
            + ["The amber kestrel list.", "Richard", "", "Zoë Rogers"]
            + header("peter.kowalski@nypd.org", "Saturday, October 14, 2017 4:17 PM", "richard@opencv.org")
            + ["See below.", "Peter", "---------- Forwarded message ---------", "From: Richard Young <richard@opencv.org>",
               "Date: Sat, Oct 14, 2017 at 3:00 PM", "Subject: Searches", "To: Peter <peter.kowalski@nypd.org>", "",
               "The copper fern report.", "", "Lauren Reyes"]
            + header("richard@opencv.org", "Saturday, October 14, 2017 5:22 PM", "peter.kowalski@nypd.org")
            + ["Thank you, Peter.", "Richard"]).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["rsharma@nypd.org", "peter.kowalski@nypd.org", "richard@opencv.org"])
        XCTAssertEqual(emails.map { $0.lines?.first }, [1, 10, 26], "each email starts at its owner's name")
        XCTAssertFalse(emails[1].body.contains("Lauren Reyes"))
    }

    /// A Gmail thread's title that looks like a Bates number ("Invoice INV-44026") is its
    /// subject, not furniture; a long subject ends where a greeting starts under it.
    func testSubjectsEndWhereTheyShould() {
        func thread(_ title: String, _ sender: String, _ date: String, _ text: String) -> String {
            ["12/29/20, 3:54 PM     Gmail - \(title)", "M Gmail Jane Doe <jdoe@miami-police.org>", title, "1 message",
             "\(sender)  \(date)", "To: Jane Doe <jdoe@miami-police.org>", "", text].joined(separator: "\n")
        }
        let gmail = thread("Trial accounts", "Brian Russo <russob@miami-police.org>", "Fri, Aug 7, 2020 at 1:07 PM", "The accounts are ready.")
            + "\n\u{0C}" + thread("Invoice INV-44026", "Megan Mancuso <mmancuso@necam.com>", "Tue, Sep 8, 2020 at 1:10 PM", "The invoice is attached.")
        XCTAssertEqual(EmailSplitter.split(text: gmail).map(\.header.subject), ["Trial accounts", "Invoice INV-44026"])
        // What OCR leaves of a print header over a thread goes with the thread, not the email before.
        let remnant = gmail.replacingOccurrences(of: "\u{0C}12/29/20, 3:54 PM     Gmail - Invoice INV-44026", with: "\u{0C}      - Invoice")
        XCTAssertEqual(EmailSplitter.split(text: remnant).map { $0.lines?.last }, [8, 16])
        // The account's address wraps on the "Gmail" line: its end is not the title's.
        let wrapped = ["M Gmail  Nicole Delgado <nicole.delgado23@yahoo.", "com>", "Meeting May 31, 2020", "1 message",
                       "Andre Harris <andre@clearview.ai>  June 2, 2020 at 11:42 AM", "To: Nicole Delgado <nicole.delgado23@yahoo.com>",
                       "", "Hello Nicole,"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: wrapped).map(\.header.subject), ["Meeting May 31, 2020"])

        let subject = "Re: Re: Fwd: Procurement question re: Rank One Computing license renewal"
        let outlook = ["From: Owen Ramos <oramos@nypd.org>", "Sent: Tuesday, March 5, 2019 9:12 AM", "To: Samuel Diaz <sdiaz@nypd.org>",
                       "Subject: \(subject)", "Hello Samuel,", "The renewal is signed."].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: outlook).first?.header.subject, subject)
        // A subject printed first, wrapped at the margin before the next label.
        let rfc = ["Subject: Following up on the Vigilant Solutions trial for Facial", "Identification Section and next steps",
                   "From: \"Núñez, Rachel\" <rachel.nunez@nypd.org>", "Date: Wed, 27 Feb 2019 19:34:49 -0500",
                   "To: \"Peña, Keisha\" <kpena@vigilantsolutions.com>", "", "Keisha, thank you."].joined(separator: "\n")
        let split = EmailSplitter.split(text: rfc)
        XCTAssertEqual(split.first?.header.subject, "Following up on the Vigilant Solutions trial for Facial Identification Section and next steps")
        XCTAssertEqual(split.first?.lines, 1...7)
    }

    /// Each page ends with a signature's phone number and a page number: the number is
    /// furniture, the phone number the email's text (neither has letters to recur by).
    func testASignaturesPhoneNumberAtThePageFootIsText() {
        let text = (1...3).map { n in
            ["From: Owen Ramos <oramos@nypd.org>", "Sent: Tuesday, March \(n), 2019 9:12 AM", "To: Lena Ortiz <lortiz@nypd.org>",
             "Subject: Trial \(n)", "", "Lena, see the list.", "Owen Ramos", "(646) 555-0183", "", "\(n)"].joined(separator: "\n")
        }.joined(separator: "\n\u{0C}")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.count, 3)
        XCTAssertEqual(emails.map { $0.lines?.last }, [8, 18, 28])
        XCTAssertTrue(emails.allSatisfy { $0.body.hasSuffix("(646) 555-0183") }, "\(emails.map(\.body))")
    }

    /// A message quoted in two replies but never released itself: each copy stands under a
    /// newer header, so none of them is an email.
    func testAMessageOnlyQuotedIsNoEmail() {
        func header(_ from: String, _ date: String) -> [String] {
            ["Date: \(date)", "From: \(from)", "To: Desk <desk@nypd.org>", "Subject: Login problems", ""]
        }
        let erin = "Erin O'Brien <eobrien@nypd.org>", elena = "Elena Peña <elena@clearview.ai>"
        let quoted = header(elena, "Fri, 30 Oct 2020 11:30:47 -0400") + ["Try the new password.", ""]
        let first = header(erin, "Fri, 30 Oct 2020 17:01:02 -0400") + ["It still fails.", "Erin", ""]
        let second = header(erin, "Fri, 30 Oct 2020 17:25:32 -0400") + ["Forwarding to IT.", "Erin", ""]
        let text = (first + quoted + ["\u{0C}"] + second + first + quoted).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2020-10-30T17:01:02-04:00", "2020-10-30T17:25:32-04:00"])
    }

    /// OCR reads a forward marker's words apart from its dashes, on lines of their own.
    func testAForwardMarkerBrokenByOCRStillMarksACopy() {
        let text = ["From: Darnell.Dubois@nypd.org", "Date: Sun, 21 Feb 2021 06:09:13 -0500", "Subject: FW: Follow up",
                    "To: smorris@nypd.org", "", "See below.", "Darnell", "", "                 Forwarded",
                    "  ----------  ---------", "                                 message",
                    "From: Vincent Patel <vincent@clearview.ai>", "Date: Sat, Feb 20, 2021 at 10:21 AM", "Subject: Follow up",
                    "To: Darnell.Dubois@nypd.org", "", "The quote is attached."].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["darnell.dubois@nypd.org"])
        XCTAssertEqual(EmailSplitter.explain(text: text).last?.reason.hasPrefix("follows"), true)
        // A speck before the dashes read as letters ("won"): still the marker, never a name.
        let speck = text.replacingOccurrences(of: "                 Forwarded\n  ----------  ---------\n                                 message",
                                              with: "won------- Forwarded message ---------")
        XCTAssertEqual(EmailSplitter.explain(text: speck).last?.reason.hasPrefix("follows"), true)
        let original = speck.replacingOccurrences(of: "won------- Forwarded message ---------", with: "os Original Messape-----")
        XCTAssertEqual(EmailSplitter.explain(text: original).last?.reason.hasPrefix("follows"), true)

        // OCR widened one space in the first header ("Date:  Sun"): the release's emails are
        // still told from its copies, which print their labels the same way.
        let widened = text.replacingOccurrences(of: "Date: Sun,", with: "Date:  Sun,") + "\n\u{0C}" + [
            "From: smorris@nypd.org", "Date: Wed, 26 May 2021 09:41:05 -0400", "Subject: Searches this week",
            "To: vincent@clearview.ai", "", "Vincent, the searches are done."].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: widened).map { $0.header.from?.address }, ["darnell.dubois@nypd.org", "smorris@nypd.org"])
    }

    /// Gmail prints a sender without a display name as the address alone.
    func testAGmailSenderWithoutANameOpensAMessage() {
        let text = ["Gmail             Jane Doe <jdoe@nypd.org>", "FOIL Request FOIL-2020-033-06788", "2 messages",
                    "Kevin Martinez <kevin.martinez@nypd.org>           Sat, Jan 23, 2021 at 9:02 AM", "To: tfitzgerald97@gmail.com", "",
                    "Your request is received.", "",
                    "tfitzgerald97@gmail.com                    Sun, Jan 24, 2021 at 11:32 AM", "To: Kevin Martinez <kevin.martinez@nypd.org>", "",
                    "Thank you."].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from?.address }, ["kevin.martinez@nypd.org", "tfitzgerald97@gmail.com"])
        XCTAssertEqual(emails.last?.header.date?.description, "2021-01-24T11:32:00")
        XCTAssertEqual(emails.last?.header.subject, "FOIL Request FOIL-2020-033-06788")

        // An initial read as a bracket in the sender's address: still the sender line.
        let misread = text.replacingOccurrences(of: "Kevin Martinez <kevin.martinez@nypd.org>           Sat",
                                                with: "Kevin Martinez <kevin.).martinez@nypd.org>           Sat")
        XCTAssertEqual(EmailSplitter.split(text: misread).map { $0.header.from?.address }, ["kevin.j.martinez@nypd.org", "tfitzgerald97@gmail.com"])
    }

    /// A header a mailer left unmarked inside a ">" quote, between its quoted lines, is
    /// part of that quote, though printed as the release prints its emails.
    func testAHeaderBetweenQuotedLinesIsInsideTheQuote() {
        let text = ["From: Grace Dubois <grace@clearview.ai>", "Sent: Friday, September 10, 2021 9:51:24 PM",
                    "To: Nadia Howard <nhoward@mta.info>", "Subject: FW: FW: Trial accounts", "", "FYI - see below.", "Grace", "",
                    "On Fri, Sep 10, 2021 at 7:36 PM Samuel Johannsdottir <samuel@brooklynda.org> wrote:",
                    "> Can you handle this one?", ">",
                    "From: Shapiro, Ana <ana.shapiro@clearview.ai>", "Sent: Thursday, September 09, 2021 8:19 AM",
                    "To: Samuel Johannsdottir <samuel@brooklynda.org>", "Subject: FW: Trial accounts",
                    ">", "> See the message below.", "> Ana", "\u{0C}From: Ana Shapiro <ana.shapiro@clearview.ai>", "Sent: Thursday, September 09, 2021 8:03:02 AM",
                    "To: Sean Pena <sean.pena@nypd.org>", "Subject: Trial accounts", "", "Sean, the accounts are ready.", "Ana"]
            .joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-09-10T21:51:24", "2021-09-09T08:03:02"])
        XCTAssertEqual(emails.first?.quoted.map { $0.date?.description }, ["2021-09-09T08:19:00"])
    }

    /// Each Gmail print is a thread its messages share; two prints of one subject are two.
    /// (OCR may read a speck before the count: "_2 messages".)
    func testEachGmailPrintIsAThreadOfItsOwnWhateverItsSubject() {
        func print(_ first: String, _ second: String, title: String = "Trial accounts", count: String = "2 messages") -> String {
            ["Gmail             Jane Doe <jdoe@nypd.org>", title, count,
             "Kevin Martinez <kevin.martinez@nypd.org>           \(first)", "To: Jane Doe <jdoe@nypd.org>", "", "The accounts are ready.", "",
             "Jane Doe <jdoe@nypd.org>                    \(second)", "To: Kevin Martinez <kevin.martinez@nypd.org>", "",
             "Thank you."].joined(separator: "\n")
        }
        let text = print("Sat, Jan 23, 2021 at 9:02 AM", "Sun, Jan 24, 2021 at 11:32 AM") + "\n\u{0C}"
            + print("Mon, Mar 1, 2021 at 8:15 AM", "Mon, Mar 1, 2021 at 9:40 AM")
        let threads = EmailSplitter.split(text: text).map(\.printedThread)
        XCTAssertEqual(threads.count, 4)
        XCTAssertEqual(threads[0], threads[1])
        XCTAssertEqual(threads[2], threads[3])
        XCTAssertNotEqual(threads[0], threads[2])
        XCTAssertEqual(threads[0]?.hasPrefix("Trial accounts"), true)
        let misread = EmailSplitter.split(text: text + "\n\u{0C}" + print("Tue, Mar 2, 2021 at 8:15 AM", "Tue, Mar 2, 2021 at 9:40 AM",
                                                                          title: "Demo at the DA's office", count: "_2 messages"))
        XCTAssertEqual(misread.map { $0.printedThread?.hasPrefix("Demo") ?? false }, [false, false, false, false, true, true])
    }

    /// What OCR keeps of Apple Mail's title over each page's first header ("- Response") is
    /// no mailbox owner's name: the email under no such line is still an email.
    func testATitleRemnantIsNoOwnersName() {
        func email(_ day: Int, _ hour: Int) -> [String] {
            ["From: Jorge Lefevre <jorge@clearview.ai>", "Subject: Re: Pricing - Response", "Date: March \(day), 2019 at \(hour):00:00 AM EST",
             "To: Lauren Davis <lauren.davis@miami-police.org>", "", "The quote for day \(day).", "Jorge", ""]
        }
        let pages = (1...3).map { ["          - Response"] + email($0, 9) }
        let text = (pages[0] + pages[1] + ["", ""] + email(2, 11) + ["\u{0C}"] + pages[2]).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).count, 4)
    }

    /// Each email ends its page with the same signature; pages are marked "1/3" beside a
    /// Bates number. The signature's last line recurs at every page's foot, but it goes on
    /// from the text above it with no gap: text, not a running footer.
    func testASignatureEndingEveryPageIsTextAndAPageNumberBesideABatesNumberIsNot() {
        let text = (1...3).map { n in
            ["From: Owen Ramos <oramos@nypd.org>", "Sent: Tuesday, March \(n), 2019 9:12 AM", "To: Lena Ortiz <lortiz@nypd.org>",
             "Subject: Trial \(n)", "", "Lena, see the list.", "Owen Ramos", "Office: (646) 555-0183", "Cell: (917) 555-0122", "", "",
             "                       \(n)/3                     LAS-FOIL-00127\(n)", ""].joined(separator: "\n")
        }.joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map(\.lines), [1...9, 14...22, 27...35])
        XCTAssertTrue(emails.allSatisfy { $0.body.hasSuffix("Cell: (917) 555-0122") }, "\(emails.map(\.body))")
    }

    /// A privilege legend printed over every email's header is no mailbox owner's name: the
    /// block under no legend is still an email.
    func testAPrivilegeLegendIsNoOwnersName() {
        func email(_ from: String, _ day: Int, _ legend: Bool) -> [String] {
            (legend ? ["               ATTORNEY-CLIENT PRIVILEGED"] : [])
                + ["From: \(from)", "Sent: Saturday, August \(day), 2020 9:17:47 AM", "To: Nikhil Garcia", "Subject: Catching up \(day)", "",
                   "The demo is on.", "Regards,", from, ""]
        }
        let text = (email("Mary Richardson", 22, true) + email("Andre Carter", 23, false) + ["\u{0C}"] + email("Mary Richardson", 24, true))
            .joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.from?.name }, ["Mary Richardson", "Andre Carter", "Mary Richardson"])
    }

    /// A release printed newest first, from Apple Mail: an email quotes the one below it with
    /// "On … wrote:", so that one, with the same subject and older, is an email of its own;
    /// and headers printed as the release's emails are (labels flush right against their
    /// values) are emails, where a forwarded copy's labels stand flush left.
    func testANewestFirstApplePrintKeepsTheEmailsItsRepliesQuote() {
        func header(_ from: String, _ subject: String, _ date: String) -> [String] {
            ["        From: \(from)", "     Subject: \(subject)", "        Date: \(date)", "          To: Desk <desk@nypd.org>", ""]
        }
        let aisha = "Aisha Nguyen <aisha.nguyen@nypd.org>", mei = "Mei Peterson <mei.peterson@ice.dhs.gov>"
        let reply = header(mei, "Re: Possible match", "May 8, 2022 at 1:59:08 PM EDT") + ["No match above the threshold.", "Mei", "",
                    "On May 7, 2022, at 2:25 PM, Aisha Nguyen", "<aisha.nguyen@nypd.org> wrote:", "> Adding you to this thread.", ""]
            + header(aisha, "Possible match", "May 7, 2022 at 2:25:55 PM EDT") + ["Adding you to this thread.", "Aisha", ""]
        let quoted = reply.joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: quoted).count, 2)
        XCTAssertEqual(EmailSplitter.explain(text: quoted).last?.reason.contains("already quotes"), true)

        let text = (reply + header(aisha, "Fwd: Audit", "May 6, 2022 at 9:00:00 AM EDT") + ["See below.", "Aisha", "", "Begin forwarded message:", ""]
            + ["From: \(mei)", "Subject: Audit", "Date: May 5, 2022 at 8:00:00 AM EDT", "To: \(aisha)", "", "The audit is due.", ""]
            + header(mei, "Audit", "May 5, 2022 at 8:00:00 AM EDT") + ["The audit is due.", "Mei"]).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.date?.description },
                       ["2022-05-08T13:59:08-04:00", "2022-05-07T14:25:55-04:00", "2022-05-06T09:00:00-04:00", "2022-05-05T08:00:00-04:00"])
    }

    /// A release prints its emails "Subject, From, Date, To", parted by rules; the copies
    /// quoted in them come "From, Date, To, Subject", or under a forward marker "From, Date,
    /// Subject, To". A copy printed unlike the release's emails that happens to start a page
    /// stays in its reply, and an email under a rule, printed as the release's emails are,
    /// is still an email, though its sender wrote the email above.
    func testAPageTopCopyPrintedUnlikeTheReleasesEmailsStaysQuoted() {
        let kwame = "Kwame Kowalski <kwame@rankone.io>", michael = "Michael Garcia <garciam@legal-aid.org>"
        func email(_ from: String, _ to: String, _ date: String, _ subject: String) -> [String] {
            ["Subject: \(subject)", "From: \(from)", "Date: \(date)", "To: \(to)", ""]
        }
        func copy(_ from: String, _ to: String, _ date: String, _ subject: String) -> [String] {
            ["From:      \(from)", "Date:      \(date)", "To:        \(to)", "Subject:   \(subject)", ""]
        }
        let rule = String(repeating: "-", count: 60)
        let text = (email(michael, kwame, "Sat, 13 May 2017 20:38:56 -0400", "RE: FW: Pricing") + ["Thanks.", "Michael", "",
                    "---------- Forwarded message ---------", "From: \(kwame)", "Date: Thu, 11 May 2017 08:30:50 -0600",
                    "Subject: FW: Pricing", "To: \(michael)", ""]
            + ["For your records.", "Kwame", "", rule] + email(kwame, michael, "Thu, 11 May 2017 08:30:50 -0600", "FW: Pricing")
            + ["For your records.", "Kwame", "\u{0C}"] + copy(kwame, "Thomas Parker <tparker@aol.com>", "Thu, 11 May 2017 06:22:03 -0600", "Pricing")
            + ["Thomas - the price is attached.", "Kwame", "", rule] + email(kwame, "Thomas Parker <tparker@aol.com>", "Thu, 11 May 2017 06:22:03 -0600", "Pricing")
            + ["Thomas - the price is attached.", "Kwame"]).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.date?.description },
                       ["2017-05-13T20:38:56-04:00", "2017-05-11T08:30:50-06:00", "2017-05-11T06:22:03-06:00"])
    }

    /// A rule may part emails as well as introduce the copies quoted in them. Under a rule,
    /// a header printed as the release's emails are, where its copies are printed otherwise,
    /// is an email; and a header of another thread is no copy, whoever wrote it.
    func testARuleThatPartsEmailsDoesNotMakeThemCopies() {
        let jessica = "jessica.park@palantir.com", mei = "mei.taylor@usms.doj.gov"
        let rule = String(repeating: "_", count: 60)
        func email(_ from: String, _ to: String, _ sent: String, _ subject: String, _ body: String) -> [String] {
            ["Sent: \(sent)", "From: \(from)", "To: \(to)", "Subject: \(subject)", "", body, "", "", rule]
        }
        let copy = ["From: \(mei)", "Date: Thu, 2 Sep 2021 07:17:11 -0400", "To: \(jessica)", "Subject: Re: Agenda", "", "Thursday works.", "", rule]
        let parted = (email(jessica, mei, "Sat, 4 Sep 2021 12:24:08 -0400", "Re: Agenda", "See you then.").dropLast() + ["", rule] + copy
            + email(jessica, mei, "Wed, 1 Sep 2021 19:49:49 -0600", "Re: Agenda", "Does Thursday work?")).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: parted).map { $0.header.date?.description }, ["2021-09-04T12:24:08-04:00", "2021-09-01T19:49:49-06:00"])

        let threads = (email(jessica, mei, "Sat, 4 Sep 2021 12:24:08 -0400", "Re: Agenda", "See you then.")
            + email(mei, jessica, "Tue, 10 Aug 2021 22:18:36 -0600", "Invoice INV-84736", "The invoice is attached.")).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: threads).map { $0.header.subject }, ["Re: Agenda", "Invoice INV-84736"])
    }

    /// OCR places each line of a scan a character or two off: labels set flush right still
    /// read as the release's emails', not as the flush-left forwarded copies.
    func testLabelsFlushRightWithinOCRsReachAreStillTheEmailsFormat() {
        func email(_ from: String, _ date: String, offsets: [Int]) -> [String] {
            let labels = ["From: \(from)", "Subject: Fwd: Audit", "Date: \(date)", "To: Desk <desk@nypd.org>"]
            let ends = [8, 11, 8, 6]
            return zip(labels, zip(ends, offsets)).map { String(repeating: " ", count: 12 - $1.0 + $1.1) + $0 } + [""]
        }
        let mei = "Mei Peterson <mei.peterson@ice.dhs.gov>"
        let text = (email(mei, "May 8, 2022 at 1:59:08 PM EDT", offsets: [0, 0, 0, 0]) + ["See below.", "Mei", "", "Begin forwarded message:", ""]
            + ["From: Aisha Nguyen <aisha@nypd.org>", "Subject: Audit", "Date: May 5, 2022 at 8:00:00 AM EDT", "To: \(mei)", "", "The audit is due.", ""]
            + email(mei, "May 6, 2022 at 9:00:00 AM EDT", offsets: [1, 0, -1, 1]) + ["Forwarding again.", "Mei"]).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.date?.description },
                       ["2022-05-08T13:59:08-04:00", "2022-05-06T09:00:00-04:00"])
    }

    /// A header printed unlike every email the release is known to print (an Outlook
    /// header inside an RFC-style print), with nothing else to go by, is a copy quoted in
    /// the email above when its people and thread are that email's.
    func testAHeaderPrintedUnlikeTheReleasesEmailsIsACopy() {
        let lena = "Lena Ortiz <lortiz@nypd.org>", owen = "Owen Ramos <oramos@clearview.ai>"
        func email(_ from: String, _ to: String, _ date: String) -> [String] {
            ["Subject: RE: Pricing", "From: \(from)", "Date: \(date)", "To: \(to)", ""]
        }
        let text = (email(lena, owen, "Wed, 10 Apr 2019 09:00:00 -0400") + ["Agreed.", "Lena", ""]
            + ["From: Owen Ramos", "Sent: Tuesday, April 9, 2019 4:00 PM", "To: Lena Ortiz", "Subject: RE: Pricing", "", "Here is the price.", "Owen",
               "\u{0C}"]
            + email(owen, lena, "Mon, 8 Apr 2019 10:00:00 -0400") + ["What is the price?", "Owen"]).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.date?.description },
                       ["2019-04-10T09:00:00-04:00", "2019-04-08T10:00:00-04:00"])
    }

    func testATimeIsTakenOnlyBesideItsDate() {
        XCTAssertEqual(DateParser.parse("Case 1:15-cv-07433 Document 12 Filed 01/05/24")?.description, "2024-01-05")
        XCTAssertEqual(DateParser.parse("December 4, 2018 at 10:32:15 AM EST")?.description, "2018-12-04T10:32:15-05:00")
        XCTAssertNil(DateParser.parse("Tue, Dec 4 at 10:32 AM"), "no year printed: no date")
    }

    /// OCR may set a Notes header's wrapped recipient line beside its date, over the To
    /// label: the block is still a Notes header, and a quoted copy of an email above it
    /// (the same sender and minute) stays inside the forward that quotes it.
    func testANotesRecipientLineReadBesideTheDateKeepsTheQuotedCopyInItsForward() {
        let original = ["Amara Okoye <aokoye@vendor-x.com>", "03/02/2021 09:15 AM", "           To  Tomas Ruiz/RTCC/NYPD@NYPD",
                        "           cc", "      Subject  Pilot pricing", "", "Tomas,", "", "Pricing for the pilot is attached.", "", "Amara", ""]
        let forward = ["Tomas Ruiz/RTCC/NYPD@NYPD", "03/02/2021 11:40 AM", "           To  Lena Ortiz/NYD/DEA@DEA", "           cc",
                       "      Subject  Fwd: Pilot pricing", "", "See below.", "", "Tomas Ruiz", "Real Time Crime Center", "",
                       "Amara Okoye <aokoye@vendor-x.com>", "03/02/2021 09:15 AM  Ruiz/RTCC/NYPD@NYPD,",
                       "           To  Tomas  Lena Ortiz", "                          <lortiz@dea.gov>", "           cc",
                       "      Subject  Pilot pricing", "", "Tomas,", "", "Pricing for the pilot is attached.", "", "Amara", "", "[attachment \"pricing.pdf\" deleted by Tomas Ruiz]"]
        let text = (original + forward).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-03-02T09:15:00", "2021-03-02T11:40:00"])
        XCTAssertEqual(emails.last?.body.contains("Pricing for the pilot is attached."), true, "the copy stays in the forward")
        let copy = EmailSplitter.explain(text: text).last
        XCTAssertEqual(copy?.startsEmail, false, copy?.reason ?? "")
    }

    /// A release that starts each email on a page of its own and prints quoted copies as it
    /// prints its emails (Lotus Notes), newest first: a header in the middle of a page,
    /// older than the email the page began, is quoted in it even when no other print of
    /// that message is released.
    func testInAReleaseOfOneEmailAPageAnOlderHeaderMidPageIsQuoted() {
        func header(_ from: String, _ date: String, _ to: String, _ subject: String) -> [String] {
            [from, date, "           To  \(to)", "           cc", "      Subject  \(subject)", ""]
        }
        let ruth = "Ruth Keel/RTCC/NYPD@NYPD", dana = "Dana Ortiz/RTCC/NYPD@NYPD", lee = "Lee Park <lpark@vendor-x.com>", omar = "Omar Vance <ovance@vendor-x.com>"
        let c = header(omar, "03/08/2021 09:00 AM", dana, "Trial accounts") + ["Dana,", "", "Four accounts are ready.", "", "Omar", ""]
        let ghost = header(dana, "03/08/2021 03:18 PM", lee, "Re: Trial accounts") + ["Lee,", "", "Can the trial run through April?", "", "Dana", ""]
        let b = header(lee, "03/09/2021 10:00 AM", dana, "Re: Trial accounts") + ["Dana,", "", "Yes, through April 30.", "", "Lee", ""]
        let a = header(dana, "03/10/2021 04:00 PM", lee, "Re: Trial accounts") + ["Lee,", "", "Thank you.", "", "Dana", ""]
        let z = header(ruth, "03/12/2021 08:30 AM", "Chief Kowalski/NYPD@NYPD", "FW: Re: Trial accounts") + ["For your review.", "", "Ruth", ""]
        let pages = [z + a, a + b + c, b + ghost + c, c].enumerated().map { Page(number: $0 + 1, text: $1.joined(separator: "\n"), ocrConfidence: nil) }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-03-12T08:30:00", "2021-03-10T16:00:00", "2021-03-09T10:00:00", "2021-03-08T09:00:00"],
                       EmailSplitter.explain(pages).map { "p\($0.page) \($0.startsEmail) \($0.reason)" }.joined(separator: "\n"))
        XCTAssertEqual(emails.map { $0.firstPage...$0.lastPage }, [1...1, 2...2, 3...3, 4...4])
        XCTAssertTrue(emails[2].body.contains("Can the trial run through April?"), "the copy stays in the email that quotes it")
        // A release that prints an email in the middle of a page, sent after the one the page
        // began with, does not start each email on a page: there an older header in the
        // middle of a page may be an email too.
        let later = header(ruth, "03/15/2021 09:00 AM", dana, "Budget") + ["Dana,", "", "The budget is approved.", "", "Ruth", ""]
        let mixed = [z + a, a + b + c + later, b + ghost + c, c].enumerated().map { Page(number: $0 + 1, text: $1.joined(separator: "\n"), ocrConfidence: nil) }
        XCTAssertEqual(EmailSplitter.split(mixed).map { $0.header.date?.description },
                       ["2021-03-12T08:30:00", "2021-03-10T16:00:00", "2021-03-15T09:00:00", "2021-03-09T10:00:00", "2021-03-08T15:18:00", "2021-03-08T09:00:00"])
    }

    /// A release printed newest first: an email sits under the newer email of another
    /// conversation, while its copies sit under the newer messages that answer it. The
    /// print under another conversation is the email; a message printed only under
    /// newer messages of its own conversation was not released as an email.
    func testInANewestFirstReleaseTheEmailIsThePrintNotUnderItsOwnConversation() {
        func header(_ from: String, _ subject: String, _ date: String, quoted: Bool) -> [String] {
            let pad = quoted ? " " : "  "
            return ["From:\(pad)\(from)", "Sent:\(pad)\(date)", "To:\(pad)Desk <desk@nypd.org>", "Subject:\(pad)\(subject)", ""]
        }
        let nia = "Nia Brandt <nbrandt@nypd.org>", omar = "Omar Vance <ovance@vendor-y.com>", ruth = "Ruth Keel <rkeel@gmail.com>"
        let ruthOld = header(ruth, "Story on the trial", "Monday, March 1, 2021 8:00 AM", quoted: true) + ["Is this true?", ""]
        let omarQuoted = header(omar, "RE: Story on the trial", "Tuesday, March 2, 2021 9:00 AM", quoted: true) + ["We cannot comment.", ""]
        let niaEmail = header(nia, "FW: RE: Story on the trial", "Thursday, March 4, 2021 10:00 AM", quoted: false)
            + ["For your files.", "Nia", ""] + omarQuoted + ruthOld
        let other = header(nia, "Training dates", "Wednesday, March 3, 2021 3:00 PM", quoted: false) + ["Training is on Friday.", "Nia", ""]
        let omarEmail = header(omar, "RE: Story on the trial", "Tuesday, March 2, 2021 9:00 AM", quoted: false)
            + ["We cannot comment.", "Omar", ""] + ruthOld
        let text = (niaEmail + ["\u{0C}"] + other + omarEmail).joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.date?.description }, ["2021-03-04T10:00:00", "2021-03-03T15:00:00", "2021-03-02T09:00:00"])
        let decisions = EmailSplitter.explain(text: text)
        XCTAssertEqual(decisions.filter { $0.text.contains("Ruth") }.map(\.startsEmail), [false, false],
                       decisions.map(\.reason).joined(separator: "\n"))
    }

    /// A Notes memo read by OCR: a speck beside the date ("oo.") or before it ("-") leaves
    /// it a Notes header, not a Gmail sender line, and a release stamp set far right over
    /// the sender is no part of the sender's name.
    func testANotesMemoUnderAStampWithASpeckBesideItsDate() {
        for speck in ["  oo.", ""] {
            let text = ["                                        FOIL 2021 046 41118 Released 10/23'2022",
                        "Elena Wright <ewright@vendor-z.com>", (speck.isEmpty ? "-  " : "") + "04/29/2022 06:35 AM" + speck, "Please respond to ewright@vendor-z.com",
                        "       To:  Leila King/DB/NYPD@NYPD", "         cc:", "    Subject:  Trial logins", "",
                        "Leila -", "The logins are ready.", "Elena"].joined(separator: "\n")
            let emails = EmailSplitter.split(text: text)
            XCTAssertEqual(emails.map { $0.header.fields[.from] }, ["Elena Wright <ewright@vendor-z.com>"], speck)
            XCTAssertEqual(emails.first?.header.subject, "Trial logins", speck)
            XCTAssertEqual(EmailSplitter.explain(text: text).first?.reason, "the first header block (Lotus Notes sender line)", speck)
        }
    }

    /// One sender opens every page, a Notes name whose slash OCR read as a letter or with a
    /// speck after it: each page's sender line is a sender, not page furniture that recurs.
    func testAnOCRDamagedNotesSenderOpeningEveryPageIsNoFurniture() {
        let pages = (1...4).map { n in
            [n % 2 == 0 ? "Dana Reyes/RTCC/NYPD@NYPD __" : "Dana ReyesJRTCCINYPD@NYPD", "08/2\(n)/2021 0\(n):1\(n) PM", "     To  Frank Ruiz/FU/NYPD@NYPD", "     cc",
             "     Subject  Item \(n) of the audit", "", "Frank,", "Here is item \(n): \(String(repeating: "more words ", count: n))", "Dana"]
                .joined(separator: "\n")
        }
        let emails = EmailSplitter.split(text: pages.joined(separator: "\n\u{0C}"))
        XCTAssertEqual(emails.map { $0.header.subject }, (1...4).map { "Item \($0) of the audit" })
    }

    /// A Notes name wrapped in its column, its first word short ("Raj"), is the sender:
    /// no speck to drop; a speck after it ("~~") is none of the name.
    func testAShortFirstNameOverAWrappedNotesNameIsTheSender() {
        for speck in ["", " ~~", "__"] {
            let text = ["Raj  To  Declan Rogers <declan.rogers@kairos.com>", "Sondergaard/RTCC/NYPD@NYPD\(speck)  cc",
                        "12/25/2020 2:07 PM  Subject  Re: Call tomorrow?", "", "Declan,", "Friday works for us.", "Raj"].joined(separator: "\n")
            XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.fields[.from] }, ["Raj Sondergaard/RTCC/NYPD@NYPD"], speck)
        }
    }

    /// A Notes name may hold a typographic apostrophe ("Dana O’Brien/RTCC/NYPD@NYPD").
    func testANotesNameWithATypographicApostropheIsASender() {
        let text = ["Dana  To  Gregory Davis/OPS/NYSDCJ@NYSDCJ", "O’Brien/RTCC/NYPD@NYPD  cc",
                    "02/18/2019 12:53 PM  bcc", "                 Subject  Follow up from today", "", "All,", "See you then.", "Dana"]
            .joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.fields[.from] }, ["Dana O’Brien/RTCC/NYPD@NYPD"])
        XCTAssertEqual(AddressList.parse("Dana O’Brien/RTCC/NYPD@NYPD"), [Correspondent(name: "Dana O’Brien", address: nil)])
    }

    /// OCR misread the lone "bcc" label as a speck ("7 c"): the Subject line below it is
    /// still the header's, not the first line of the body.
    func testAMisreadLoneLabelDoesNotEndANotesHeader() {
        for speck in ["7 c", "bec", "~"] {
            let text = ["William  To  Nikhil Edwards", "Sullivan/ID/NYCDOI@NYCDOI  <nikhil.edwards@example.com>", "5/4/2021 8:26 PM",
                        "                 cc  Arjun Parker/ID/NYCDOI@NYCDOI,", "                     Priya Ramos/OIGN/NYCDOI@NYCDOI",
                        "                     \(speck)", "            Subject  Re: Visit to RTCC", "Hi Nikhil,", "Monday works for us.", "William"]
                .joined(separator: "\n")
            let emails = EmailSplitter.split(text: text)
            XCTAssertEqual(emails.map { $0.header.subject }, ["Re: Visit to RTCC"], speck)
            XCTAssertEqual(emails.first?.body.hasPrefix("Hi Nikhil,"), true, speck)
        }
    }

    /// A page-top header printed as the release's emails are but for a label OCR lost
    /// ("Yo:" for "To:") opens an email, though a forwarded copy happened to lose the same.
    func testAPageTopHeaderMissingALabelIsStillAnEmail() {
        let first = ["From: Jorge Walker <jorge.walker@troopers.ny.gov>", "Date: Thu, 31 May 2018 21:11:40 -0400", "Subject: Re: Visit",
                     "To: Aisha Oliveira <aisha.oliveira@chicagopolice.org>", "", "Aisha -", "Tuesday works for us.", "Jorge", "",
                     "---------- Forwarded message ---------", "From: Aisha Oliveira <aisha.oliveira@chicagopolice.org>",
                     "Date: Thu, May 31, 2018 at 10:50 AM", "Subject: Visit", "Yo: Jorge Walker <jorge.walker@troopers.ny.gov>", "",
                     "Good evening,", "Can we meet on Tuesday?", "Aisha"]
        let second = ["\u{0C}From: Declan Parker <dparker@hotmail.com>", "Date: Thu, 21 Jun 2018 17:46:04 -0400", "Subject: Request for records",
                      "Yo: Records Officer <foil@nypd.org>", "", "Hello,", "Please send the records.", "Declan"]
        let text = (first + second).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.subject }, ["Re: Visit", "Request for records"],
                       EmailSplitter.explain(text: text).map(\.reason).joined(separator: "\n"))
    }

    /// A Notes sender whose address is redacted, with the exemption mark in the margin
    /// beside it ("Ana Shapiro <█>  B6") or the redacted address on a line of its own
    /// under the name, still opens the memo.
    func testRedactionMarksBesideOrUnderANotesSenderLeaveItASender() {
        let first = ["Ana Shapiro <█>  B6", "9/17/2018 8:55 AM", "          To  Declan Rogers/OSI/ATF@ATF", "          cc", "          bcc",
                     "          Subject  Login for the trial", "", "All,", "The trial runs through 8/19.", "Ana", "",
                     "----- Forwarded by Ana Shapiro on 09/17/2018 08:55 AM -----", "Jennifer Hall <jennifer@example.com>", "9/16/2018 4:10 PM",
                     "          To  Ana Shapiro <ana@example.com>", "          cc", "          bcc", "          Subject  Trial logins", "",
                     "Ana, the logins are ready.", "Jennifer"]
        // (The next page's memo is printed as the first: its labels under the sender, as
        // the forwarded copy's are. The mark beside the first sender is no label column.)
        let second = ["\u{0C}Declan Rogers/OSI/ATF@ATF", "10/17/2018 9:55 AM", "          To  Ana Shapiro <ana@example.com>", "          cc",
                      "          bcc", "          Subject  Invoice INV-12317", "", "Ana,", "The invoice is attached.", "Declan"]
        let emails = EmailSplitter.split(text: (first + second).joined(separator: "\n"))
        XCTAssertEqual(emails.map { $0.header.from?.name }, ["Ana Shapiro", "Declan Rogers"])
        // (Nor is a redacted address on a line of its own under the name a speck.)
        let under = ["Lauren Oliveira  To  Jean-Luc Carter/IB/NYPD@NYPD", "<█>  cc", "09/29/2021 12:24 AM  bcc",
                     "                    Subject  Re: Revised quote", "", "Good morning,", "The quote is attached.", "Lauren"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: under).map { $0.header.from?.name }, ["Lauren Oliveira"])
        XCTAssertEqual(emails.first?.header.subject, "Login for the trial")
    }

    /// Specks OCR read in a Notes memo's label column ("_ " before a wrapped recipient,
    /// ".-" beside "Please respond to") are neither labels nor values.
    func testSpecksInANotesLabelColumnAreNoPartOfTheHeader() {
        let text = ["Gabriela Rogers  To  Jamal", "<gabriela.rogers@example.com>  _ Flynn/DFU/LEGALA@LEG", "12/31/2019 9:40 AM.  ALA",
                    "Please respond to  .-  cc", "gabriela.rogers@example.com  bcc", "                   Subject  Re: Fwd: Login for",
                    "                            the Motorola trial", "", "Hello Jamal,", "The accounts work.", "Gabriela"].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.to.map(\.name) }, [["Jamal Flynn"]])
        XCTAssertEqual(emails.first?.header.subject, "Re: Fwd: Login for the Motorola trial")
    }

    /// Apple Mail's labels stand flush right; OCR joined the last line of a wrapped To
    /// value with the greeting beside it at the margin. The header's left edge is still
    /// its labels', so the next email's header, printed as this one, is not indented under it.
    func testAWrappedValueJoinedToTheGreetingIsNoPartOfTheHeadersLeftEdge() {
        let text = ["               From: Jorge Brooks <brooksj@cbp.dhs.gov>", "             Subject: Request for assistance",
                    "                Date: July 11, 2018 at 10:41:36 AM EDT", "                  To: Inés Gallagher <igallagher@nypd.org>, Megan",
                    "Hello Inés, Celik <megan.celik@nypd.org>", "  Forwarding a possible match.", "  Jorge", "",
                    "               From: Theresa Simkova <tsimkova@nypd.org>", "             Subject: Searches this week",
                    "                Date: July 16, 2018 at 10:01:00 AM EDT", "                  To: Thomas W. Kim <thomas.kim@clearview.ai>", "",
                    "  Hi Thomas,", "  Understood.", "  Theresa"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.subject }, ["Request for assistance", "Searches this week"],
                       EmailSplitter.explain(text: text).map(\.reason).joined(separator: "\n"))
    }

    /// A reply's signature carried over to the next page's top ("Thanks again," at the foot
    /// of one page, "Chloe Brooks" at the top of the next) is no mailbox owner's name: the
    /// header under it, after Outlook's rule, is the reply's quoted copy.
    func testASignatureCarriedToThePageTopIsNoOwnerName() {
        let banner = "UNCLASSIFIED U.S. Department of State Case No. F-2020-21508 Doc No. C06123970 Date: 03/19/2022"
        let text = [banner, "", "Brooks, Chloe", "From: chloe.brooks@panynj.gov", "Sent: Saturday, March 30, 2019 5:59 PM",
                    "To: Maria Mensah <maria.mensah@clearview.ai>", "Subject: RE: Meeting", "", "Monday works for us.", "", "Thanks again,",
                    "\u{0C}" + banner, "", "Chloe Brooks", "", "________________________________", "From: Maria Mensah [mailto:maria.mensah@clearview.ai]",
                    "Sent: Saturday, March 30, 2019 4:25 PM", "To: Chloe Brooks <cbrooks4@yahoo.com>", "Subject: Meeting", "",
                    "Thanks for taking the time today.", "", "Maria Mensah", "", "Brooks, Chloe", "From: chloe.brooks@panynj.gov",
                    "Sent: Monday, April 1, 2019 9:00 AM", "To: Maria Mensah <maria.mensah@clearview.ai>", "Subject: Next steps", "",
                    "See you then.", "Chloe", "\u{0C}" + banner].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.subject }, ["RE: Meeting", "Next steps"], EmailSplitter.explain(text: text).map(\.reason).joined(separator: "\n"))
        XCTAssertEqual(emails.first?.quoted.map(\.subject), ["Meeting"])
    }

    /// A release that ends every email with a rule and starts each on a page of its own:
    /// the rule ending a page is its separator, so a reply's older message at the next
    /// page's top is an email, not the reply's quote running on.
    func testARuleEndingEveryEmailIsNoQuoteRunningOverThePageBreak() {
        func email(_ from: String, _ date: String, _ to: String, _ subject: String, _ body: String) -> String {
            ["From: \(from)", "Date: \(date)", "To: \(to)", "Subject: \(subject)", "", body, "", String(repeating: "_", count: 60)].joined(separator: "\n")
        }
        let text = [email("Nikhil Gallagher <nikhil.gallagher@nypd.org>", "Tue, 02 Feb 2021 08:58:56 -0500", "Wei Mensah <wei.mensah@nypd.org>",
                          "Server access", "Wei, the server is back up."),
                    email("Wei Mensah <wei.mensah@nypd.org>", "Tue, 01 Jun 2021 15:43:35 -0400", "Olga von Hagen <olga.vonhagen@idemia.com>",
                          "Re: Integration question", "Hello Olga, images are stored for thirty days."),
                    email("Olga von Hagen <olga.vonhagen@idemia.com>", "Tue, 01 Jun 2021 12:50:20 -0400", "Wei Mensah <wei.mensah@nypd.org>",
                          "Re: Integration question", "Wei, can the platform connect to the repository?"),
                    email("Wei Mensah <wei.mensah@nypd.org>", "Tue, 01 Jun 2021 11:49:37 -0400", "Olga von Hagen <olga.vonhagen@idemia.com>",
                          "Integration question", "Hey Olga, users get an error on large uploads.")].joined(separator: "\n\u{0C}")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.date?.sortKey.prefix(13) },
                       ["20210202T0858", "20210601T1543", "20210601T1250", "20210601T1149"],
                       EmailSplitter.explain(text: text).map(\.reason).joined(separator: "\n"))
    }

    /// A forwarded Notes memo whose sender's address OCR could not read is still a quoted
    /// copy, known by its sender's name, date and subject; the address is left out.
    func testAForwardedNotesMemoWithAnUnreadableAddressIsAQuotedCopy() {
        let text = ["Jamal  To  Gabriela Rogers", "Flynn/DFU/LEGALA@LEGALA  cc", "12/31/2019 9:07 AM  Subject  Fwd: Login for the trial", "",
                    "FYI - see below.", "Jamal", "", "----- Forwarded by Jamal Flynn/DFU/LEGALA@LEGALA on 12/31/2019 09:07 AM -----",
                    "Gabriela Rogers <gabriela. POGaT Sea tOrOseeOLUELOnS com>", "12/31/2019 8:10 AM", "    To  Alicia Mitchell/SOD/DEA@DEA",
                    "    cc", "    bcc", "    Subject  Login for the trial", "", "Alicia -", "The logins are ready.", "Gabriela"].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.subject }, ["Fwd: Login for the trial"])
        XCTAssertEqual(emails.first?.quoted.map(\.from), [Correspondent(name: "Gabriela Rogers", address: nil)])
        // (Nor does an unreadable address stop a memo of its own: "«" for "<", "(" for "@".)
        let memo = ["Liam Anderson « jiam(kairos.com>", "04/22/2017 09:17 AM  °", "Please respond to tiam@kairos.com", "    To  Soren Kim/RTCC/NYPD@NYPD",
                    "         cc", "     Subject  Re: Call tomorrow?", "", "Soren,", "Tomorrow works.", "Liam"].joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: memo).map { $0.header.from }, [Correspondent(name: "Liam Anderson", address: nil)])
        XCTAssertEqual(emails.first?.quoted.map(\.subject), ["Login for the trial"])
        XCTAssertEqual(emails.first?.quoted.first?.date, RecordDate(iso: "2019-12-31T08:10:00"))
    }

    /// In a release whose emails set Notes labels beside the sender and whose quoted
    /// copies set them below, an email whose recipients wrap (so that its last labels
    /// stand on lines of their own) is printed as the emails are: not a copy quoted in
    /// the reply above it, whatever its subject.
    func testANotesEmailWithWrappedRecipientsIsPrintedAsTheEmailsAre() {
        let first = ["Jamal  To  Gabriela Rogers <gabriela.rogers@example.com>", "Flynn/DFU/LEGALA@LEGALA  cc",
                     "12/31/2019 02:23 PM  Subject  Re: Fwd: Trial logins", "", "Gabriela,", "Thanks, that works.", "Jamal", "",
                     "----- Forwarded by Jamal Flynn/DFU/LEGALA@LEGALA on 12/31/2019 02:23 PM -----", "Dana Cole <dana.cole@example.com>",
                     "12/31/2019 01:00 PM", "      To  Jamal Flynn/DFU/LEGALA@LEGALA", "      cc", "      bcc", "      Subject  Trial logins", "",
                     "Jamal,", "The logins are ready.", "Dana"]
        let second = ["Gabriela Rogers  To  Jamal Flynn/DFU/LEGALA@LEGALA", "<gabriela.rogers@example.com>  cc",
                      "12/31/2019 09:40 AM  Subject  Re: Fwd: Trial logins", "", "Hello Jamal,", "We will try them today.",
                      "Respectfully,", "Gabriela Rogers", "Head of Partnerships", "",
                      "Jamal  To  Gabriela Rogers", "Flynn/DFU/LEGALA@LEGALA  <gabriela.rogers@example", "12/31/2019 9:07 AM  .com>",
                      "                          cc", "                          bcc", "                          Subject  Fwd: Trial logins", "",
                      "FYI - see below.", "Jamal"]
        // (An older email first: the release is printed oldest first.)
        let older = ["Dana  To  Jamal Flynn/DFU/LEGALA@LEGALA", "Cole/SALES/VENDOR@VENDOR  cc", "12/30/2019 08:00 AM  Subject  Budget", "",
                     "Jamal,", "The budget is attached.", "Dana"]
        let text = (older + ["\u{0C}" + first[0]] + first.dropFirst() + ["\u{0C}" + second[0]] + second.dropFirst()).joined(separator: "\n")
        XCTAssertEqual(EmailSplitter.split(text: text).map { $0.header.subject },
                       ["Budget", "Re: Fwd: Trial logins", "Re: Fwd: Trial logins", "Fwd: Trial logins"],
                       EmailSplitter.explain(text: text).map(\.reason).joined(separator: "\n"))
    }

    /// OCR read the sender's first capital ("Ø") as "@": the Notes header is still the
    /// sender's, not one starting at the address below the name.
    func testANotesSenderWhoseCapitalOCRReadAsAnAtSignIsStillTheSender() {
        let text = ["@yvind Rahman  To  Aisha Mancuso/OPLA/ICE@ICE", "<oyvindrahman.nyc@hotmail.com> cc",
                    "9/2/2018 5:18 PM  bcc", "                 Subject  FW: Inquiry", "", "For your records.", "Oyvind"].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.fields[.from] }, ["@yvind Rahman <oyvindrahman.nyc@hotmail.com>"])
        XCTAssertEqual(emails.first?.header.subject, "FW: Inquiry")
    }

    /// OCR's specks at either end of a Notes sender line ("Name <address>:", "- Name/OU/ORG@ORG")
    /// are none of the sender: the page's header block still opens an email of its own.
    func testSpecksAroundANotesSenderLineDoNotHideTheEmail() {
        func text(_ sender: String) -> [String] {
            [sender, "09/13/2017 08:06 AM", "         To  Kwame Collins/CID/SECRET@SECRET", "             cc",
             "      Subject  RE: Trial", "", "Kwame,", "The accounts are working.", "Declan"]
        }
        let first = ["Kwame Collins/CID/SECRET@SECRET", "09/12/2017 07:14 PM", "         To  Declan Green <declan@faceplusplus.com>",
                     "             cc", "      Subject  Trial", "", "Good evening,", "Please add one more user.", "Kwame", ""]
        for (sender, expected) in [("Declan Green <declan@faceplusplus.com>:", "Declan Green <declan@faceplusplus.com>"),
                                   ("- Tanisha Stewart/OTD/FBI@FBI", "Tanisha Stewart/OTD/FBI@FBI")] {
            let emails = EmailSplitter.split(text: (first + text(sender)).joined(separator: "\n"))
            XCTAssertEqual(emails.map { $0.header.fields[.from] }, ["Kwame Collins/CID/SECRET@SECRET", expected], sender)
        }
    }

    /// A From line whose colon OCR read as a dot is the labelled header's From, not a
    /// Gmail sender line named "From.".
    func testAFromLineWithItsColonReadAsADotIsNoSenderName() {
        let text = ["From.  robert. taylor@ nypd.org", "Date:  Sun, 08 Sep 2019 18:17:35 -0400", "To:  raj.oliveira@hq.dhs.gov",
                    "Subject:  RE: Request for assistance", "", "Copying the task force.", "Robert"].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.map { $0.header.from }, [Correspondent(name: nil, address: "robert.taylor@nypd.org")])
        XCTAssertEqual(emails.first?.header.subject, "RE: Request for assistance")
    }

    /// OCR specks where a person was printed ("(i __!> i 2 7") leave no correspondent,
    /// not one with neither a name nor an address.
    func testSpecksReadWhereAPersonWasPrintedLeaveNoOne() {
        let text = "From: (i __!> i 2 7\nDate: Sun, 08 Sep 2019 18:17:35 -0400\nTo: Raj Oliveira <raj@hq.dhs.gov>; (i __!> i\nSubject: Request\n\nCopying the task force.\n"
        let records = RecordBuilder().records(fromPages: [Page(number: 1, text: text, ocrConfidence: 60)], file: SourceFile(path: "scan.pdf", sha256: "0"))
        XCTAssertEqual(records.map(\.subject), ["Request"])
        XCTAssertNil(records.first?.from)
        XCTAssertEqual(records.first?.to, [Correspondent(name: "Raj Oliveira", address: "raj@hq.dhs.gov")])
    }

    /// An email whose date OCR lost keeps no date, but records those of the emails printed
    /// before and after it, which bound when it was sent.
    func testAnUndatedEmailRecordsTheDatesPrintedAroundIt() {
        func email(_ date: String, _ words: String) -> String {
            "From: Jorge Walker <jorge.walker@troopers.ny.gov>\nDate: \(date)\nTo: Aisha Oliveira <aisha@chicagopolice.org>\nSubject: Re: Visit\n\n\(words)\n"
        }
        let pages = [email("Thu, 31 May 2018 21:11:40 -0400", "First."), email("Fri, 1 Ju 2O18 O2:O2", "Second."), email("Mon, 4 Jun 2018 07:45:49 -0500", "Third.")]
            .enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: 60) }
        let records = RecordBuilder().records(fromPages: pages, file: SourceFile(path: "scan.pdf", sha256: "0"))
        XCTAssertEqual(records.map { $0.date?.description }, ["2018-05-31T21:11:40-04:00", nil, "2018-06-04T07:45:49-05:00"])
        XCTAssertEqual(records.map { $0.datesAround.map(\.description) }, [[], ["2018-05-31T21:11:40-04:00", "2018-06-04T07:45:49-05:00"], []])
    }

    /// The pages before the first email found (here an email whose sender line OCR lost)
    /// are kept as a document of their own, searchable, never dropped; a page of furniture
    /// alone makes none.
    func testPagesBeforeTheFirstEmailFoundAreKeptAsADocument() {
        let lost = "10/16/2017 9:12 AM\nTrial account for Real Time Crime Center\n\nTeam,\nThe trial runs through 10/10.\nLauren"
        let found = "From: Jorge Walker <jorge.walker@troopers.ny.gov>\nDate: Thu, 31 May 2018 21:11:40 -0400\nTo: Aisha Oliveira <aisha@chicagopolice.org>\nSubject: Visit\n\nSee you then.\n"
        func records(_ texts: [String]) -> [Record] {
            let pages = texts.enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: 60) }
            return RecordBuilder().records(fromPages: pages, file: SourceFile(path: "scan.pdf", sha256: "0"))
        }
        let kept = records([lost, found])
        XCTAssertEqual(kept.map(\.kind), [.document, .email])
        XCTAssertEqual(kept.map(\.source.pages), [1...1, 2...2])
        XCTAssertTrue(kept.first?.text.contains("The trial runs through 10/10.") == true)
        XCTAssertEqual(Set(kept.map(\.id)).count, 2)
        XCTAssertEqual(records(["Page 1 of 2", found]).map(\.kind), [.email])
    }

    /// A header whose To label OCR could not read ("Kot  chloe.zhang@…", "ite):  Darnell
    /// Mensah <…>") keeps the format its labels print: a damaged quoted copy teaches no
    /// format of its own, and an email printed at the margin after it stays an email.
    func testAnUnreadToLabelKeepsTheHeadersFormat() {
        func email(_ from: String, _ date: String, _ subject: String, to: String, label: String = "To:") -> String {
            "From:  \(from)\nDate:  \(date)\nSubject:  \(subject)\n\(label)  \(to)\n\n"
        }
        func copy(_ from: String, _ date: String, _ subject: String, to: String, label: String = "To:") -> String {
            "    From:  \(from)\n    Date:  \(date)\n    \(label)  \(to)\n    Subject:  \(subject)\n\n"
        }
        let kwame = "Kwame Simkova <kwame.simkova@brooklynda.org>", darnell = "Darnell Mensah <dmensah@ice.dhs.gov>"
        let pages = [
            email("dmensah@ice.dhs.gov", "Sat, 16 Nov 2019 09:57:29 -0500", "RE: Request for assistance", to: "kwame.simkova@brooklynda.org")
                + "Kwame,\nThe request is in writing now.\nDarnell\n\n"
                + copy(kwame, "Sat, 16 Nov 2019 08:53:32 -0500", "RE: Request for assistance", to: darnell) + "    Darnell,\n    Send it in writing.\n    Kwame\n",
            email("dmensah@ice.dhs.gov", "Sat, 16 Nov 2019 08:45:49 -0500", "RE: Request for assistance", to: "kwame.simkova@brooklynda.org")
                + "Hey Kwame,\nWe are trying to locate him.\nDarnell\n\n"
                + copy(kwame, "Sat, 16 Nov 2019 07:17:34 -0500", "Request for assistance", to: darnell, label: "ite):")
                + "    HSI New York has asked whether we can run a probe image.\n    Kwame\n\n"
                + email("kwame.simkova@brooklynda.org", "Wed, 06 Nov 2019 11:02:19 -0500", "Re: Fwd: Re: Agenda for Thursday", to: "chloe. zhang@idemia.com", label: "Kot")
                + "Chloe,\nIt was good to meet you at the conference last week.\nKwame\n",
        ].enumerated().map { Page(number: $0.offset + 1, text: $0.element, ocrConfidence: 70) }
        let emails = EmailSplitter.split(pages)
        XCTAssertEqual(emails.map { $0.header.date?.description },
                       ["2019-11-16T09:57:29-05:00", "2019-11-16T08:45:49-05:00", "2019-11-06T11:02:19-05:00"])
    }

    /// A forward prints the attribution of the email it quotes in a zone of neither
    /// message ("12:59 AM" for 21:59 at -07:00 is Eastern): where the quoted email is in the
    /// same file, the copy's date is read in the zone that makes it that email's minute; a
    /// copy already read right, or that two emails fit at two offsets, keeps its date.
    func testAQuotedDateIsReadInTheZoneThatMakesItAnEmailOfTheFile() {
        func email(_ date: String, _ from: String, _ subject: String, _ body: [String]) -> [String] {
            ["Date: \(date)", "From: \(from)", "To: Ruth Adeyemi <radeyemi@nypd.org>", "Subject: \(subject)", ""] + body + [""]
        }
        func quotedDates(_ emails: [[String]]) -> [String?] {
            let records = RecordBuilder().records(fromText: emails.joined().joined(separator: "\n"), file: SourceFile(path: "release.txt", sha256: "0"))
            return records.last?.quoted.map { $0.date?.description } ?? []
        }
        let original = email("Fri, 28 Sep 2018 21:59:30 -0700", "Tomas Q. Varga <tvarga@vendor.example>", "Re: Pilot", ["The pilot ends Monday.", "Tomas"])
        let forward = email("Sun, 30 Sep 2018 13:34:25 -0700", "Tomas Q. Varga <tvarga@vendor.example>", "Fwd: Re: Pilot",
                            ["See below.", "", "On 9/29/2018 12:59 AM, Tomas Q. Varga wrote:", "> The pilot ends Monday.", "> Tomas"])
        XCTAssertEqual(quotedDates([original, forward]), ["2018-09-29T00:59:00-04:00"])
        XCTAssertEqual(quotedDates([forward]), ["2018-09-29T00:59:00"], "no email of the file to read it by")
        let byAddress = email("Fri, 28 Sep 2018 21:59:30 -0700", "t.q.varga@vendor.example", "Re: Pilot", ["The pilot ends Monday.", "Tomas"])
        XCTAssertEqual(quotedDates([byAddress, forward]), ["2018-09-29T00:59:00-04:00"], "an address that spells the quoted name")
        let readRight = email("Sun, 30 Sep 2018 13:34:25 -0700", "Tomas Q. Varga <tvarga@vendor.example>", "Fwd: Re: Pilot",
                              ["See below.", "", "On 9/28/2018 9:59 PM, Tomas Q. Varga wrote:", "> The pilot ends Monday.", "> Tomas"])
        XCTAssertEqual(quotedDates([original, readRight]), ["2018-09-28T21:59:00"], "at the forward's own offset it is the email's minute")
        let another = email("Fri, 28 Sep 2018 23:59:05 -0600", "Tomas Q. Varga <tvarga@vendor.example>", "Re: Pilot", ["And the report.", "Tomas"])
        XCTAssertEqual(quotedDates([original, another, forward]), ["2018-09-29T00:59:00"], "two emails fit at two offsets: no zone chosen")
        let otherTopic = email("Fri, 28 Sep 2018 21:59:30 -0700", "Tomas Q. Varga <tvarga@vendor.example>", "Invoice", ["Attached.", "Tomas"])
        XCTAssertEqual(quotedDates([otherTopic, forward]), ["2018-09-29T00:59:00"], "an email on another topic is not the one quoted")
    }

    /// A quoted header whose sender wraps, the address alone on the next line, is one
    /// header: a quoted copy of the email above, not an email opened by a sender line.
    func testASendersAddressWrappedUnderTheNameStaysInTheQuotedHeader() {
        let text = [
            "Date:    Tue, 12 Sep 2017 09:19:57 -0400", "From:    wosei@parks.example.gov", "To:      ibarros@vendor-z.example",
            "Subject: RE: Revised quote", "", "Good morning,", "The quote is signed.", "Wendell", "",
            "         From:    Ines Barros", "                  <ibarros@vendor-z.example>", "         Date:    Tue, 12 Sep 2017 06:08:12 -0700",
            "         To:      Wendell Osei <wosei@parks.example.gov>", "         Subject: RE: Revised quote", "",
            "         Please send the signed quote.",
        ].joined(separator: "\n")
        let emails = EmailSplitter.split(text: text)
        XCTAssertEqual(emails.count, 1)
        XCTAssertEqual(emails.first?.quoted.map(\.from), [Correspondent(name: "Ines Barros", address: "ibarros@vendor-z.example")])
    }
}
