import Foundation
import Ingest

/// A parsed `corpus search` query: words, "phrases", AND / OR / NOT, a leading `-`,
/// parentheses, and `field:value` filters (see the CLI contract).
public indirect enum QueryNode: Equatable, Sendable {
    case all
    case text(String, phrase: Bool)
    case field(QueryField, String)
    case dateRange(DateRange)
    case and(QueryNode, QueryNode)
    case or(QueryNode, QueryNode)
    case not(QueryNode)
}

/// A query a user typed that cannot be read, with the reason in one line.
public struct QuerySyntaxError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String
}

/// Reads the query language into a `QueryNode`.
public struct QueryParser {
    static let maximumLength = 2000

    enum Token: Equatable {
        case word(String)
        case phrase(String)
        case field(QueryField, String)
        case and, or, not, minus, open, close
    }

    public static func parse(_ text: String) throws -> QueryNode {
        if text.count > maximumLength {
            throw QuerySyntaxError(description: "the query is too long (\(text.count) characters; at most \(maximumLength))")
        }
        var parser = QueryParser(tokens: try tokenize(text))
        if parser.tokens.isEmpty { return .all }
        let node = try parser.parseOr()
        if parser.position < parser.tokens.count {
            throw QuerySyntaxError(description: "unbalanced parentheses: a ')' has no matching '('")
        }
        return node
    }

    private var tokens: [Token]
    private var position = 0

    private init(tokens: [Token]) { self.tokens = tokens }

    static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func readQuoted() throws -> String {
            // chars[i] is the opening quote.
            guard let end = chars[(i + 1)...].firstIndex(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) else {
                throw QuerySyntaxError(description: "unbalanced quote: a phrase opened with \" is not closed")
            }
            let value = String(chars[(i + 1)..<end])
            i = end + 1
            return value
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append(.open); i += 1; continue }
            if c == ")" { tokens.append(.close); i += 1; continue }
            if c == "\"" || c == "“" || c == "”" { tokens.append(.phrase(try readQuoted())); continue }
            if c == "-", i + 1 < chars.count, !chars[i + 1].isWhitespace, tokens.last.map({ $0 != .minus }) ?? true {
                tokens.append(.minus); i += 1; continue
            }
            var word = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "(", chars[i] != ")", chars[i] != "\"" {
                word.append(chars[i]); i += 1
            }
            if let colon = word.firstIndex(of: ":"), let field = QueryField.named(word[..<colon]) {
                var value = String(word[word.index(after: colon)...])
                if value.isEmpty, i < chars.count, chars[i] == "\"" { value = try readQuoted() }
                else if value.isEmpty {
                    throw QuerySyntaxError(description: "\(field.name): needs a value, as in \(field.example)")
                }
                tokens.append(.field(field, value))
                continue
            }
            switch word {
            case "AND", "&&": tokens.append(.and)
            case "OR", "||": tokens.append(.or)
            case "NOT": tokens.append(.not)
            default: tokens.append(.word(word))
            }
        }
        return tokens
    }

    /// Fields with a fixed set of values, and dates, are checked here, so every mistake
    /// in a query is reported by the parser.
    static func field(_ field: QueryField, _ value: String) throws -> QueryNode {
        let lower = value.trimmedOfSpaces().lowercased()
        switch field.meaning {
        case .keyword(_, let values, _) where !values.contains(lower):
            throw QuerySyntaxError(description: "\(field.name): is \(values.joined(separator: " or ")), not '\(value)'")
        case .dateRange:
            return .dateRange(try DateRange(value))
        case .number where Int(lower).map({ $0 > 0 }) != true:
            throw QuerySyntaxError(description: "\(field.name): takes a number, as in \(field.example), not '\(value)'")
        default:
            return .field(field, value)
        }
    }

    private mutating func parseOr() throws -> QueryNode {
        var node = try parseAnd()
        while position < tokens.count, tokens[position] == .or {
            position += 1
            node = .or(node, try parseAnd())
        }
        return node
    }

    private mutating func parseAnd() throws -> QueryNode {
        var node = try parseUnary()
        while position < tokens.count, tokens[position] != .or, tokens[position] != .close {
            if tokens[position] == .and { position += 1 }
            node = .and(node, try parseUnary())
        }
        return node
    }

    private mutating func parseUnary() throws -> QueryNode {
        guard position < tokens.count else {
            throw QuerySyntaxError(description: "the query ends where a word was expected (after AND, OR, NOT or '(')")
        }
        switch tokens[position] {
        case .not, .minus:
            position += 1
            return .not(try parseUnary())
        default:
            return try parsePrimary()
        }
    }

    private mutating func parsePrimary() throws -> QueryNode {
        let token = tokens[position]
        position += 1
        switch token {
        case .word(let w): return .text(w, phrase: false)
        case .phrase(let p):
            guard p.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw QuerySyntaxError(description: "an empty phrase \"\" matches nothing")
            }
            return .text(p, phrase: true)
        case .field(let f, let v): return try QueryParser.field(f, v)
        case .open:
            guard position < tokens.count, tokens[position] != .close else {
                throw QuerySyntaxError(description: "empty parentheses ()")
            }
            let inner = try parseOr()
            guard position < tokens.count, tokens[position] == .close else {
                throw QuerySyntaxError(description: "unbalanced parentheses: a '(' is not closed")
            }
            position += 1
            return inner
        case .close: throw QuerySyntaxError(description: "unbalanced parentheses: a ')' has no matching '('")
        case .and, .or: throw QuerySyntaxError(description: "AND and OR go between two terms")
        case .not, .minus: throw QuerySyntaxError(description: "NOT needs a term after it")
        }
    }
}

