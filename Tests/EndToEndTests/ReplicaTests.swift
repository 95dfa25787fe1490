import Foundation
import TestSupport
import XCTest

/// A read replica made with Xapian's replication (scripts/replica.sh): pulled once, it answers
/// as the index does; after another ingest and pull, with the new records — incrementally with
/// changesets, or as a whole new copy, which a running reading room follows.
final class ReplicaTests: XCTestCase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replica-\(UUID())")
    let script = Sample.packageRoot.appendingPathComponent("scripts/replica.sh").path
    var master: String { folder.appendingPathComponent("master").path }
    var copy: String { folder.appendingPathComponent("copy").path }

    override func tearDown() {
        _ = try? CorpusBinary.run(["stop", master], executable: script)
        try? FileManager.default.removeItem(at: folder)
    }

    func search(_ index: String) throws -> String {
        let result = try CorpusBinary.run(["search", "", "--sort", "date", "--limit", "500", "--index", index, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testAReplicaAnswersAsTheIndexAndFollowsIt() throws {
        let changesets = ["XAPIAN_MAX_CHANGESETS": "10"]
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", master, Sample.path("releases")], environment: changesets).status, 0)
        let started = try CorpusBinary.run(["start", master], executable: script)
        XCTAssertEqual(started.status, 0, started.stderr)
        let served = started.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertEqual(served.count, 2, started.stdout)
        func pull() throws {
            let pulled = try CorpusBinary.run(["pull", served[0], served[1], copy], environment: ["READER_TIME": "1"], executable: script)
            XCTAssertEqual(pulled.status, 0, pulled.stderr)
        }
        try pull()
        XCTAssertEqual(try search(copy), try search(master))

        // The reading room on the replica, while the index grows and the replica follows.
        let port = try CorpusBinary.run(["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"],
                                        executable: "/usr/bin/python3").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let log = folder.appendingPathComponent("serve.log")
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil), log.path)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CorpusBinary.path)
        server.arguments = ["serve", "--index", copy, "--port", port]
        server.standardError = try FileHandle(forWritingTo: log)
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        for _ in 0..<100 where !((try? String(contentsOf: log, encoding: .utf8))?.contains("serving") ?? false) { usleep(100_000) }
        func total() throws -> Int? {
            let body = try CorpusBinary.run(["-c", "import urllib.request, sys; print(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())",
                                             "http://127.0.0.1:\(port)/api/search?q="], executable: "/usr/bin/python3").stdout
            return (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["total"] as? Int
        }
        let before = try XCTUnwrap(try total())

        // Changes since the last pull (changesets): the copy is brought up to date in place.
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", master, Sample.path("email")], environment: changesets).status, 0)
        try pull()
        XCTAssertEqual(try search(copy), try search(master))
        let grown = try XCTUnwrap(try total())
        XCTAssertGreaterThan(grown, before)

        // An ingest without changesets: the pull sends a whole copy, which the reading room opens.
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", master, Sample.path("documents")]).status, 0)
        let stub = try String(contentsOfFile: copy + "/XAPIANDB", encoding: .utf8)
        try pull()
        XCTAssertNotEqual(try String(contentsOfFile: copy + "/XAPIANDB", encoding: .utf8), stub, "a whole new copy")
        XCTAssertEqual(try search(copy), try search(master))
        XCTAssertGreaterThan(try XCTUnwrap(try total()), grown)
    }
}
