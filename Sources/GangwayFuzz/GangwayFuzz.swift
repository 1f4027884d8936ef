#if GANGWAY_FUZZ
import CLibFuzzer
import Foundation
import GangwayTestSupport

/// libFuzzer's entry: every input goes through `InputProbe` (each loader, the checks, the render
/// of one clinic) and then through the oracles of `FuzzOracle`; a crash or a broken guarantee
/// stops the process, and libFuzzer saves the input.
@main
enum GangwayFuzz {
    static func main() {
        _ = FuzzOracle.shared  // set up before libFuzzer starts timing
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let input = size == 0 ? Data() : Data(bytes: data!, count: size)
            let problems = FuzzOracle.shared.problems(input)
            if !problems.isEmpty {
                fatalError("a guarantee broke:\n" + problems.joined(separator: "\n"))
            }
            return 0
        })
    }
}
#else
import Foundation

/// A normal `swift build` compiles this stub; scripts/fuzz builds the fuzzer itself.
@main
enum GangwayFuzz {
    static func main() {
        FileHandle.standardError.write(Data("GangwayFuzz is built by scripts/fuzz, not by swift build: run scripts/fuzz [seconds]\n".utf8))
        exit(64)
    }
}
#endif

#if GANGWAY_FUZZ
/// The probe and the limits of a clean render, made once.
final class FuzzOracle: @unchecked Sendable {
    static let shared = FuzzOracle()

    let probe: InputProbe
    let limits: PageLimits

    init() {
        do {
            probe = try InputProbe()
        } catch {
            fatalError("\(error)")
        }
        limits = probe.limits()
    }

    func problems(_ input: Data) -> [String] {
        probe.run(input).flatMap { outcome in
            outcome.problems(limits: limits).map { "as a \(outcome.role): \($0)" }
        }
    }
}
#endif
