import Foundation

/// Reads an address header of a sent message (From, To, Cc, Sender, Reply-To) as RFC 5322
/// and RFC 6532 write it: display names as words or quoted strings, `<addr>`, bare
/// addresses, comments (`bbb@ddd.com (John X. Doe)`: the name, when there is no other),
/// and groups (`Team: a@x, b@x;`, `undisclosed-recipients:;`). Released mail is old and
/// broken, so nothing is refused: an address that is not one (`porady@REDACTED`, `foo`,
/// `vondruch at redhat.com`) is kept as written, and a display name that is itself an
/// address differing from the real one (a forged sender) is kept beside it.
/// The value is the raw header: encoded words are decoded in names only, after the
/// structure is read, so that a decoded comma or quote cannot change it.
/// (Printed headers, OCR'd or laid out by a mail client, go through `AddressList`.)
public enum MailboxList {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case comment(String)
        case angle(String)
        case special(Character)
    }

    public static func parse(_ value: String) -> [Correspondent] {
        var people: [Correspondent] = []
        var item: [Token] = []
        var inGroup = false
        for token in tokens(value) + [.special(",")] {
            switch token {
            case .special(":") where !inGroup && !item.contains(where: { if case .angle = $0 { return true } else { return false } }):
                // The group's name goes; its members are the mailboxes.
                item = []
                inGroup = true
            case .special(","), .special(";"):
                if let person = mailbox(item) { people.append(person) }
                item = []
                if token == .special(";") { inGroup = false }
            default:
                item.append(token)
            }
        }
        return people
    }

    /// One mailbox from its tokens, or nil for an empty one.
    static func mailbox(_ tokens: [Token]) -> Correspondent? {
        var phrase: [String] = [], comments: [String] = [], angle: String?
        for token in tokens {
            switch token {
            case .word(let text), .quoted(let text): if angle == nil { phrase.append(text) }
            case .comment(let text): comments.append(text)
            // (Two addresses in one mailbox, "Bob <bob@x> Bobby <bobby@x>": the first.)
            case .angle(let text): if angle == nil { angle = text }
            case .special(let c): phrase.append(String(c))
            }
        }
        // (A comment inside a comment, "((Robert Harley))", keeps its inner parentheses.)
        let comment = comments.map { clean($0).trimmed { "() ".unicodeScalars.contains($0) } }.first { !$0.isEmpty }
        if let angle {
            var address = angle.trimmed()
            if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
            let name = clean(phrase.joined(separator: " "))
            return Correspondent(name: name.isEmpty ? comment.map(AddressList.displayName) : AddressList.displayName(name),
                                 address: address.isEmpty ? nil : address)
        }
        var written = phrase.joined(separator: " ").trimmed()
        guard !written.isEmpty else { return comment.map { Correspondent(name: AddressList.displayName($0), address: nil) } }
        // An encoded word where the address should be is a name without one.
        let encoded = written.holds("=?")
        if encoded { written = clean(written) }
        // An address without its angle brackets: written whole (dots and @ stay as they
        // are); several words before an @-less end are a name with no address.
        let words = written.split(separator: " ")
        if !written.holds("@"), words.count > 1 || encoded, comment == nil {
            return Correspondent(name: AddressList.displayName(clean(written)), address: nil)
        }
        return Correspondent(name: comment.map(AddressList.displayName), address: written)
    }

    /// Spaces collapsed, encoded words decoded, stray quote marks around a name dropped.
    /// (Without Foundation's trimming, which goes through NSString: names are cleaned on
    /// every message.)
    static func clean(_ text: String) -> String {
        EncodedWords.decode(text).collapsingWhiteSpace().trimmed { "\"' ".unicodeScalars.contains($0) }
    }

    static func tokens(_ value: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(value)
        var i = 0
        var word = ""
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                endWord()
                var text = ""
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    text.append(chars[i])
                    i += 1
                }
                tokens.append(.quoted(text))
            case "(":
                endWord()
                var text = "", depth = 1
                i += 1
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count {
                        i += 1
                    } else if chars[i] == "(" {
                        depth += 1
                    } else if chars[i] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    text.append(chars[i])
                    i += 1
                }
                tokens.append(.comment(text))
            case "<":
                endWord()
                var text = ""
                i += 1
                while i < chars.count, chars[i] != ">" {
                    text.append(chars[i])
                    i += 1
                }
                tokens.append(.angle(text))
            case ",", ";", ":":
                // A colon inside a word is part of it ("mailto:", a time); a group's colon follows its name.
                if c == ":", !word.isEmpty, i + 1 < chars.count, !chars[i + 1].isWhitespace, chars[i + 1] != ";" {
                    word.append(c)
                } else {
                    endWord()
                    tokens.append(.special(c))
                }
            case _ where c.isWhitespace:
                endWord()
            default:
                word.append(c)
            }
            i += 1
        }
        endWord()
        return tokens
    }
}
