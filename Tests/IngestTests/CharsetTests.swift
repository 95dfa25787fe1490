@testable import Ingest
import XCTest

/// Every charset mail declares, in bodies, encoded words, raw 8-bit headers and RFC 2231
/// attachment names; one bad byte costs one character. (Bytes from Python's codecs.)
final class CharsetTests: XCTestCase {
    func message(headers: String, body: [UInt8]) -> EmailMessage {
        EmailMessage(Data(headers.replacingOccurrences(of: "\n", with: "\r\n").utf8) + Data("\r\n\r\n".utf8) + Data(body))
    }

    func body(_ bytes: [UInt8], charset: String) -> String {
        message(headers: "From: a@nypd.org\nContent-Type: text/plain; charset=\"\(charset)\"", body: bytes).body
    }

    func testEachCharsetFamilyInABody() {
        XCTAssertEqual(body([0xF3, 0xC1, 0xD7, 0xCF, 0xD3, 0xD4, 0xC5, 0xCE, 0xCF, 0xCB], charset: "koi8-r"), "Савостенок")
        XCTAssertEqual(body([0xD1, 0xE0, 0xE2, 0xEE, 0xF1, 0xF2, 0xE5, 0xED, 0xEE, 0xEA], charset: "windows-1251"), "Савостенок")
        XCTAssertEqual(body([0xD5, 0xC5, 0xCF, 0xC8, 0xC9, 0xFA], charset: "GB2312"), "张先生")
        XCTAssertEqual(body([0xBB, 0x4F, 0xA5, 0x5F, 0xA5, 0xAB], charset: "big5"), "臺北市")
        XCTAssertEqual(body([0x93, 0x8C, 0x8B, 0x9E, 0x93, 0x73], charset: "shift_jis"), "東京都")
        XCTAssertEqual(body([0x1B, 0x24, 0x42, 0x45, 0x6C, 0x35, 0x7E, 0x45, 0x54, 0x1B, 0x28, 0x42], charset: "ISO-2022-JP"), "東京都")
        XCTAssertEqual(body([0xBC, 0xAD, 0xBF, 0xEF, 0xBD, 0xC3], charset: "euc-kr"), "서울시")
        XCTAssertEqual(body([0xA3, 0xF3, 0x64, 0xBC], charset: "iso-8859-2"), "Łódź")
        XCTAssertEqual(body(Array("Gr+APwA3w-e +IKw-".utf8), charset: "utf-7"), "Grüße €")
    }

    func testABadByteCostsOneCharacterAndBadLabelsLoseNothing() {
        XCTAssertEqual(body(Array("café ".utf8) + [0xFF] + Array(" crème".utf8), charset: "utf-8"), "café \u{FFFD} crème")
        XCTAssertEqual(body([0xF3, 0xC1, 0xFF, 0xD7], charset: "koi8-r").count, 4, "KOI8-R has every byte")
        XCTAssertEqual(body(Array("naïve".utf8), charset: "fakescii"), "naïve", "an unknown label: valid UTF-8 is UTF-8")
        XCTAssertEqual(body([0x93, 0x68, 0x69, 0x94], charset: "charset=us-askey"), "“hi”", "else Windows-1252")
    }

    func testHeadersEncodedWordsAndAttachmentNames() {
        let m = message(headers: """
            From: =?KOI8-R?B?88HXz9PUxc7PyyDvzNjHwQ==?= <osavostenok@hse.ru>
            Subject: =?gb2312?B?1cXPyMn6?=
            Content-Type: multipart/mixed; boundary="b"
            """, body: Array("""
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            See attached.\r
            --b\r
            Content-Type: application/octet-stream\r
            Content-Disposition: attachment;\r
             filename*0*=koi8-r''%F3%C1%D7%CF;\r
             filename*1*=%D3%D4%C5%CE%CF%CB.txt\r
            \r
            x\r
            --b--\r

            """.utf8))
        XCTAssertEqual(m.from, Correspondent(name: "Савостенок Ольга", address: "osavostenok@hse.ru"))
        XCTAssertEqual(m.subject, "张先生")
        XCTAssertEqual(m.attachments.map(\.filename), ["Савостенок.txt"])
        var raw = Data("From: ".utf8) + Data([0xF3, 0xC1, 0xD7, 0xCF, 0xD3, 0xD4, 0xC5, 0xCE, 0xCF, 0xCB])
        raw += Data(" <o@hse.ru>\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\nbody".utf8)
        XCTAssertEqual(EmailMessage(raw).from?.name, "Савостенок", "raw 8-bit headers in the charset the message declares")
    }
    func testLabelsAndEncodingsThatAreWrong() {
        XCTAssertEqual(body(Array("张先生 and Düsseldorf".utf8), charset: "gb2312"), "张先生 and Düsseldorf",
                       "valid UTF-8 under another label is UTF-8")
        let plain = message(headers: "From: a@nypd.org\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64",
                            body: Array("ploozdect  nispplul swunkglap\nploystoov  smohsless".utf8))
        XCTAssertEqual(plain.body, "ploozdect  nispplul swunkglap\nploystoov  smohsless", "plain text labelled base64 is read as it is")
        let spaced = message(headers: "From: a@nypd.org\nContent-Type: multipart/mixed;boundary= \"----=_Next\"",
                             body: Array("------=_Next\r\nContent-Type: text/plain\r\n\r\nThe offer.\r\n------=_Next--\r\n".utf8))
        XCTAssertEqual(spaced.body, "The offer.", "a space after boundary=")
    }
}

