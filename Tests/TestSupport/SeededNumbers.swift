/// Numbers from a fixed seed (a 64-bit linear congruential generator's high bits), for the
/// tests that hold generated inputs against an oracle: the same inputs on every run.
public struct SeededNumbers {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A number in 0..<bound.
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
