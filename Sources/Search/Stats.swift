import Foundation
import Ingest

/// What `corpus stats` reports about an index.
public struct IndexStats: Encodable, Sendable {
    public var records: Int
    public var recordsByKind: [String: Int]
    public var files: Int
    public var pages: Int
    public var ocrPages: Int
    public var agencies: [FacetCount]
    public var vendors: [FacetCount]
    @NullEncoded public var firstDate: RecordDate?
    @NullEncoded public var lastDate: RecordDate?
    public var undated: Int

    enum CodingKeys: String, CodingKey {
        case records, files, pages, agencies, vendors, undated
        case recordsByKind = "records_by_kind", ocrPages = "ocr_pages", firstDate = "first_date", lastDate = "last_date"
    }

}

extension SearchIndex {
    public func stats() throws -> IndexStats {
        let all = try search(SearchRequest(query: "", limit: 0))
        let dated = "date:1900..2100"
        let first = try search(SearchRequest(query: dated, limit: 1, sort: .date))
        let last = try search(SearchRequest(query: dated, limit: 1, sort: .dateDescending))
        return IndexStats(
            records: all.total,
            recordsByKind: Dictionary(uniqueKeysWithValues: (all.facets["kind"] ?? []).map { ($0.value, $0.count) }),
            files: try counter(Schema.Counter.files), pages: try counter(Schema.Counter.pages),
            ocrPages: try counter(Schema.Counter.ocrPages),
            agencies: all.facets["agency"] ?? [], vendors: all.facets["vendor"] ?? [],
            firstDate: first.hits.first?.date, lastDate: last.hits.first?.date, undated: all.total - first.total)
    }
}
