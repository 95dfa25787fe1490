import ArgumentParser
import Foundation
import Ingest
import Search

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the matching records and their documents to a zip or a folder.",
        discussion: "manifest.csv (one row a record), records.jsonl (whole records with text), and files/ (the originals, and each email's own pages as a PDF).")

    @OptionGroup var index: ReadIndexOptions

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
            try index.open().export(query: query, to: out, format: format, force: force)
        }
        print("Wrote \(out): \(summary.records) record\(summary.records == 1 ? "" : "s"), \(summary.originals) original file\(summary.originals == 1 ? "" : "s"), \(summary.pageRanges) page-range PDF\(summary.pageRanges == 1 ? "" : "s").")
    }
}
