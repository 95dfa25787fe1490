import ArgumentParser
import Foundation
import Search

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Saved searches: every later ingest says how many new matches each has, and which.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Save a search under a name (replacing one of that name).")
        @OptionGroup var index: IndexOptions
        @Argument(help: "The name, as ingest will report it.") var name: String
        @Argument(help: "The query.") var query: String

        func run() async throws {
            try await reportingErrors {
                let writer = try IndexWriter(path: index.path)
                try writer.addWatch(Watch(name: name, query: query))
                try writer.close()
            }
            print("Saved \(name): \(query)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved searches.")
        @OptionGroup var index: ReadIndexOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let watches = try await reportingErrors { try index.open().latest { try $0.watches() } }
            if json {
                struct Output: Encodable { var watches: [Watch] }
                return try printJSON(Output(watches: watches))
            }
            for watch in watches { print("\(watch.name)\t\(watch.query)") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Forget a saved search.")
        @OptionGroup var index: IndexOptions
        @Argument(help: "Its name.") var name: String

        func run() async throws {
            let removed = try await reportingErrors { () -> Bool in
                let writer = try IndexWriter(path: index.path)
                defer { try? writer.close() }
                return try writer.removeWatch(named: name)
            }
            guard removed else { throw fail("no saved search named \(name)") }
            print("Removed \(name)")
        }
    }
}
