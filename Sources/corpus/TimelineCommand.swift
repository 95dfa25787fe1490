import ArgumentParser
import Foundation
import Ingest
import Search

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Count the matching records per day, week or month, by vendor, agency or sender.")

    @OptionGroup var index: ReadIndexOptions

    @Argument(help: "A query (default: everything).")
    var query: String = ""

    @Option(help: "vendor, agency or from.")
    var by: TimelineGrouping = .vendor

    @Option(help: "day, week or month.")
    var interval: TimelineInterval = .month

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV: one row per series and bucket.")
    var csv = false

    @Option(help: ArgumentHelp("Write a self-contained HTML page with a chart to FILE.", valueName: "FILE"))
    var html: String?

    func validate() throws {
        if [json, csv, html != nil].filter({ $0 }).count > 1 { throw ValidationError("choose one of --json, --csv and --html") }
    }

    func run() async throws {
        let timeline = try await reportingErrors {
            try index.open().latest { try $0.timeline(query: query, by: by, interval: interval) }
        }
        if json { return try printJSON(timeline) }
        if csv { return print(timeline.csv, terminator: "") }
        if let html {
            let title = query.isEmpty ? "Contacts by \(by.rawValue)" : "\(query) — by \(by.rawValue)"
            try await reportingErrors { try timeline.html(title: title).write(toFile: html, atomically: true, encoding: .utf8) }
            print("Wrote \(html): \(timeline.series.count) series, \(timeline.series.map(\.events.count).reduce(0, +)) dated records.")
            return
        }
        if timeline.series.isEmpty { return print("No matching records.") }
        for series in timeline.series {
            print("\(series.key): \(series.events.count) record\(series.events.count == 1 ? "" : "s")\(series.undated > 0 ? " (+\(series.undated) undated)" : "")")
            for bucket in series.buckets where bucket.count > 0 {
                let label = interval == .month ? String(bucket.start.prefix(7)) : bucket.start
                print("  \(label)  \(String(repeating: "■", count: min(bucket.count, 60))) \(bucket.count)")
            }
        }
    }
}

extension TimelineGrouping: ExpressibleByArgument {}
extension TimelineInterval: ExpressibleByArgument {}
