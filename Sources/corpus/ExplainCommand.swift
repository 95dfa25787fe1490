import ArgumentParser
import Foundation
import Ingest
import Workers

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a printed release is split into emails, and why.",
        discussion: """
            For each header block found in a PDF or text file of printed emails: its page (and line), \
            whether it opened an email or was read as a quoted copy inside the one above, and the evidence. \
            Nothing is written to the index.
            """)

    @Argument(help: "A PDF or text file of printed emails.")
    var file: String

    @OptionGroup var ocr: OCROptions

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Also print the lines the splitter read (page furniture removed), with page, indentation and gaps.")
    var lines = false

    func run() async throws {
        let (decisions, read) = try await reportingErrors { () -> ([SplitDecision], [PageLine]) in
            let pool = WorkerPool(size: ProcessInfo.processInfo.activeProcessorCount, timeLimit: 300)
            var ingester = Ingester(extractor: pool, builder: RecordBuilder(), ocrMode: ocr.ocr)
            ingester.ocrLanguage = ocr.language
            do {
                let decisions = try await ingester.splitDecisions(of: file)
                await pool.shutdown()
                return decisions
            } catch let error as PDFError {
                throw fail("\(file): \(error.reason)")
            } catch let error as FileKind.Unsupported {
                throw fail("\(file): \(error.description)")
            }
        }
        if lines {
            for line in read {
                if line.gapBefore { print("") }
                let place = "p\(line.page)" + (line.line.map { " l\($0)" } ?? "")
                print("\(place.padding(toLength: 10, withPad: " ", startingAt: 0))| \(String(repeating: " ", count: line.indent))\(line.text)")
            }
            print("")
        }
        if json {
            struct Output: Encodable {
                var file: String
                var emails: Int
                var blocks: [SplitDecision]
            }
            try printJSON(Output(file: file, emails: decisions.filter(\.startsEmail).count, blocks: decisions))
            return
        }
        print("\(file): \(decisions.filter(\.startsEmail).count) email(s) from \(decisions.count) header block(s)"
              + (decisions.isEmpty ? "; no printed email in it, so ingest reads it as one document" : ""))
        for decision in decisions {
            let place = "page \(decision.page)" + (decision.line.map { ", line \($0)" } ?? "")
            let verdict = decision.startsEmail ? "new email " : "quoted    "
            let text = decision.text.count > 60 ? decision.text.prefix(59) + "…" : Substring(decision.text)
            print("  \(place.padding(toLength: 18, withPad: " ", startingAt: 0)) \(verdict) \(text)")
            print("  \(String(repeating: " ", count: 18)) because: \(decision.reason)")
        }
    }
}
