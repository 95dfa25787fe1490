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
        case .dateRange(let range):
            return .valueRange(slot: Schema.Slot.date, from: range.low, to: range.high)
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
            return .term(Schema.Prefix.kind + lower)
        case .ocr:
            return .term(Schema.Prefix.ocr + lower)
        case .date:
            preconditionFailure("the parser turns date: into .dateRange")
        }
    }
}
