@testable import Ingest
import TestSupport
import XCTest

/// Email files in depth, one generated message per case.
final class MIMETests: XCTestCase {
    func message(_ text: String) -> EmailMessage {
        EmailMessage(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    /// Header names match case aside as Foundation's caseInsensitiveCompare matches them:
    /// every pair of ASCII bytes, and names beyond ASCII.
    func testHeaderNamesMatchCaseAside() {
        let ascii = (0x21..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for a in ascii {
            for b in ascii {
                XCTAssertEqual(MIMEPart.sameName("X-" + a, "x-" + b), ("X-" + a).caseInsensitiveCompare("x-" + b) == .orderedSame, "\(a) \(b)")
            }
        }
        XCTAssertTrue(MIMEPart.sameName("MESSAGE-ID", "Message-Id"))
        XCTAssertFalse(MIMEPart.sameName("Message-I", "Message-Id"))
        XCTAssertTrue(MIMEPart.sameName("Ümlaut", "üMLAUT"))
        let headers = MIMEPart(Data("To: a@b.org\r\nTO: c@d.org\r\nsubject: Hi\r\n\r\nbody".utf8))
        XCTAssertEqual(headers.rawHeaders("To"), ["a@b.org", "c@d.org"])
        XCTAssertEqual(headers.header("Subject"), "Hi")
    }

    /// A header block parts into lines as splitting at the LF and CRLF Characters (then
    /// dropping a last "\r") parts it: on generated blocks of CR, LF, combining marks and text.
    func testHeaderLinesPartAsCharactersPartThem() {
        let pieces = ["\r", "\n", "\r\n", "\u{301}", "a", "To: b", " ", "\t", "é", "\u{200D}", "😀", ":"]
        var numbers = SeededNumbers(seed: 0xC0FFEE_2026)
        for _ in 0..<5000 {
            let text = (0..<numbers.next(16)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let reference = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            XCTAssertEqual(MIMEPart.lines(of: text).map(String.init), reference, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testEncodedWordsInHeaders() {
        let m = message("""
            From: =?ISO-8859-1?Q?Ren=E9e_Fran=E7ois?= <renee@nypd.org>
            To: =?UTF-8?B?Sm9zw6kgw4FsdmFyZXo=?= <jose@ice.dhs.gov>
            Subject: =?UTF-8?Q?Caf=C3=A9?= =?UTF-8?Q?_meeting?= about the trial
            Date: Tue, 4 Dec 2018 10:32:00 -0500

            body
            """)
        XCTAssertEqual(m.from, Correspondent(name: "Renée François", address: "renee@nypd.org"))
        XCTAssertEqual(m.to.first?.name, "José Álvarez")
        XCTAssertEqual(m.subject, "Café meeting about the trial", "whitespace between encoded words is dropped")
    }

    func testQuotedPrintableAndBase64Bodies() {
        let qp = message("""
            From: a@nypd.org
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            The caf=C3=A9 meeting is a soft=
             break and 100=3D100.
            """)
        XCTAssertEqual(qp.body, "The café meeting is a soft break and 100=100.")
        let b64 = message("""
            From: a@nypd.org
            Content-Transfer-Encoding: base64

            \(Data("Trial accounts are ready.".utf8).base64EncodedString())
            """)
        XCTAssertEqual(b64.body, "Trial accounts are ready.")
    }

    func testCharsetsIncludingWindows1252AndUnknownOnes() {
        var latin = Data("From: a@nypd.org\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\nGr".utf8)
        latin.append(contentsOf: [0xFC, 0xDF, 0x65])
        XCTAssertEqual(EmailMessage(latin).body, "Grüße")
        var windows = Data("From: a@nypd.org\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n".utf8)
        windows.append(contentsOf: [0x93, 0x6F, 0x6B, 0x94, 0x20, 0x80, 0x35])
        XCTAssertEqual(EmailMessage(windows).body, "“ok” €5")
        let unknownUTF8 = message("From: a@nypd.org\nContent-Type: text/plain; charset=x-mystery\n\nna\u{00EF}ve")
        XCTAssertEqual(unknownUTF8.body, "naïve")
        var unknownBytes = Data("From: a@nypd.org\r\nContent-Type: text/plain; charset=x-mystery\r\n\r\n".utf8)
        unknownBytes.append(contentsOf: [0x93, 0x68, 0x69, 0x94])
        XCTAssertEqual(EmailMessage(unknownBytes).body, "“hi”", "not UTF-8: read as Windows-1252, not lost")
    }

    func testAlternativesNestedPartsAndAttachments() {
        let m = message("""
            From: Hal Lambert <hal@clearview.ai>
            Subject: Letter
            Message-ID: <letter-1@clearview.ai>
            In-Reply-To: <question-9@nypd.org>
            References: <start-1@nypd.org> <question-9@nypd.org>
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/html; charset=utf-8

            <p>HTML version</p>
            --inner
            Content-Type: text/plain; charset=utf-8

            Plain version
            --inner--
            --outer
            Content-Type: message/rfc822

            From: Jessica Moore <jessica.moore@clearview.ai>
            Subject: Forwarded original

            The original text.
            --outer
            Content-Type: application/pdf; name="terms.pdf"
            Content-Disposition: attachment; filename="terms.pdf"
            Content-Transfer-Encoding: base64

            \(Data("%PDF-1.4 fake".utf8).base64EncodedString())
            --outer--
            """)
        XCTAssertEqual(m.body, "Plain version", "plain text is preferred to HTML")
        XCTAssertEqual(m.attachments.map(\.filename), ["attached-message.eml", "terms.pdf"])
        XCTAssertEqual(EmailMessage(m.attachments[0].data).subject, "Forwarded original")
        XCTAssertEqual(String(decoding: m.attachments[1].data, as: UTF8.self), "%PDF-1.4 fake")
        XCTAssertEqual(m.messageID, "letter-1@clearview.ai")
        XCTAssertEqual(m.inReplyTo, "question-9@nypd.org")
        XCTAssertEqual(m.references, ["start-1@nypd.org", "question-9@nypd.org"])
    }

    /// MH and exmh name the sender's address before the message answered; RFC mail may
    /// name several messages: the one References names too, else the last.
    func testTheMessageAnsweredIsTheIdInReplyToNamesLast() {
        let exmh = message("""
            From: a@x.org
            Message-Id: <2@milou.example>
            In-Reply-To: Message from Chris Garrigues
                <cwg-dated-1030480087.b12d57@DeepEddy.Com> of
                "Thu, 22 Aug 2002 15:28:05 CDT."
                <1030048087.20291.TMDA@deepeddy.example>

            Thanks.
            """)
        XCTAssertEqual(exmh.inReplyTo, "1030048087.20291.TMDA@deepeddy.example")
        let named = message("From: a@x.org\nIn-Reply-To: <q@x.org> <p@x.org>\nReferences: <s@x.org> <q@x.org>\n\nYes.")
        XCTAssertEqual(named.inReplyTo, "q@x.org")
    }

    func testHTMLOnlyBodiesBecomeReadableText() {
        let m = message("""
            From: a@clearview.ai
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hi Tony,</p><p>Use&nbsp;your &quot;Yahoo&quot; address &amp; phone.<br>Jessica</p></body></html>
            """)
        XCTAssertEqual(m.body, "Hi Tony,\nUse your \"Yahoo\" address & phone.\nJessica")
    }

    func testMboxSplitsUnescapesAndKeepsOnlyCompleteMessages() throws {
        let mbox = """
            From a@nypd.org Tue Dec  4 10:32:00 2018
            From: a@nypd.org
            Subject: one

            >From the desk of the sergeant.
            >>From is kept with one quote.

            From b@nypd.org Tue Dec  4 11:00:00 2018
            From: b@nypd.org
            Subject: two

            From the start, an unescaped line that is not a separator.

            From c@nypd.org Tue Dec  4 12:00:00 2018
            From: c@nypd.org
            Subj
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).mbox")
        try Data(mbox.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let messages = try MboxReader(path: file.path).filter(\.complete).map { EmailMessage($0.data) }
        XCTAssertEqual(messages.map(\.subject), ["one", "two"], "the cut-off third message is left out")
        XCTAssertEqual(messages[0].body, "From the desk of the sergeant.\n>From is kept with one quote.\n")
        XCTAssertEqual(messages[1].body, "From the start, an unescaped line that is not a separator.\n")
    }
    func testDateHeadersInTheFormsOldMailHas() {
        XCTAssertEqual(DateParser.parseHeader("7 Apr 94 17:35:09 GMT")?.description, "1994-04-07T17:35:09+00:00")
        XCTAssertEqual(DateParser.parseHeader("Wed, 20 Dec 95 19:59 CST")?.description, "1995-12-20T19:59:00-06:00")
        XCTAssertEqual(DateParser.parseHeader("Sun, 13 Oct 02 21:03:31 Hora oficial do Brasil")?.description, "2002-10-13T21:03:31",
                       "a zone nobody knows: the time as printed, no offset")
        XCTAssertEqual(DateParser.parseHeader("Fri, 4 May 2001 14:05:44 -0000")?.description, "2001-05-04T14:05:44", "-0000: offset unknown")
        XCTAssertEqual(DateParser.parseHeader("Tue, 4 Dec 2018 10:32:00 -0500")?.description, "2018-12-04T10:32:00-05:00")
    }

    /// Outlook's RTF body, as readpst and msgconvert write it: an "rtf-body.rtf"
    /// attachment or an RTF alternative. It is the body when there is no other, and never
    /// an attachment of its own.
    func testOutlooksRTFBodies() {
        func message(_ parts: [(String, String, String?)]) -> EmailMessage {
            var text = "From: a@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            for (type, body, name) in parts {
                text += "--b\r\nContent-Type: \(type)\r\n" + (name.map { "Content-Disposition: attachment; filename=\"\($0)\"\r\n" } ?? "") + "\r\n\(body)\r\n"
            }
            return EmailMessage(Data((text + "--b--\r\n").utf8))
        }
        let rtf = #"{\rtf1\ansi Camera budget\par approved}"#
        let rtfOnly = message([("application/rtf", rtf, "rtf-body.rtf")])
        XCTAssertEqual(rtfOnly.body, "Camera budget\napproved")
        XCTAssertTrue(rtfOnly.attachments.isEmpty)
        let both = message([("text/plain", "Camera budget approved", nil), ("application/rtf", rtf, "rtf-body.rtf"), ("application/rtf", rtf, "minutes.rtf")])
        XCTAssertEqual(both.body, "Camera budget approved")
        XCTAssertEqual(both.attachments.map(\.filename), ["minutes.rtf"], "an RTF file sent with the message stays one")
        let alternative = EmailMessage(Data("""
            Subject: s\r\nContent-Type: multipart/alternative; boundary="a"\r\n\r\n--a\r\nContent-Type: application/rtf\r\n\r\n\(rtf)\r\n--a--\r\n
            """.utf8))
        XCTAssertEqual(alternative.body, "Camera budget\napproved")
    }
}
