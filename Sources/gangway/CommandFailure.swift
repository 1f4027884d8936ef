/// A problem with the command line or its surroundings, printed as one plain `error: …` line
/// (no usage, no position) with its exit status: 64 when the command line is wrong, 1 otherwise.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 64) }
    static func failure(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }

    var description: String { message }
}
