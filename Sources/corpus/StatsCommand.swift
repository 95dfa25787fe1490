import ArgumentParser
import Foundation
import Ingest
import Search

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count what the index holds.")

    @OptionGroup var index: ReadIndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let stats = try await reportingErrors { try index.open().latest { try $0.stats() } }
        if json {
            try printJSON(stats)
            return
        }
        let kinds = stats.recordsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\($0.value == 1 ? "" : "s")" }
        print("Records:  \(stats.records) (\(kinds.joined(separator: ", ")))")
        print("Files:    \(stats.files), \(stats.pages) PDF pages, \(stats.ocrPages) of them OCR'd")
        if let first = stats.firstDate, let last = stats.lastDate {
            print("Dates:    \(first.day8601) to \(last.day8601)\(stats.undated > 0 ? "; \(stats.undated) undated" : "")")
        }
        print("Agencies: " + stats.agencies.map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
        print("Vendors:  " + stats.vendors.map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
    }
}
