import ArgumentParser
import Foundation
import Ingest
import Search

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count what the index holds.")

    @OptionGroup var index: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let stats = try await reportingErrors { try SearchIndex(path: index.path).stats() }
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

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Count the matching records per day, week or month, by vendor, agency or sender.")

    @OptionGroup var index: IndexOptions

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
            try SearchIndex(path: index.path).timeline(query: query, by: by, interval: interval)
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
extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the matching records and their documents to a zip or a folder.",
        discussion: "manifest.csv (one row a record), records.jsonl (whole records with text), and files/ (the originals, and each email's own pages as a PDF).")

    @OptionGroup var index: IndexOptions

    @Argument(help: "A query (default: everything).")
    var query: String = ""

    @Option(help: "Where to write.")
    var out: String

    @Option(help: "zip or dir.")
    var format: ExportFormat = .zip

    @Flag(help: "Replace --out if it exists.")
    var force = false

    func run() async throws {
        let summary = try await reportingErrors {
            try SearchIndex(path: index.path).export(query: query, to: out, format: format, force: force)
        }
        print("Wrote \(out): \(summary.records) record\(summary.records == 1 ? "" : "s"), \(summary.originals) original file\(summary.originals == 1 ? "" : "s"), \(summary.pageRanges) page-range PDF\(summary.pageRanges == 1 ? "" : "s").")
    }
}

struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "List everyone in the matching emails: agency, addresses, personal accounts, first and last contact.")

    @OptionGroup var index: IndexOptions

    @Argument(help: "A query (default: everything).")
    var query: String = ""

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let people = try await reportingErrors { try SearchIndex(path: index.path).people(query: query) }
        if json {
            struct Output: Encodable { var people: [Person] }
            return try printJSON(Output(people: people))
        }
        for p in people {
            let org = p.agency ?? p.vendor ?? "?"
            let span = [p.first, p.last].compactMap { $0?.day8601 }
            print("\(p.name ?? p.addresses.first ?? "?")  [\(org)]\(p.personalAccount ? "  PERSONAL ACCOUNT" : "")")
            print("  \(p.addresses.joined(separator: ", "))  ·  \(p.messages) message\(p.messages == 1 ? "" : "s")\(span.isEmpty ? "" : "  ·  \(span.first!) – \(span.last!)")")
        }
    }
}
