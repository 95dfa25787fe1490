import ArgumentParser
import Search

/// `corpus help query` (or `corpus query`): the query language that search, timeline,
/// people and export share, from the field table.
struct QueryHelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "How to write a query (search, timeline, people and export all take one).",
        discussion: QueryField.help)

    func run() {
        print(QueryField.help)
    }
}
