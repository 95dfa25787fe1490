import ArgumentParser
import Foundation
import Ingest
import Search

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index.",
        discussion: QueryField.help)

    @OptionGroup var index: ReadIndexOptions

    @Argument(help: "The query.")
    var query: String

    @Option(help: "How many hits to show.")
    var limit: Int = 20

    @Option(help: "How many hits to skip.")
    var offset: Int = 0

    @Option(help: "relevance, date (oldest first) or -date (newest first).")
    var sort: SearchSort = .relevance

    @Flag(help: "Print the contract's JSON.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit cannot be negative") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
    }

    func run() async throws {
        let bold = !json && isatty(1) == 1
        let response = try await reportingErrors {
            try index.open().latest { try $0.search(SearchRequest(
                query: query, limit: limit, offset: offset, sort: sort,
                highlight: bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("", ""))) }
        }
        if json {
            printJSON(response.json)
            return
        }
        let shown = response.hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + response.hits.count))"
        print("\(response.total) match\(response.total == 1 ? "" : "es")\(shown)\n")
        for hit in response.hits {
            print(HitFormatter.describe(hit))
            print("")
        }
        for name in Facet.names {
            guard let values = response.facets[name], !values.isEmpty else { continue }
            print("\(name): " + values.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
        }
    }
}

extension SearchSort: ExpressibleByArgument {}

/// The human-readable form of hits and records.
enum HitFormatter {
    static func describe(_ hit: SearchHit) -> String {
        var lines: [String] = []
        let date = hit.date.map(\.description) ?? "undated"
        var head = "[\(date)] \(hit.kind == .email ? (hit.from?.description ?? "?") : "document")"
        if !hit.to.isEmpty { head += " → " + hit.to.prefix(3).map(\.description).joined(separator: ", ") + (hit.to.count > 3 ? ", …" : "") }
        lines.append(head)
        lines.append("  \(hit.subject ?? "(no subject)")")
        if !hit.snippet.isEmpty { lines.append("  \(hit.snippet)") }
        var tail = [String]()
        if !hit.agencies.isEmpty { tail.append(hit.agencies.joined(separator: ", ")) }
        if !hit.vendors.isEmpty { tail.append(hit.vendors.joined(separator: ", ")) }
        tail.append(hit.source.shortCitation)
        if hit.ocr { tail.append("OCR") }
        if hit.redactions > 0 { tail.append("\(hit.redactions) redaction\(hit.redactions == 1 ? "" : "s")") }
        tail.append("id \(hit.id)")
        lines.append("  " + tail.joined(separator: " · "))
        return lines.joined(separator: "\n")
    }
}
