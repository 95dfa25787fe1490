import ArgumentParser
import Foundation
import Ingest
import Search

struct ThreadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thread", abstract: "Print the conversation a record is part of, as a tree in date order.",
        discussion: """
            A message that replies name but that was not released is shown as a ghost; one a later message \
            quotes whole says which. Every file a message was found in is listed. To export the thread: \
            corpus export 'thread:ID' --out thread.zip
            """)

    @OptionGroup var index: ReadIndexOptions

    @Argument(help: "A record id (from search), or a thread id.")
    var id: String

    @Flag(help: "Print the conversation as JSON.")
    var json = false

    func run() async throws {
        let conversation = try await reportingErrors { () -> Conversation in
            do {
                return try index.open().latest { try $0.conversation(of: id) }
            } catch let error as IndexError where error.kind == .notFound {
                throw fail("no record or thread with id \(id)")
            }
        }
        if json {
            try printJSON(conversation)
            return
        }
        print("Thread \(conversation.thread): \(conversation.subject ?? "(no subject)"), \(conversation.messages.filter { !$0.ghost }.count) record(s)")
        // Each message indented under the one it answers (the links never loop).
        let parent = Dictionary(conversation.messages.map { ($0.key, $0.replyTo) }, uniquingKeysWith: { a, _ in a })
        func depth(_ key: String) -> Int {
            var level = 0, at = parent[key] ?? nil
            while let next = at, level < parent.count { level += 1; at = parent[next] ?? nil }
            return level
        }
        for message in conversation.messages {
            let indent = String(repeating: "  ", count: depth(message.key) + 1)
            if message.ghost, let messageID = message.messageID {
                print("\(indent)(not released) <\(messageID)>, named by \(message.quotedIn.joined(separator: ", "))")
            } else if message.ghost {
                print("\(indent)(not released) [\(message.date?.description ?? "undated")] \(message.from?.description ?? "?"): "
                      + "\(message.subject ?? "(no subject)"), known only as quoted in \(message.quotedIn.joined(separator: ", "))")
            } else {
                let place = message.sources.map(\.shortCitation)
                print("\(indent)[\(message.date?.description ?? "undated")] \(message.from?.description ?? "?"): \(message.subject ?? "(no subject)")")
                let held = message.inclusive ? "" : " · quoted whole in \(message.quotedIn.joined(separator: ", "))"
                print("\(indent)  id \(message.id ?? "") · \(place.joined(separator: "; "))\(held)")
            }
        }
    }
}
