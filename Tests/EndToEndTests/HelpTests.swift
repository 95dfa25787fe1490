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

    /// How a list of shards is waited for is offered by the commands that read, not by those
    /// that write (which refuse a list of shards).
    func testShardOptionsBelongToTheCommandsThatRead() throws {
        for command in ["search", "show", "thread", "timeline", "people", "requests", "batch", "export", "stats", "serve"] {
            let help = try CorpusBinary.run([command, "--help"]).stdout
            XCTAssertTrue(help.contains("--shard-timeout") && help.contains("--allow-partial"), command)
        }
        for command in [["ingest"], ["watch", "add"]] {
            XCTAssertFalse(try CorpusBinary.run(command + ["--help"]).stdout.contains("--shard-timeout"), "\(command)")
        }
        XCTAssertTrue(try CorpusBinary.run(["ingest", "--help"]).stdout.contains("--shard <K/N>"))
    }
}
