import Foundation
import Ingest
import Workers

/// Many searches at once, as a reporter has them: the vendor list of a request letter, one
/// query a line (or a spreadsheet's first column). For each: how many records match, the
/// first and last date among them, and the agencies and senders most often in them.
public enum Batch {
    /// A query and the line it was on (from 1), to report a bad one by.
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var query: String

        public init(number: Int, query: String) {
            self.number = number
            self.query = query
        }
    }

    public struct Result: Encodable, Sendable {
        public var line: Int
        public var query: String
        public var total = 0
        @NullEncoded public var first: RecordDate?
        @NullEncoded public var last: RecordDate?
        public var agencies: [FacetCount] = []
        public var from: [FacetCount] = []
        /// Why the line is no query (then nothing else is set).
        public var error: String?
    }

    /// A spreadsheet's first row is a header when its first cell names the column.
    static let headers: Set<String> = ["query", "queries", "search", "term", "terms", "keyword", "keywords", "vendor", "vendors",
                                       "name", "names", "company", "companies", "agency", "agencies"]

    /// The queries of a file: a line each, or the first column of each row of a CSV (a
    /// header row skipped); blank lines and lines starting with `#` are none.
    public static func lines(of data: Data, csv: Bool) -> [Line] {
        // (A list typed on Windows, or pasted from a letter, may be in Windows-1252.)
        let text = TextDecoding.decode(data, charset: nil)
        let cells: [String] = csv
            ? CSV.parse(text).map { $0.first ?? "" }
            : text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [Line] = []
        for (index, cell) in cells.enumerated() {
            let query = cell.trimmingCharacters(in: .whitespaces)
            if query.isEmpty || query.hasPrefix("#") { continue }
            if csv, index == 0, headers.contains(query.lowercased()) { continue }
            lines.append(Line(number: index + 1, query: query))
        }
        return lines
    }
}

extension Batch {
    /// The results as a spreadsheet: a row a query (lines that are no query left out:
    /// they are reported apart), agencies and senders as "NYPD (3); ICE (1)".
    public static func csv(_ results: [Result]) -> String {
        func counts(_ values: [FacetCount]) -> String { values.map { "\($0.value) (\($0.count))" }.joined(separator: "; ") }
        var rows = ["line,query,total,first,last,agencies,from"]
        for result in results where result.error == nil {
            let cells: [String] = [String(result.line), result.query, String(result.total), result.first?.description ?? "",
                                   result.last?.description ?? "", counts(result.agencies), counts(result.from)]
            rows.append(cells.map(CSVField.escape).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}

extension SearchIndex {
    /// Each query's figures; a query that does not parse is answered with its error, and
    /// the others still run. `top`: how many agencies and senders each.
    public func batch(_ lines: [Batch.Line], top: Int = 5) -> [Batch.Result] {
        lines.map { line in
            var result = Batch.Result(line: line.number, query: line.query)
            do {
                let response = try search(SearchRequest(query: line.query, limit: 0))
                result.total = response.total
                result.agencies = Array((response.facets["agency"] ?? []).prefix(top))
                result.from = Array((response.facets["from"] ?? []).prefix(top))
                // (Undated records sort first: the first date is the first of the dated ones,
                // and every record's date is from 1900 on.)
                let dated = "(\(line.query)) date:1900.."
                result.first = try search(SearchRequest(query: dated, limit: 1, sort: .date)).hits.first?.date
                result.last = try search(SearchRequest(query: line.query, limit: 1, sort: .dateDescending)).hits.first?.date
            } catch {
                result = Batch.Result(line: line.number, query: line.query, error: "\(error)")
            }
            return result
        }
    }
}
