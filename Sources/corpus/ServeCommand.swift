import ArgumentParser
import Foundation
import Search
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Open a local, read-only reading room on the index in your browser.")

    @OptionGroup var index: IndexOptions

    @Option(help: "Address to listen on (loopback unless you say otherwise).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        let server = try await reportingErrors { try WebServer(indexPath: index.path) }
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        try await reportingErrors {
            try await server.run(host: host, port: port) {
                FileHandle.standardError.write(Data("corpus: serving \(index.path) at \(url) (Ctrl-C to stop)\n".utf8))
            }
        }
    }
}
