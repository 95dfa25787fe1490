import ArgumentParser
import Foundation
import Ingest
import Search
import Workers

@main
struct Corpus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Turn public-records releases (PDFs of printed emails, scans, .eml, .mbox) into a searchable index.",
        version: "corpus \(Corpus.version) (index layout \(Schema.layoutVersion))",
        subcommands: [
            IngestCommand.self, SearchCommand.self, ShowCommand.self, TimelineCommand.self, ExportCommand.self,
            BatchCommand.self, WatchCommand.self, RequestsCommand.self, ThreadCommand.self, PeopleCommand.self, StatsCommand.self, ExplainCommand.self, ServeCommand.self, QueryHelpCommand.self, ShardsCommand.self,
            BenchQueriesCommand.self,
        ])
}

extension Corpus {
    /// This release of corpus; an index written by another layout is refused, not misread.
    static let version = "0.14.0"
}

/// `--index DIR`, shared by every subcommand.
/// What a listing over the matching records takes (`people`, `requests`): a query, and JSON or text.
struct ListingOptions: ParsableArguments {
    @Argument(help: "A query (default: everything).")
    var query: String = ""

    @Flag(help: "Print JSON.")
    var json = false
}

/// `--index`: where the index is.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index folder, or (to read) a Xapian stub file listing shards to read as one (default: $CORPUS_INDEX, else ./corpus-index).", valueName: "DIR"))
    var index: String?

    var path: String {
        index ?? ProcessInfo.processInfo.environment["CORPUS_INDEX"].flatMap { $0.isEmpty ? nil : $0 } ?? "corpus-index"
    }

    /// The index opened for reading.
    func open() throws -> SearchIndex {
        try SearchIndex(path: path)
    }
}

/// `--index` for the commands that read, with how a list of shards is waited for.
struct ReadIndexOptions: ParsableArguments {
    @OptionGroup var location: IndexOptions

    @Option(name: .customLong("shard-timeout"), help: ArgumentHelp(
        "With --index a list of shards: fail, naming it, when a remote shard does not answer within this many seconds.",
        valueName: "SECONDS"))
    var shardTimeout: Double = 10

    @Flag(name: .customLong("allow-partial"), help: "With --index a list of shards: leave out a shard that cannot be opened, and say so.")
    var allowPartial = false

    var path: String { location.path }

    func validate() throws {
        guard shardTimeout > 0 else { throw ValidationError("--shard-timeout must be more than 0 seconds") }
    }

    var shards: Shards.Options { Shards.Options(timeout: shardTimeout, allowPartial: allowPartial) }

    /// The index opened for reading; a shard left out (--allow-partial) is named on stderr.
    func open(buildFacetColumns: Bool = false) throws -> SearchIndex {
        let opened = try SearchIndex(path: path, buildFacetColumns: buildFacetColumns, shards: shards)
        for shard in opened.missingShards {
            FileHandle.standardError.write(Data("corpus: partial answer: shard \(shard) is left out\n".utf8))
        }
        return opened
    }
}

/// `--ocr` and `--ocr-lang`, shared by the commands that read PDFs.
struct OCROptions: ParsableArguments {
    @Option(help: "OCR PDF pages: auto (pages without a text layer), always, never.")
    var ocr: OCRMode = .auto

    @Option(name: .customLong("ocr-lang"), help: ArgumentHelp(
        "The language of scanned pages, as Tesseract names it: eng, spa, rus, chi_sim; eng+spa reads either. Each is a Debian package (tesseract-ocr-spa).",
        valueName: "LANGS"))
    var language = OCRLanguage.english
}

/// Prints `corpus: message` on stderr and exits with status 1: the contract's way to fail.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("corpus: \(message)\n".utf8))
    return ExitCode(1)
}

/// Runs body, turning any error into a one-line message and exit status 1.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as IndexError where error.kind == .locked {
        throw fail("the index is busy: another 'corpus ingest' is writing to it; try again when it has finished")
    } catch let error as IndexError where error.kind == .diskFull {
        throw fail("the disk holding the index is full (\(error.message)); the index keeps what its last commit wrote: "
            + "free some space and run the same command again (files already indexed are skipped)")
    } catch {
        throw fail("\(error)")
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    var data = try RecordCoding.encoder.encode(value)
    data.append(0x0A)
    FileHandle.standardOutput.write(data)
}

/// Prints JSON already written (a search's), then a line break.
func printJSON(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes + [0x0A]))
}
