import Foundation
import TestSupport
import XCTest

/// `corpus serve` opens the index to other machines only when told to in so many words.
final class ServeCommandTests: XCTestCase {
    func testAnAddressOtherMachinesReachNeedsAllowRemote() throws {
        let result = try CorpusBinary.run(["serve", "--index", CorpusBinary.temporaryIndex(), "--host", "0.0.0.0", "--port", "1"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--host 0.0.0.0 lets other machines read the index; add --allow-remote"), result.stderr)
    }
}
