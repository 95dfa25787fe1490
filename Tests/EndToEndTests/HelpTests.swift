import Foundation
import Search
import TestSupport
import XCTest

/// What `corpus` says about itself: the query language from the field table, and a
/// completion script for the shell.
final class HelpTests: XCTestCase {
    func testHelpQueryShowsEveryFieldWithAnExample() throws {
        for arguments in [["help", "query"], ["query"]] {
            let result = try CorpusBinary.run(arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            for field in QueryField.all {
                XCTAssertTrue(result.stdout.contains(field.example), "\(arguments): \(field.name) missing")
            }
        }
    }

    func testTheShellCompletionScriptKnowsTheSubcommands() throws {
        let result = try CorpusBinary.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for subcommand in ["ingest", "search", "show", "timeline", "export", "people", "stats", "explain", "serve", "query"] {
            XCTAssertTrue(result.stdout.contains(subcommand), subcommand)
        }
    }
}
