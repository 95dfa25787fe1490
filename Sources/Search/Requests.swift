import Foundation
import Ingest

/// A public-records request as the records show it: its number, the agencies of the records
/// that name it, how many, the first and last date among them, and what its correspondence
/// says happened, in date order.
public struct RequestSummary: Encodable, Sendable {
    public var request: String
    public var agencies: [String] = []
    public var records = 0
    @NullEncoded public var first: RecordDate?
    @NullEncoded public var last: RecordDate?
    public var ids: [String] = []
    public var events: [RequestEvent] = []
}

/// One event of a request, and the record that states it.
public struct RequestEvent: Encodable, Sendable, Equatable {
    public var event: RequestEvents.Kind
    /// When the record stating it was sent.
    @NullEncoded public var date: RecordDate?
    public var record: String
    /// The date it names: when a response is expected, or the time extended to.
    public var until: RecordDate?
    /// A denial's exemption or ground ("§87(2)(b)", "too broad").
    public var reason: String?
}

extension SearchIndex {
    /// Every request number named by the records matching `query`, the most named first.
    /// Its events come from the records naming it and from the rest of their threads (an
    /// acknowledgement need not repeat the number).
    public func requests(query: String) throws -> [RequestSummary] {
        var found: [String: RequestSummary] = [:]
        var agencyCounts: [String: [String: Int]] = [:]
        var threads: [String: Set<String>] = [:]
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
                if let thread = record.thread { threads[number, default: []].insert(thread) }
                found[number] = summary
            }
        }
        guard !found.isEmpty else { return [] }
        try forEachRecord(matching: query, sort: .date) { record in
            let numbers = Set(record.requests ?? []).union(record.thread.map { thread in threads.filter { $0.value.contains(thread) }.map(\.key) } ?? [])
            guard !numbers.isEmpty else { return }
            let events = RequestEvents.events(in: record.text).map {
                RequestEvent(event: $0.kind, date: record.date, record: record.id, until: $0.date, reason: $0.reason)
            }
            for number in numbers { found[number]?.events += events }
        }
        return found.values.map { summary in
            var summary = summary
            summary.agencies = (agencyCounts[summary.request] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return summary
        }.sorted { $0.records != $1.records ? $0.records > $1.records : $0.request < $1.request }
    }
}
