import Foundation
import TestSupport
import XCTest

/// The reading room in a real browser: headless Chromium, driven over its DevTools protocol
/// (Tests/Browser/paste_vendor_list.py), types a vendor list into /batch and clicks "Run
/// each"; the table it then shows holds what `corpus batch` answers for the same lines.
final class BrowserBatchTests: XCTestCase {
    var index: String { _ = IngestedSample.firstIngest; return IngestedSample.index }

    /// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func testAPastedVendorListProducesTheTable() throws {
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID()).log")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil), log.path)
        defer { try? FileManager.default.removeItem(at: log) }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CorpusBinary.path)
        server.arguments = ["serve", "--index", index, "--port", "\(port)"]
        server.standardError = try FileHandle(forWritingTo: log)
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        for _ in 0..<100 where !((try? String(contentsOf: log, encoding: .utf8))?.contains("serving") ?? false) { usleep(100_000) }

        let queries = ["Clearview AI", "Cognitec", "Kairos", #"vendor:"Clearview AI" from:gmail.com"#, #""an unclosed phrase"#]
        let driver = Sample.packageRoot.appendingPathComponent("Tests/Browser/paste_vendor_list.py").path
        let browser = try CorpusBinary.run([driver, "http://127.0.0.1:\(port)"] + queries, executable: "/usr/bin/python3")
        XCTAssertEqual(browser.status, 0, browser.stderr)
        let rows = try browser.stdout.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String]) }

        let list = FileManager.default.temporaryDirectory.appendingPathComponent("vendors-\(UUID()).txt")
        try Data(queries.joined(separator: "\n").utf8).write(to: list)
        defer { try? FileManager.default.removeItem(at: list) }
        let batch = try CorpusBinary.run(["batch", "--index", index, list.path, "--json"])
        let results = try XCTUnwrap((batch.json as? [String: Any])?["queries"] as? [[String: Any]], batch.stdout)
        XCTAssertEqual(rows.count, results.count, browser.stdout)
        // (The page writes a day as a reporter does: "Oct 9, 2018".)
        let iso = DateFormatter(), written = DateFormatter()
        iso.dateFormat = "yyyy-MM-dd"
        written.dateFormat = "MMM d, yyyy"
        for formatter in [iso, written] { (formatter.locale, formatter.timeZone) = (Locale(identifier: "en_US_POSIX"), TimeZone(identifier: "UTC")) }
        func day(_ value: Any?) -> String { iso.date(from: String((value as? String ?? "").prefix(10))).map(written.string) ?? "" }
        func counts(_ value: Any?) -> String {
            (value as? [[String: Any]] ?? []).map { "\($0["value"] ?? "") (\($0["count"] ?? ""))" }.joined(separator: ", ")
        }
        for (row, result) in zip(rows, results) {
            let query = result["query"] as? String ?? ""
            if let error = result["error"] as? String {
                XCTAssertEqual(row, ["\(result["line"] ?? "")", query, error])
                continue
            }
            XCTAssertEqual(row, ["\(result["line"] ?? "")", query, "\(result["total"] ?? "")",
                                 day(result["first"]), day(result["last"]),
                                 counts(result["agencies"]), counts(result["from"])], query)
        }
        XCTAssertEqual(rows.first?[1], "Clearview AI")
    }
}
