import ArgumentParser
import Foundation
import Search
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Open a local, read-only reading room on the index in your browser.")

    @OptionGroup var index: ReadIndexOptions

    @Option(help: "Address to listen on (loopback unless you say otherwise).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Allow a --host other machines can reach (the index holds your sources: anyone on the network could read them).")
    var allowRemote = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        guard WebServer.isLoopback(host) || allowRemote else {
            throw ValidationError("--host \(host) lets other machines read the index; add --allow-remote if that is what you want")
        }
    }

    func run() async throws {
        let server = try await reportingErrors { try WebServer(indexPath: index.path, shards: index.shards) }
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        if !WebServer.isLoopback(host) {
            FileHandle.standardError.write(Data("corpus: warning: the reading room at \(url) is open to every machine that can reach this one, and shows everything in \(index.path)\n".utf8))
        }
        try await reportingErrors {
            try await server.run(host: host, port: port) {
                FileHandle.standardError.write(Data("corpus: serving \(index.path) at \(url) (Ctrl-C to stop)\n".utf8))
            }
        }
    }
}
