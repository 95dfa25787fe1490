import ArgumentParser
import Foundation
import Search

struct ShardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shards",
        abstract: "Work on an index spread over shards (corpus ingest --shard K/N).",
        subcommands: [Join.self])

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "join",
            abstract: "Join across shards what one index joins across its files: copies of one email, threads, messages quoted whole.",
            discussion: """
                Each shard's ingest sees only that shard: an email printed in two PDFs that went to two shards is two \
                records until the shards are joined. Run this after ingesting into any shard, where the shard folders \
                are (the stub lists each as 'auto PATH'), then read or serve them as before. Running it again changes \
                only what a later ingest left apart.
                """)

        @Option(name: .long, help: ArgumentHelp("The Xapian stub file listing the shards (or a folder holding one as XAPIANDB).", valueName: "STUB"))
        var index: String

        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let report = try await reportingErrors { try ShardJoin.run(index: index) }
            if json {
                struct Output: Encodable {
                    var shards, copies, threads: Int
                    var quotedWhole: Int
                    enum CodingKeys: String, CodingKey { case shards, copies, threads, quotedWhole = "quoted_whole" }
                }
                return try printJSON(Output(shards: report.shards, copies: report.copies, threads: report.threads, quotedWhole: report.quotedWhole))
            }
            guard !report.changedNothing else { return print("Nothing to join: the \(report.shards) shards agree.") }
            print("Joined \(report.shards) shards:")
            print("  \(report.copies) record(s) now a copy of the same email found in another shard")
            print("  \(report.threads) thread(s) joined with a thread of another shard")
            print("  \(report.quotedWhole) message(s) quoted whole by a message in another shard")
        }
    }
}
