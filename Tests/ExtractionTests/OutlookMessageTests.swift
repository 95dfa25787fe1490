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
}
