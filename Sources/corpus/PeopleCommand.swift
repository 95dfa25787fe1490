import ArgumentParser
import Foundation
import Ingest
import Search

struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "List everyone in the matching emails: agency, addresses, personal accounts, first and last contact.")

    @OptionGroup var index: ReadIndexOptions
    @OptionGroup var listing: ListingOptions

    func run() async throws {
        let people = try await reportingErrors { try index.open().latest { try $0.people(query: listing.query) } }
        if listing.json {
            struct Output: Encodable { var people: [Person] }
            return try printJSON(Output(people: people))
        }
        for p in people {
            let org = p.agency ?? p.vendor ?? "?"
            let span = [p.first, p.last].compactMap { $0?.day8601 }
            print("\(p.name ?? p.addresses.first ?? "?")  [\(org)]\(p.personalAccount ? "  PERSONAL ACCOUNT" : "")")
            print("  \(p.addresses.joined(separator: ", "))  ·  \(p.messages) message\(p.messages == 1 ? "" : "s")\(span.isEmpty ? "" : "  ·  \(span.first!) – \(span.last!)")")
            if p.names.count > 1 { print("  also written: " + p.names.dropFirst().joined(separator: "; ")) }
            for reason in p.mergedBecause { print("  one person because " + reason) }
        }
    }
}
