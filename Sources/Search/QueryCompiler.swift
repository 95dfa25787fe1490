import CXapian
import Foundation
import Ingest

/// Where a `QueryNode` becomes a Xapian query, field by field, through the schema.
struct QueryCompiler {
    let db: XapianDatabase

    func compile(_ node: QueryNode) throws -> XapianQuery {
        switch node {
        case .all:
            return try .all()
        case .text(let text, let phrase):
            return try textQuery(text, phrase: phrase, prefix: "", stemmed: true)
        case .field(let field, let value):
            return try fieldQuery(field, value)
        case .dateRange(let range):
            let bounds = range.sortKeyBounds
            return try Self.periodTerms(range) ?? .valueRange(slot: Schema.Slot.date, from: bounds.low, to: bounds.high)
        case .and(let left, .not(let right)):
            return try .combine(CX_OP_AND_NOT, compile(left), compile(right))
        case .and(.not(let left), let right):
            return try .combine(CX_OP_AND_NOT, compile(right), compile(left))
        case .and(let left, let right):
            return try .combine(CX_OP_AND, compile(left), compile(right))
        case .or(let left, let right):
            return try .combine(CX_OP_OR, compile(left), compile(right))
        case .not(let inner):
            return try .combine(CX_OP_AND_NOT, .all(), compile(inner))
        }
    }

    /// A closed range of whole years, months or days as the OR of their Y, M or D terms
    /// (Omega's date terms): posting lists, where a value range reads the date of every
    /// candidate. Nil for an open range, or one of more than `maxPeriods` periods.
    static func periodTerms(_ range: DateRange, maxPeriods: Int = 400) throws -> XapianQuery? {
        guard let low = range.first, let high = range.last else { return nil }
        let digits = max(low.count, high.count)
        guard [4, 6, 8].contains(digits), let first = Period(low, start: true), let last = Period(high, start: false) else {
            return nil
        }
        let prefix = digits == 4 ? Schema.Prefix.year : digits == 6 ? Schema.Prefix.month : Schema.Prefix.day
        var terms: [String] = []
        var period = first
        while period <= last {
            terms.append(prefix + period.key(digits))
            guard terms.count <= maxPeriods else { return nil }
            period = period.next(digits)
        }
        guard let head = terms.first else { return nil }
        return try terms.dropFirst().reduce(XapianQuery.term(head)) { try .combine(CX_OP_OR, $0, .term($1)) }
    }

    /// A year, month or day of a date range's bound.
    struct Period: Comparable {
        var year: Int, month: Int, day: Int

        /// From a bound's key (YYYY, YYYYMM or YYYYMMDD); a start bound begins its period,
        /// an end bound closes it.
        init?(_ key: String, start: Bool) {
            // (Read as bytes: every search with a date parses its bounds, and the generic
            // Character and String work cost a one-process search a conformance lookup.)
            let digits = Array(key.utf8)
            guard [4, 6, 8].contains(digits.count), let year = Self.number(digits[0..<4]) else { return nil }
            self.year = year
            month = digits.count >= 6 ? Self.number(digits[4..<6]) ?? 1 : (start ? 1 : 12)
            day = digits.count == 8 ? Self.number(digits[6..<8]) ?? 1 : (start ? 1 : Self.days(year, month))
        }

        /// ASCII digits' value; nil if any byte is not a digit.
        private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        init(year: Int, month: Int, day: Int) {
            (self.year, self.month, self.day) = (year, month, day)
        }

        static func days(_ year: Int, _ month: Int) -> Int {
            (28...31).last { RecordDate(year: year, month: month, day: $0) != nil } ?? 28
        }

        func key(_ digits: Int) -> String {
            String((year.zeroPadded(4) + month.zeroPadded(2) + day.zeroPadded(2)).prefix(digits))
        }

        func next(_ digits: Int) -> Period {
            switch digits {
            case 4: return Period(year: year + 1, month: 1, day: 1)
            case 6: return month == 12 ? Period(year: year + 1, month: 1, day: 1) : Period(year: year, month: month + 1, day: 1)
            default:
                if day < Self.days(year, month) { return Period(year: year, month: month, day: day + 1) }
                return month == 12 ? Period(year: year + 1, month: 1, day: 1) : Period(year: year, month: month + 1, day: 1)
            }
        }

        static func < (a: Period, b: Period) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    private func textQuery(_ text: String, phrase: Bool, prefix: String, stemmed: Bool) throws -> XapianQuery {
        let words = text.split(whereSeparator: \.isWhitespace)
        let input = phrase && words.count > 1 ? "\"\(text.replacingOccurrences(of: "\"", with: " "))\"" : text
        do {
            return try .text(input, prefix: prefix, stemmed: stemmed, in: db)
        } catch let error as IndexError where error.kind == .query {
            throw QuerySyntaxError(description: "nothing to search for in '\(text)'")
        }
    }

    private func fieldQuery(_ field: QueryField, _ raw: String) throws -> XapianQuery {
        let value = raw.trimmedOfSpaces()
        let lower = value.lowercased()
        switch field.meaning {
        case .correspondent(let words, let address, _):
            let bare = lower.hasPrefix("@") ? String(lower.dropFirst()) : lower
            // An address or a domain is an exact match; anything else matches name words.
            if !bare.contains(" "), bare.contains("."), bare.range(of: #"^[a-z0-9._%+'-]*@?[a-z0-9.-]+\.[a-z]{2,}$"#, options: .regularExpression) != nil {
                return try .term(address + bare)
            }
            // A name, as printed, or as the same person is printed elsewhere, or any address
            // the index ties to that name (the person's mail from a bare address).
            var query = try textQuery(value, phrase: true, prefix: words, stemmed: false)
            guard let key = PersonName.key(value) else { return query }
            query = try .combine(CX_OP_OR, query, try .term(Schema.nameKeyPrefix(address) + key))
            for tied in try Schema.addresses(namedBy: key, in: db) { query = try .combine(CX_OP_OR, query, try .term(address + tied)) }
            return query
        case .words(let prefix, let stemmed, _):
            return try textQuery(value, phrase: true, prefix: prefix, stemmed: stemmed)
        case .keyword(let prefix, _, _):
            return try .term(prefix + lower)
        case .number(let prefix, _):
            return try .term(prefix + String(Int(lower) ?? 0))
        case .identifier(let prefix, _):
            return try .term(prefix + lower)
        case .dateRange:
            return try compile(.dateRange(DateRange(value)))
        case .thread:
            // A record's id names its thread; anything else is taken for a thread's id. Its
            // records carry its id or one merged into it.
            let label = (try? RecordCoding.record(from: db.data(forTerm: Schema.Prefix.id + value)))?.thread
            let labels = try Threads.labels(of: try Threads.current(label ?? lower, in: db), in: db)
            var query = try XapianQuery.term(Threads.threadPrefix + labels[0])
            for label in labels.dropFirst() { query = try .combine(CX_OP_OR, query, try .term(Threads.threadPrefix + label)) }
            return query
        }
    }
}