/// `date:` values: `YYYY[-MM[-DD]]`, or two of them around `..` (either end open).
public struct DateRange: Equatable, Sendable {
    /// The first and last periods of the range, as YYYY, YYYYMM or YYYYMMDD; nil when open.
    var first: String?
    var last: String?

    init(first: String?, last: String?) {
        self.first = first
        self.last = last
    }

    init(_ value: String) throws {
        let parts: [Substring]
        if let dots = value.range(of: "..") {
            parts = [value[..<dots.lowerBound], value[dots.upperBound...]]
        } else {
            parts = [value[...], value[...]]
        }
        let first = try DateRange.key(parts[0], whole: value)
        let last = try DateRange.key(parts[1], whole: value)
        if first == nil, last == nil {
            throw QuerySyntaxError(description: "date: needs at least one date, as in \(QueryField.date.example)")
        }
        if let first, let last, first > last {
            throw QuerySyntaxError(description: "date:\(value) ends before it starts")
        }
        self.first = first
        self.last = last
    }

    /// The range as inclusive bounds on `RecordDate.sortKey` (YYYYMMDDTHHMMSS): every
    /// time within the last day, month or year is inside it.
    var sortKeyBounds: (low: String?, high: String?) {
        let latest = "1231T235959"
        return (first, last.map { $0 + latest.dropFirst($0.count - 4) })
    }

    private static func key(_ part: Substring, whole: String) throws -> String? {
        if part.isEmpty { return nil }
        // YYYY, YYYY-M[M] or YYYY-M[M]-D[D]. (A regex literal was compiled at each use.)
        var reader = ASCIIReader(part)
        func date() -> (year: Int, month: Int?, day: Int?)? {
            guard let year = reader.number(4...4) else { return nil }
            guard reader.skip("-") else { return (year, nil, nil) }
            guard let month = reader.number(1...2) else { return nil }
            guard reader.skip("-") else { return (year, month, nil) }
            guard let day = reader.number(1...2) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = date(), reader.atEnd else {
            throw QuerySyntaxError(description: "date:\(whole) is not a date range; write YYYY, YYYY-MM or YYYY-MM-DD, as in \(QueryField.date.example)")
        }
        guard RecordDate(year: year, month: month ?? 1, day: day ?? 1) != nil else {
            throw QuerySyntaxError(description: "date:\(whole) names a date that does not exist (\(part))")
        }
        return year.zeroPadded(4) + (month?.zeroPadded(2) ?? "") + (day?.zeroPadded(2) ?? "")
    }
}
