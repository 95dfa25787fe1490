import Foundation
import Ingest

/// A public-records request as the records show it: its number, the agencies of the records
/// that name it, how many, and the first and last date among them.
public struct RequestSummary: Encodable, Sendable {
    public var request: String
    public var agencies: [String] = []
    public var records = 0
    @NullEncoded public var first: RecordDate?
    @NullEncoded public var last: RecordDate?
    public var ids: [String] = []
}

extension SearchIndex {
    /// Every request number named by the records matching `query`, the most named first.
    public func requests(query: String) throws -> [RequestSummary] {
        var found: [String: RequestSummary] = [:]
        var agencyCounts: [String: [String: Int]] = [:]
        try forEachRecord(matching: query, sort: .date) { record in
            for number in record.requests ?? [] {
                var summary = found[number] ?? RequestSummary(request: number)
                summary.records += 1
                summary.ids.append(record.id)
                if let date = record.date {
                    summary.first = min(summary.first ?? date, date)
                    summary.last = max(summary.last ?? date, date)
                }
                for agency in record.agencies { agencyCounts[number, default: [:]][agency, default: 0] += 1 }
                found[number] = summary
            }
        }
        return found.values.map { summary in
            var summary = summary
            summary.agencies = (agencyCounts[summary.request] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return summary
        }.sorted { $0.records != $1.records ? $0.records > $1.records : $0.request < $1.request }
    }
}
