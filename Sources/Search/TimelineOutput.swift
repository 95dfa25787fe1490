import Foundation
import Ingest

extension Timeline {
    /// One row per series and bucket, ready for a spreadsheet or charting tool.
    public var csv: String {
        var rows = ["series,start,count"]
        for series in self.series {
            for bucket in series.buckets { rows.append("\(CSVField.escape(series.key)),\(bucket.start),\(bucket.count)") }
            if series.undated > 0 { rows.append("\(CSVField.escape(series.key)),undated,\(series.undated)") }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// An interval as a reporter names it: "Oct 2018", a week by its first day ("week of Oct 1,
    /// 2018"), a day ("Oct 1, 2018").
    private func period(_ start: String) -> String {
        guard let day = RecordDate(iso: start) else { return HTML.escape(start) }
        let month = HTML.monthNames[day.month - 1]
        switch interval {
        case .month: return "\(month) \(day.year)"
        case .week: return "week of \(month) \(day.day), \(day.year)"
        case .day: return "\(month) \(day.day), \(day.year)"
        }
    }

    /// A self-contained page: bars per interval for the busiest series, side by side (hover a
    /// bar for its count) and, below, every event in date order. No scripts, no fetches.
    /// - search: in the reading room, the search the timeline is of: linked back to, and
    ///   each record linked to its page (a file written with --html links nothing).
    public func html(title: String, search: String? = nil) -> String {
        let shown = Array(series.prefix(Self.palette.count))
        let starts = shown.first?.buckets.map(\.start) ?? []
        let maxCount = max(1, shown.flatMap(\.buckets).map(\.count).max() ?? 1)
        let (width, height, left, bottom, top, right) = (960.0, 360.0, 48.0, 56.0, 16.0, 40.0)
        let plotW = width - left - right, plotH = height - top - bottom
        // Each interval a slot; each series a bar in it.
        let slot = plotW / Double(max(1, starts.count)), bar = slot * 0.8 / Double(max(1, shown.count))
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ c: Int) -> Double { top + plotH * (1 - Double(c) / Double(maxCount)) }

        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        for tick in Set([0, maxCount / 2, maxCount]).sorted() {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(tick)</text>"
        }
        let labelEvery = max(1, starts.count / 12)
        for (i, start) in starts.enumerated() where i % labelEvery == 0 {
            svg += "<text x=\"\(x(i))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(period(start))</text>"
        }
        for (n, s) in shown.enumerated() {
            let color = Self.palette[n]
            for (i, bucket) in s.buckets.enumerated() where bucket.count > 0 {
                let left = x(i) - slot * 0.4 + bar * Double(n)
                svg += "<rect x=\"\(left)\" y=\"\(y(bucket.count))\" width=\"\(bar)\" height=\"\(y(0) - y(bucket.count))\" fill=\"\(color)\">"
                    + "<title>\(HTML.escape(s.key)) · \(period(bucket.start)): \(bucket.count) record\(bucket.count == 1 ? "" : "s")</title></rect>"
            }
        }
        svg += "</svg>"

        let legend = shown.enumerated().map { n, s in
            "<li><span class=\"swatch\" style=\"background:\(Self.palette[n])\"></span>\(HTML.escape(s.key)) (\(s.events.count)\(s.undated > 0 ? ", \(s.undated) undated" : ""))</li>"
        }.joined()
        func person(_ c: Correspondent?) -> String { HTML.escape(c?.description ?? "?") }
        let tables = series.map { s in
            let rows = s.events.map { e in
                "<tr><td>\(HTML.date(e.date))</td><td>\(person(e.from))</td><td>\(e.to.map { person($0) }.joined(separator: ", "))</td><td>\(HTML.escape(e.subject ?? ""))</td><td class=\"id\">\(search == nil ? HTML.escape(e.id) : "<a href=\"/doc/\(HTML.escape(e.id))\">\(HTML.escape(e.id))</a>")</td></tr>"
            }.joined()
            return "<h2>\(HTML.escape(s.key)) — \(s.events.count) dated record\(s.events.count == 1 ? "" : "s")\(s.undated > 0 ? ", \(s.undated) undated" : "")</h2><table><thead><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th><th>Id</th></tr></thead><tbody>\(rows)</tbody></table>"
        }.joined()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
            <meta http-equiv="Content-Security-Policy" content="\(HTML.contentSecurityPolicy)">
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222}
            svg{width:100%;height:auto;font-size:11px} .grid{stroke:#ddd} rect:hover{opacity:.75}
            ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:16px}
            .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;border-radius:2px}
            table{border-collapse:collapse;width:100%;margin-bottom:24px} td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            .id{font-family:monospace;color:#888}
            </style></head><body>
            \(search.map { "<p><a href=\"\(HTML.escape($0))\">← back to the search</a></p>" } ?? "")
            <h1>\(HTML.escape(title))</h1>
            <p>Records per \(interval.rawValue), by \(by.rawValue). Hover a bar for its count.</p>
            \(svg)
            <ul class="legend">\(legend)</ul>
            \(tables)
            </body></html>
            """
    }
}

/// CSV fields for spreadsheets: quoted when needed, and a leading = + - @ defused so a
/// hostile subject line cannot run as a formula.
public enum CSVField {
    public static func escape(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
