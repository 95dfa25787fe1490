@testable import Extraction
import Ingest
import TestSupport
import XCTest

/// Outlook messages read into MIME: compressed RTF by the specification's own example,
/// and messages written through libgsf read back field by field.
final class OutlookMessageTests: XCTestCase {
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("msg-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    static func bytes(_ hex: String) -> Data { Data(hex.split(separator: " ").map { UInt8($0, radix: 16)! }) }

    /// [MS-OXRTFCP] 3.1.1's example: literals and references into the preset dictionary.
    func testCompressedRTFOfTheSpecificationsExample() throws {
        let compressed = Self.bytes("2d 00 00 00 2b 00 00 00 4c 5a 46 75 f1 c5 c7 a7 03 00 0a 00 72 63 70 67 31 32 35 42 32 0a f3 20 68 65 6c 09 00 20 62 77 05 b0 6c 64 7d 0a 80 0f a0")
        XCTAssertEqual(CompressedRTF.decompress(compressed), Data("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n".utf8))
    }

    func testUncompressedRTFAndDamagedHeaders() throws {
        let rtf = Data("{\\rtf1 plain}".utf8)
        var stored = Data()
        for value in [UInt32(rtf.count + 12), UInt32(rtf.count), 0x414C_454D, 0] { stored += Data((0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }) }
        XCTAssertEqual(CompressedRTF.decompress(stored + rtf), rtf)
        XCTAssertNil(CompressedRTF.decompress(Data(repeating: 0xFF, count: 8)))
        XCTAssertNil(CompressedRTF.decompress(Self.bytes("2d 00 00 00 2b 00 00 00 00 00 00 00 00 00 00 00 41")), "an unknown form")
        // A stream cut short gives what it held, never a crash.
        let cut = Self.bytes("2d 00 00 00 2b 00 00 00 4c 5a 46 75 f1 c5 c7 a7 03 00 0a 00 72 63 70")
        let partial = try XCTUnwrap(CompressedRTF.decompress(cut))
        XCTAssertTrue(partial.count > 10 && "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n".utf8.starts(with: partial), "\(partial)")
    }

    func testADamagedContainerIsRefusedWithItsReason() throws {
        let path = folder.appendingPathComponent("damaged.msg").path
        try (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0xFF, count: 600)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try OutlookMessageFile.mime(of: path)) { error in
            XCTAssertTrue("\(error)".contains("OLE2 container is damaged"), "\(error)")
        }
    }

    func mime(_ message: GeneratedOutlookMessage) throws -> EmailMessage {
        let path = folder.appendingPathComponent("\(UUID()).msg").path
        message.write(to: path)
        return EmailMessage(try OutlookMessageFile.mime(of: path))
    }

    /// A message that arrived keeps its transport headers as Outlook stores them: CRLF
    /// lines, Received first, the multipart Content-Type of the body it had, NULs at the
    /// end. They give the From an Exchange sender has no SMTP property for; the properties
    /// give what they lack (here the date), and the body is the message's own.
    func testTransportHeadersAndTheProperties() throws {
        let transport = "Received: from mx.pd.example.gov by exch.pd.example.gov; Mon, 4 Mar 2019 09:12:05 -0500\r\n"
            + "From: Ines Barros <ibarros@vendor-z.example>\r\nTo: Maria Lopez <mlopez@pd.example.gov>\r\n"
            + "Subject: Camera pilot\r\nMessage-ID: <pilot-1@vendor-z.example>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative;\r\n\tboundary=\"----=_NextPart_000\"\r\n\r\n\0\0"
        let message = try mime(GeneratedOutlookMessage(properties: [
            0x007D: .text(transport), 0x0037: .text("Camera pilot"), 0x0C1A: .text("Ines Barros"),
            0x0C1F: .text("/O=VENDOR/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=IBARROS"), 0x0C1E: .text("EX"),
            0x0E06: .time(Date(timeIntervalSince1970: 1_551_708_725)), 0x1000: .text("The pilot starts Monday."),
        ]))
        XCTAssertEqual(message.from?.address, "ibarros@vendor-z.example")
        XCTAssertEqual(message.to.map(\.address), ["mlopez@pd.example.gov"])
        XCTAssertEqual(message.messageID, "pilot-1@vendor-z.example")
        XCTAssertEqual(message.date?.description, "2019-03-04T14:12:05+00:00", "the delivery time, as the headers have no Date")
        XCTAssertEqual(message.body.trimmingCharacters(in: .whitespacesAndNewlines), "The pilot starts Monday.")
    }

    /// 8-bit strings are in the message's code page: Big5 (950) here.
    func testEightBitStringsInTheMessagesCodePage() throws {
        let subject = Data([0xB7, 0x7C, 0xC4, 0xB3]) // 會議 in Big5
        let message = try mime(GeneratedOutlookMessage(properties: [
            0x0037: .text8(subject), 0x3FFD: .integer(950), 0x1000: .text8(Data([0xB7, 0x7C, 0xC4, 0xB3, 0x20, 0x4F, 0x4B])),
            0x0042: .text8(Data("Wang".utf8)), 0x0065: .text8(Data("wang@city.example.gov".utf8)), 0x0064: .text8(Data("SMTP".utf8)),
        ]))
        XCTAssertEqual(message.subject, "會議")
        XCTAssertEqual(message.body.trimmingCharacters(in: .whitespacesAndNewlines), "會議 OK")
        XCTAssertEqual(message.from?.address, "wang@city.example.gov")
    }
}
