import CXapian
import Foundation
import Ingest

/// Where a `QueryNode` becomes a Xapian query, field by field, through the schema.
struct QueryCompiler {
    let db: XapianDatabase

    func compile(_ node: QueryNode) throws -> XapianQuery {
        switch node {
        case .all:
            return .all()
        case .text(let text, let phrase):
            return try textQuery(text, phrase: phrase, prefix: "")
        case .field(let field, let value):
            return try fieldQuery(field, value)
        case .and(let left, .not(let right)):
            return .combine(CX_OP_AND_NOT, try compile(left), try compile(right))
        case .and(.not(let left), let right):
            return .combine(CX_OP_AND_NOT, try compile(right), try compile(left))
        case .and(let left, let right):
            return .combine(CX_OP_AND, try compile(left), try compile(right))
        case .or(let left, let right):
            return .combine(CX_OP_OR, try compile(left), try compile(right))
        case .not(let inner):
            return .combine(CX_OP_AND_NOT, .all(), try compile(inner))
        }
    }

    private func textQuery(_ text: String, phrase: Bool, prefix: String) throws -> XapianQuery {
        let words = text.split(whereSeparator: \.isWhitespace)
        let input = phrase && words.count > 1 ? "\"\(text.replacingOccurrences(of: "\"", with: " "))\"" : text
        do {
            return try .text(input, prefix: prefix, in: db)
        } catch let error as IndexError where error.kind == .query {
            throw QuerySyntaxError(description: "nothing to search for in '\(text)'")
        }
    }

    private func fieldQuery(_ field: QueryField, _ raw: String) throws -> XapianQuery {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let lower = value.lowercased()
        switch field {
        case .from, .to:
            let (textPrefix, addressPrefix) = field == .from
                ? (Schema.Prefix.from, Schema.Prefix.fromAddress) : (Schema.Prefix.to, Schema.Prefix.toAddress)
            let address = lower.hasPrefix("@") ? String(lower.dropFirst()) : lower
            // An address or a domain is an exact match; anything else matches name words.
            if !address.contains(" "), address.contains("."), address.range(of: #"^[a-z0-9._%+'-]*@?[a-z0-9.-]+\.[a-z]{2,}$"#, options: .regularExpression) != nil {
                return .term(addressPrefix + address)
            }
            return try textQuery(value, phrase: true, prefix: textPrefix)
        case .subject:
            return try textQuery(value, phrase: true, prefix: Schema.Prefix.subject)
        case .agency:
            return try textQuery(value, phrase: true, prefix: Schema.Prefix.agency)
        case .vendor:
            return try textQuery(value, phrase: true, prefix: Schema.Prefix.vendor)
        case .file:
            return try textQuery(value, phrase: true, prefix: Schema.Prefix.file)
        case .kind:
            guard Record.Kind(rawValue: lower) != nil else {
                throw QuerySyntaxError(description: "kind: is email or document, not '\(value)'")
            }
            return .term(Schema.Prefix.kind + lower)
        case .ocr:
            guard lower == "yes" || lower == "no" else {
                throw QuerySyntaxError(description: "ocr: is yes or no, not '\(value)'")
            }
            return .term(Schema.Prefix.ocr + lower)
        case .date:
            let range = try DateRange(value)
            return .valueRange(slot: Schema.Slot.date, from: range.low, to: range.high)
        }
    }
}

/// `date:` values: `YYYY[-MM[-DD]]`, or two of them around `..` (either end open).
/// Bounds are compared with `RecordDate.sortKey` strings.
struct DateRange: Equatable {
    var low: String?
    var high: String?

    init(_ value: String) throws {
        let parts: [Substring]
        if let dots = value.range(of: "..") {
            parts = [value[..<dots.lowerBound], value[dots.upperBound...]]
        } else {
            parts = [value[...], value[...]]
        }
        let low = try DateRange.key(parts[0], whole: value)
        let high = try DateRange.key(parts[1], whole: value)
        if low == nil, high == nil {
            throw QuerySyntaxError(description: "date: needs at least one date, as in date:2018-10..2019-02")
        }
        if let low, let high, low > high {
            throw QuerySyntaxError(description: "date:\(value) ends before it starts")
        }
        self.low = low
        // Every time within the last day (or month, or year) of the range is inside it.
        self.high = high.map { $0 + "~" }
    }

    private static func key(_ part: Substring, whole: String) throws -> String? {
        if part.isEmpty { return nil }
        guard let m = part.wholeMatch(of: #/(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/#) else {
            throw QuerySyntaxError(description: "date:\(whole) is not a date range; write YYYY, YYYY-MM or YYYY-MM-DD, as in date:2018-10..2019-02")
        }
        let year = Int(m.1)!
        let month = m.2.map { Int($0)! }
        let day = m.3.map { Int($0)! }
        guard RecordDate(year: year, month: month ?? 1, day: day ?? 1) != nil else {
            throw QuerySyntaxError(description: "date:\(whole) names a date that does not exist (\(part))")
        }
        var key = String(format: "%04d", year)
        if let month { key += String(format: "%02d", month) }
        if let day {
            guard RecordDate(year: year, month: month!, day: day) != nil else {
                throw QuerySyntaxError(description: "date:\(whole) names a date that does not exist (\(part))")
            }
            key += String(format: "%02d", day)
        }
        return key
    }
}
