import ArgumentParser
import Foundation
import Search

struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "List the public-records requests the records name (FOIL-…, 2020-ICFO-…, F-2014-…): agencies, records, dates, and what the correspondence says happened.")

    @OptionGroup var index: ReadIndexOptions
    @OptionGroup var listing: ListingOptions

    func run() async throws {
        let requests = try await reportingErrors { try index.open().latest { try $0.requests(query: listing.query) } }
        if listing.json {
            struct Output: Encodable { var requests: [RequestSummary] }
            return try printJSON(Output(requests: requests))
        }
        for r in requests {
            let span = [r.first, r.last].compactMap { $0?.day8601 }
            print("\(r.request)  ·  \(r.records) record\(r.records == 1 ? "" : "s")\(span.isEmpty ? "" : "  ·  \(span.first!) – \(span.last!)")\(r.agencies.isEmpty ? "" : "  ·  " + r.agencies.joined(separator: ", "))")
            for e in r.events {
                let detail = [e.until.map { "until \($0.day8601)" }, e.reason].compactMap { $0 }.joined(separator: ", ")
                print("  \(e.date?.day8601 ?? "undated")  \(e.event.rawValue)\(detail.isEmpty ? "" : " (\(detail))")  [\(e.record)]")
            }
        }
    }
}
