import Foundation

/// The answers to the last few questions about texts, for work asked of one text several
/// times in a row by callers that do not share it; texts told apart by their bytes (see
/// `ExactText`). Thread-safe.
final class RecentAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private let keeping: Int
    private var answers: [(question: String, answer: String)] = []

    init(keeping: Int) { self.keeping = keeping }

    func value(for question: String, _ answer: (String) -> String) -> String {
        if let known = lock.withLock({ answers.last { $0.question.utf8.elementsEqual(question.utf8) }?.answer }) { return known }
        let found = answer(question)
        lock.withLock {
            answers.append((question, found))
            if answers.count > keeping { answers.removeFirst() }
        }
        return found
    }
}

/// Answers kept by question, for pure work asked of the same values again and again (the
/// names on every message of a mailbox); emptied when full, so memory stays bounded.
/// Thread-safe. Work on texts keys them by their bytes: `TextMemo`, or `ExactText` in a key.
/// (Bytes say all a `Data` holds: it may be a key as it is.)
public final class Memo<Question: Hashable, Answer>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var answers: [Question: Answer] = [:]

    public init(capacity: Int) { self.capacity = capacity }

    public func value(for question: Question, _ answer: (Question) -> Answer) -> Answer {
        if let known = lock.withLock({ answers[question] }) { return known }
        let found = answer(question)
        lock.withLock {
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            answers[question] = found
        }
        return found
    }
}

/// A text compared and hashed by its UTF-8 bytes. `String` takes canonically equivalent
/// texts as equal ("é" and "e" with a combining accent), and work on their bytes (regular
/// expressions, index terms) may answer them differently: a memo keyed by `String` would
/// give one the other's answer.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactText, b: ExactText) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A `Memo` of work on texts, which tells texts apart by their bytes (`ExactText`).
public final class TextMemo<Answer>: @unchecked Sendable {
    private let memo: Memo<ExactText, Answer>

    public init(capacity: Int) { memo = Memo(capacity: capacity) }

    public func value(for text: String, _ answer: (String) -> Answer) -> Answer {
        memo.value(for: ExactText(text)) { answer($0.text) }
    }
}
