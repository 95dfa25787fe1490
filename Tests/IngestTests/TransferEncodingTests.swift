import Foundation
@testable import Ingest
import TestSupport
import XCTest

/// Bodies decoded back to their bytes, on generated data, whatever their line breaks.
final class TransferEncodingTests: XCTestCase {
    var numbers = SeededNumbers(seed: 0x7E57_DA7A)

    func bytes(_ bound: Int) -> [UInt8] {
        (0..<numbers.next(bound)).map { _ in UInt8(truncatingIfNeeded: numbers.next(256)) }
    }

    func testBase64DecodesWhatFoundationEncodes() {
        for _ in 0..<1000 {
            let data = Data(bytes(300))
            let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            XCTAssertEqual(TransferEncoding.base64(Data(encoded.utf8)), data)
            // Without its padding, and with a stray character of a cut-off last group.
            let bare = encoded.replacingOccurrences(of: "=", with: "")
            let letters = bare.filter { !$0.isNewline }.count
            XCTAssertEqual(TransferEncoding.base64(Data((bare + (letters % 4 == 0 ? "Q" : "")).utf8)), data)
        }
    }

    func testQuotedPrintableDecodesEveryByte() {
        for _ in 0..<1000 {
            let data = bytes(200)
            var encoded = ""
            for (i, byte) in data.enumerated() {
                if i > 0, i % 25 == 0 { encoded += numbers.next(2) == 0 ? "=\r\n" : "=\n" }
                encoded += (0x21...0x7E).contains(byte) && byte != 0x3D && byte != 0x5F ? String(UnicodeScalar(byte)) : String(format: numbers.next(2) == 0 ? "=%02X" : "=%02x", byte)
            }
            XCTAssertEqual(TransferEncoding.quotedPrintable(Data(encoded.utf8)), Data(data))
        }
        XCTAssertEqual(TransferEncoding.quotedPrintable(Data("a_b=3Dc=ZZ".utf8), underscoreIsSpace: true), Data("a b=c=ZZ".utf8))
    }
}
