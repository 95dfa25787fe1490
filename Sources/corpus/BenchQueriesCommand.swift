import ArgumentParser
import Foundation
import Search

/// `corpus bench-queries`: runs each query of a file many times in this process,
/// through the same path as `search` and `serve` (parse, match, exact facets,
/// snippets), and prints p50/p95/p99 in milliseconds as JSON. For `make bench`.
struct BenchQueriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-queries", shouldDisplay: false)

    @OptionGroup var index: ReadIndexOptions

    @Option(help: "A file of queries, one a line.")
    var queries: String

    @Option(help: "Runs of each query.")
    var runs: Int = 50

    func run() async throws {
        struct Row: Encodable {
            var query: String
            var total: Int
            var p50: Double
            var p95: Double
            var p99: Double
        }
        let rows = try await reportingErrors { () -> [Row] in
            let searchIndex = try index.open()
            let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            return try lines.map { query in
                var times: [Double] = []
                var total = 0
                for _ in 0..<max(1, runs) {
                    let start = DispatchTime.now()
                    total = try searchIndex.search(SearchRequest(query: query)).total
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
                }
                times.sort()
                func percentile(_ p: Double) -> Double { (times[min(times.count - 1, Int(Double(times.count) * p))] * 100).rounded() / 100 }
                return Row(query: query, total: total, p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99))
            }
        }
        try printJSON(rows)
    }
}
