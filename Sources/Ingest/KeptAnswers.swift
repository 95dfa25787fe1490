import Foundation

/// The answers to the last few questions about texts, for work asked of one text several
/// times in a row by callers that do not share it. Thread-safe.
final class RecentAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private let keeping: Int
    private var answers: [(question: String, answer: String)] = []

    init(keeping: Int) { self.keeping = keeping }

    func value(for question: String, _ answer: (String) -> String) -> String {
        if let known = lock.withLock({ answers.last { $0.question == question }?.answer }) { return known }
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
/// Thread-safe.
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
