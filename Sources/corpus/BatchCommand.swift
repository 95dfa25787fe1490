import ArgumentParser
import Foundation
import Ingest
import Search

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many queries at once: one a line of FILE (or a CSV's first column), e.g. a request's vendor list.",
        discussion: "For each query: its total, first and last date, and top agencies and senders. Lines starting with # are comments. A line that is no query is reported with its number; the others still run (exit status 2).")

    @OptionGroup var index: ReadIndexOptions

    @Argument(help: "The file of queries (- for standard input). Read as CSV when its name ends in .csv.")
    var file: String

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV.")
    var csv = false

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("--json and --csv: choose one") }
    }

    func run() async throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw fail("\(file): cannot be read (\(FileManager.default.fileExists(atPath: file) ? "permissions?" : "no such file"))")
        }
        let lines = Batch.lines(of: data, csv: file.lowercased().hasSuffix(".csv"))
        guard !lines.isEmpty else { throw fail("\(file): no query in it (one a line; # starts a comment)") }
        let results = try await reportingErrors { try index.open().latest { $0.batch(lines) } }
        for failed in results where failed.error != nil {
            FileHandle.standardError.write(Data("corpus: \(file):\(failed.line): \(failed.error!)\n".utf8))
        }
        if json {
            struct Output: Encodable { var queries: [Batch.Result] }
            try printJSON(Output(queries: results))
        } else if csv {
            FileHandle.standardOutput.write(Data(Batch.csv(results).utf8))
        } else {
            for r in results where r.error == nil {
                let span = [r.first, r.last].compactMap { $0?.day8601 }
                print("\(r.query)  ·  \(r.total) match\(r.total == 1 ? "" : "es")\(span.isEmpty ? "" : "  ·  \(span.first!) – \(span.last!)")")
                if !r.agencies.isEmpty { print("  agencies: " + r.agencies.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")) }
                if !r.from.isEmpty { print("  from: " + r.from.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")) }
            }
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(2) }
    }
}
