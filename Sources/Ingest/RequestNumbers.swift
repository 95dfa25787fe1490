import Foundation

/// Public-records request numbers as agencies print them — in letters, in subjects, and in
/// the running header of every page of a release ("FOIL Request No. 2020-PL-00417"):
/// NYPD's FOIL-2019-056-14551, DHS components' 2020-ICFO-31877, the State Department's
/// F-2014-20439, and any number an agency writes after "FOIL / FOIA Request No.". A
/// reporter adds an agency's own form as a shape in the entities file (`request` rows).
public struct RequestNumbers: Sendable {
    /// Each pattern's first group is the number, as it is kept (upper-cased).
    /// The built-in forms are compiled on first use (a search that reads no text for
    /// numbers compiles none), then these, the shapes added.
    private var added: [NSRegularExpression] = []

    private static let builtIn: [(pattern: NSRegularExpression, cues: [String])] = [
        // NYPD's own form, its prefix part of the number.
        (#"\b(FOIL-(?:19|20)\d{2}-\d{3}-\d{5})\b"#, ["foil-19", "foil-20"]),
        // DHS and its components: year, office code, sequence (2020-ICFO-31877, 2019-HQFO-00123).
        (#"\b((?:19|20)\d{2}-[A-Z]{4}-\d{4,6})\b"#, ["19", "20"]),
        // The State Department.
        (#"\b(F-(?:19|20)\d{2}-\d{5})\b"#, ["f-19", "f-20"]),
        // Whatever an agency writes after a request's label: "FOIL Request No. 2020-PL-00417",
        // "FOIA request #2019-OIG-118", "FOIPA Request No.: 1234567-000".
        (#"\b(?:FOIL|FOIA|FOIPA|PRA)\s+(?:request|appeal|case)\s*(?:No\.?|Number|#)?\s*[:#]?\s*([A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8}){1,3})\b"#, ["foi", "pra"]),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1) }

    /// The built-in forms.
    public init() {}

    public struct ShapeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Adds an agency's form of number, written as a shape: `#` a digit, `@` a letter, any
    /// other character itself, in any case ("DOI-####-#####", "MTA-@@-######"). A shape
    /// needs three digits, so that it cannot match a word.
    public mutating func add(shape: String) throws {
        guard shape.filter({ $0 == "#" }).count >= 3 else {
            throw ShapeError(description: "the request number shape '\(shape)' needs at least three digits (#)")
        }
        let pattern = shape.map { character -> String in
            switch character {
            case "#": return "\\d"
            case "@": return "\\p{L}"
            case " ": return "\\s+"
            default: return NSRegularExpression.escapedPattern(for: String(character))
            }
        }.joined()
        // (Not inside a longer run of letters, digits or hyphenated parts.)
        added.append(try NSRegularExpression(pattern: "(?<![\\p{L}\\d-])(" + pattern + ")(?![\\p{L}\\d]|-[\\p{L}\\d])", options: [.caseInsensitive]))
    }

    /// The request numbers in `texts`, each once, in the order first met.
    public func find(in texts: [String]) -> [String] {
        var found: [String] = []
        for text in texts {
            let range = NSRange(text.startIndex..., in: text)
            // (A built-in form is sought only in text holding a hyphen and one of the words
            // it cannot match without, case aside: on every message the patterns were a
            // thirtieth of reading a mailbox, and few messages name a request.)
            let lowered = ByteSearch.ASCIILowered(text)
            let hyphen = lowered.holds("-")
            let cued = Self.builtIn.filter { form in hyphen && form.cues.contains(where: lowered.holds) }
            for pattern in cued.map(\.pattern) + added {
                for match in pattern.matches(in: text, range: range) {
                    guard let group = Range(match.range(at: 1), in: text) else { continue }
                    let number = text[group].uppercased()
                    // (A number has digits: "FOIL request TO-THE-AGENCY" names none.)
                    guard number.filter(\.isNumber).count >= 3, !found.contains(number) else { continue }
                    found.append(number)
                }
            }
        }
        return found
    }
}
