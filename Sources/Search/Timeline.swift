import Foundation
import Ingest

public enum TimelineGrouping: String, Sendable, CaseIterable, Encodable {
    case vendor, agency, from
}

public enum TimelineInterval: String, Sendable, CaseIterable, Encodable {
    case day, week, month
}

/// Contacts over time: for each vendor (agency, sender) among the matches, how many
/// records fall in each day, week or month, and the records themselves in date order.
public struct Timeline: Encodable, Sendable {
    public var by: TimelineGrouping
    public var interval: TimelineInterval
    public var series: [Series]

    public struct Series: Encodable, Sendable {
        public var key: String
        public var buckets: [Bucket]
        public var events: [Event]
        /// Records in this series with no date: counted here, not in any bucket.
        public var undated: Int
    }

    public struct Bucket: Encodable, Sendable, Equatable {
        public var start: String
        public var count: Int
    }

    public struct Event: Encodable, Sendable {
        public var date: RecordDate
        public var id: String
        @NullEncoded public var subject: String?
        @NullEncoded public var from: Correspondent?
        public var to: [Correspondent]

    }


    /// The first day of the bucket holding `date`: the day itself, its week's Monday,
    /// or the first of its month.
    static func bucketStart(_ date: RecordDate, _ interval: TimelineInterval) -> String {
        switch interval {
        case .day: return date.day8601
        case .month: return String(format: "%04d-%02d-01", date.year, date.month)
        case .week:
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
            let monday = calendar.dateInterval(of: .weekOfYear, for: day)!.start
            let c = calendar.dateComponents([.year, .month, .day], from: monday)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
    }

    /// Every bucket start from first to last, so that charts show the quiet months too.
    static func bucketStarts(from first: String, to last: String, _ interval: TimelineInterval) -> [String] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard var current = formatter.date(from: first), let end = formatter.date(from: last) else { return [] }
        let step: DateComponents = switch interval {
        case .day: DateComponents(day: 1)
        case .week: DateComponents(day: 7)
        case .month: DateComponents(month: 1)
        }
        var starts: [String] = []
        while current <= end {
            starts.append(formatter.string(from: current))
            current = calendar.date(byAdding: step, to: current)!
        }
        return starts
    }
}

extension SearchIndex {
    public func timeline(query: String, by grouping: TimelineGrouping, interval: TimelineInterval) throws -> Timeline {
        var counts: [String: [String: Int]] = [:]
        var events: [String: [Timeline.Event]] = [:]
        var undated: [String: Int] = [:]
        var first: String?, last: String?
        try forEachRecord(matching: query, sort: .date) { record in
            let keys: [String] = switch grouping {
            case .vendor: record.vendors
            case .agency: record.agencies
            case .from: record.from.map { [$0.display] } ?? []
            }
            for key in keys {
                guard let date = record.date else {
                    undated[key, default: 0] += 1
                    continue
                }
                let start = Timeline.bucketStart(date, interval)
                counts[key, default: [:]][start, default: 0] += 1
                events[key, default: []].append(Timeline.Event(date: date, id: record.id, subject: record.subject, from: record.from, to: record.to))
                first = min(first ?? start, start)
                last = max(last ?? start, start)
            }
        }
        let starts = first.flatMap { f in last.map { Timeline.bucketStarts(from: f, to: $0, interval) } } ?? []
        let keys = Set(counts.keys).union(undated.keys)
        let series = keys.map { key in
            Timeline.Series(key: key, buckets: starts.map { Timeline.Bucket(start: $0, count: counts[key]?[$0] ?? 0) },
                            events: events[key] ?? [], undated: undated[key] ?? 0)
        }.sorted { a, b in
            let (ta, tb) = (a.events.count + a.undated, b.events.count + b.undated)
            return ta != tb ? ta > tb : a.key < b.key
        }
        return Timeline(by: grouping, interval: interval, series: series)
    }
}
