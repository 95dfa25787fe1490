import Foundation
import TestSupport
import XCTest

/// Names and text in other scripts, from mail in their own charsets, are found by
/// searching them as a reporter types them.
final class MultilingualSearchTests: XCTestCase {
    func testACyrillicAndAChineseNameFindTheirMessages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scripts-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let index = CorpusBinary.temporaryIndex()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(atPath: index)
        }
        // "Савостенок Ольга" in KOI8-R, "张先生" in GB2312 (bytes from Python's codecs).
        try Data("""
            From: =?KOI8-R?B?88HXz9PUxc7PyyDvzNjHwQ==?= <osavostenok@hse.ru>\r
            To: desk@nypd.org\r
            Subject: Request\r
            Content-Type: text/plain; charset=koi8-r\r
            \r
            Body.\r

            """.utf8).write(to: folder.appendingPathComponent("koi8.eml"))
        try (Data("""
            From: =?gb2312?B?1cXPyMn6?= <baoguan@hotmail.com>\r
            To: desk@nypd.org\r
            Subject: Quote\r
            Content-Type: text/plain; charset=gb2312\r
            \r

            """.utf8) + Data([0xD5, 0xC5, 0xCF, 0xC8, 0xC9, 0xFA, 0x0D, 0x0A])).write(to: folder.appendingPathComponent("gb.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        func total(_ query: String) throws -> Int? {
            let result = try CorpusBinary.run(["search", "--index", index, query, "--json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            return (result.json as? [String: Any])?["total"] as? Int
        }
        XCTAssertEqual(try total("Савостенок"), 1)
        XCTAssertEqual(try total("from:Ольга"), 1)
        XCTAssertEqual(try total("张先生"), 1)
        XCTAssertEqual(try total("先生"), 1, "a part of a Chinese name")
    }
}
