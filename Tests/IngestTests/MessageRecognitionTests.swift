@testable import Ingest
import XCTest

/// Which files are messages, judged as real mail folders hold them: saved with a mail
/// client's own headers or their mbox "From " line, MIME entities without From or Date,
/// headers running straight into the body, a first header indented by mistake, and
/// formats corpus does not read, named.
final class MessageRecognitionTests: XCTestCase {
    func kind(_ text: String, name: String = "message") throws -> FileKind {
        try FileKind.detect(head: Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), name: name)
    }

    func reason(_ bytes: [UInt8], name: String) -> String {
        do {
            _ = try FileKind.detect(head: Data(bytes + Array(repeating: 0, count: 64)), name: name)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testMessagesAsMailFoldersKeepThem() throws {
        XCTAssertEqual(try kind("Replied: Thu, 29 Aug 2002 11:24:44 +0100\nReplied: Gary <garym@canada.com>\nFrom fork-admin@xent.com  Thu Aug 29 11:24:44 2002\nReturn-Path: <fork-admin@xent.com>\nFrom: Gary <garym@canada.com>\nSubject: Re: hello\n\nbody", name: "0413.eml"), .email)
        XCTAssertEqual(try kind("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n", name: "msg_38.txt"), .email,
                       "a MIME message without From, Date or Subject, as a .txt")
        XCTAssertEqual(try kind("Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: quoted-printable\n\nText", name: "part.raw"), .email)
        XCTAssertEqual(try kind(" From: James <james@example.com>\nSubject: plain text\nDate: Thu, 18 Oct 2012 22:48:39 -0700\n\nbody", name: "x.raw"), .email)
        XCTAssertEqual(try kind("From: Сергей Обухов\nДобрый день.", name: "unicode_msg"), .email,
                       "one header, then the text: a message, not a document titled From:")
        XCTAssertEqual(try kind("From: Dana Whitaker <dana@doi.nyc.gov>\nSent: Tuesday, December 4, 2018 10:32 AM\nTo: Karen\nSubject: Audit\n\nA printed email.", name: "release.txt"), .text,
                       "a .txt of printed emails has none of a sent message's own headers")
        var saved = Data("From SENDER@MAIL.NET  Wed Nov 27 14:06:35 2019\nFrom: SOME@ONE.NET\nSubject: nul\n\n".utf8)
        saved.append(contentsOf: [0x61, 0x00, 0x62])
        XCTAssertEqual(try FileKind.detect(head: saved, name: "unicode_issue.txt"), .mbox, "a NUL in the body is no binary file")
    }

    func testHeadersRunningIntoTheBodyEndAtTheFirstLineThatIsNoHeader() {
        let message = EmailMessage(Data("""
            Date: Fri, 19 Oct 2012 12:22:49 -0700
            From: James <james@example.com>
            Subject: MIME test
            This is a multi-part message in MIME format.
            """.utf8))
        XCTAssertEqual(message.subject, "MIME test")
        XCTAssertEqual(message.body, "This is a multi-part message in MIME format.")
        let indented = EmailMessage(Data(" From: James <james@example.com>\nSubject: plain text\n\nbody".utf8))
        XCTAssertEqual(indented.from?.address, "james@example.com")
    }

    /// An OLE2 file is an Outlook message when its directory names MAPI property streams,
    /// whatever its name; a .msg by its name alone.
    func testOutlookMessagesAreToldFromOtherOfficeFiles() throws {
        var header = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        header[0x1E] = 9 // 512-byte sectors; the directory in sector 0, just past the header
        func utf16(_ name: String) -> Data { Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        let message = header + utf16("Root Entry") + Data(count: 108) + utf16("__substg1.0_0037001F") + Data(count: 88)
        let document = header + utf16("Root Entry") + Data(count: 108) + utf16("WordDocument") + Data(count: 104)
        XCTAssertEqual(try FileKind.detect(data: message, name: "attachment"), .outlookMessage)
        XCTAssertEqual(try FileKind.detect(data: header, name: "memo.msg"), .outlookMessage)
        XCTAssertThrowsError(try FileKind.detect(data: document, name: "attachment"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ole-\(UUID())")
        defer { try? FileManager.default.removeItem(at: file) }
        try message.write(to: file)
        XCTAssertEqual(try FileKind.detect(path: file.path), .outlookMessage, "the directory is read from the file")
    }

    func testFormatsCorpusDoesNotReadAreNamed() {
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        XCTAssertEqual(reason(ole2, name: "minutes.doc"), "a Microsoft Office file (.doc, .xls or .ppt): not supported yet")
        XCTAssertEqual(try FileKind.detect(head: Data(Array("!BDN".utf8) + Array(repeating: 0, count: 64)), name: "archive.ost"), .outlookMailbox)
        XCTAssertEqual(reason([0x50, 0x4B, 0x03, 0x04], name: "minutes.docx"), "a document in a ZIP container (.docx): not supported yet")
        for head in [Array("II*".utf8) + [0], Array("MM".utf8) + [0, 0x2A], [0xFF, 0xD8, 0xFF, 0xE0], [0x89, 0x50, 0x4E, 0x47]] {
            XCTAssertEqual(try FileKind.detect(head: Data(head + Array(repeating: 0, count: 64)), name: "scan"), .image, "scans are read")
        }
        let tar = Data(repeating: 0, count: 257) + Data("ustar\u{0}00".utf8) + Data(repeating: 0, count: 64)
        for (head, name) in [([0x50, 0x4B, 0x03, 0x04], "release.zip"), ([0x50, 0x4B, 0x05, 0x06], "empty.zip"), ([0x50, 0x4B, 0x03, 0x04], "release"),
                             ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "release.7z"), ([0x1F, 0x8B, 0x08], "mail.mbox.gz"),
                             (Array("BZh9".utf8), "release.tar.bz2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "release.tar.xz"),
                             (Array("Rar!".utf8) + [0x1A, 0x07, 0x00], "release.rar")] as [([UInt8], String)] {
            XCTAssertEqual(try FileKind.detect(head: Data(head + Array(repeating: 0, count: 64)), name: name), .archive, name)
        }
        XCTAssertEqual(try FileKind.detect(head: tar, name: "release.tar"), .archive)
        // A zip storing a PDF uncompressed shows "%PDF-" in its first bytes: still a zip.
        let stored = Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)) + Data("release.pdf%PDF-1.5\n".utf8)
        XCTAssertEqual(try FileKind.detect(head: stored, name: "release.zip"), .archive)
        XCTAssertEqual(reason(Array("%%%% scanner log\n".utf8), name: "garbage.eml"), "not an email: no message headers at the top")
    }
}
