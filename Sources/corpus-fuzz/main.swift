import CFuzzerDriver
import Foundation
import FuzzTargets

// corpus-fuzz: one parser of FuzzTarget (CORPUS_FUZZ_TARGET) under libFuzzer; the rest of
// the arguments are libFuzzer's. Its own seeds go first into CORPUS_FUZZ_SEEDS, a folder
// libFuzzer is given to read.
let environment = ProcessInfo.processInfo.environment
guard let chosen = FuzzTarget(rawValue: environment["CORPUS_FUZZ_TARGET"] ?? "") else {
    FileHandle.standardError.write(Data("corpus-fuzz: CORPUS_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
    exit(2)
}
nonisolated(unsafe) let target = chosen
if let folder = environment["CORPUS_FUZZ_SEEDS"] {
    for (n, seed) in target.builtInSeeds.enumerated() {
        _ = FileManager.default.createFile(atPath: "\(folder)/builtin-\(n)", contents: seed)
    }
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
    target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})
