@testable import Ingest
import XCTest

/// Which shard a file or message goes to: fixed forever, the same for a conversation.
final class ShardAssignmentTests: XCTestCase {
    func testTheFormAndItsMistakes() throws {
        XCTAssertEqual(try ShardAssignment("2/4").description, "2/4")
        for bad in ["0/4", "5/4", "2", "2/0", "a/b", "2/4/8", "-1/4", ""] {
            XCTAssertThrowsError(try ShardAssignment(bad), bad)
        }
    }

    /// FNV-1a's published values: a build, a machine or a run cannot move a file to another shard.
    func testTheHashIsFixed() {
        XCTAssertEqual(ShardAssignment.fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(ShardAssignment.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(ShardAssignment.fnv1a("foobar"), 0x8594_4171_f739_67e8)
    }

    /// A message, a reply naming it, and a later reply naming both go to one shard, whatever
    /// the number of shards; every file goes to exactly one.
    func testAConversationStaysTogetherAndEachFileHasOneShard() throws {
        func message(_ headers: String) -> Data { Data((headers + "\r\n\r\nbody\r\n").utf8) }
        let first = message("Message-ID: <root@x.example>\r\nSubject: a")
        let reply = message("Message-ID: <r1@x.example>\r\nIn-Reply-To: <ROOT@x.example>\r\nSubject: Re: a")
        let later = message("Message-ID: <r2@x.example>\r\nReferences: <root@x.example>\r\n <r1@x.example>\r\nIn-Reply-To: <r1@x.example>")
        for count in 1...7 {
            let shards = try (1...count).map { try ShardAssignment("\($0)/\(count)") }
            for data in [first, reply, later] {
                XCTAssertEqual(shards.filter { $0.holds(message: data, fallback: "f") }.map(\.number),
                               shards.filter { $0.holds(message: first, fallback: "f") }.map(\.number))
            }
            for file in ["a", "b", "c", "d", "e"] {
                XCTAssertEqual(shards.filter { $0.holds(sha256: file) }.count, 1)
                XCTAssertEqual(shards.filter { $0.holds(message: message("Subject: no id"), fallback: file) }.count, 1)
            }
        }
    }
}
