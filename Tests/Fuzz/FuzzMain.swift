import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The fuzz harness (`scripts/fuzz.sh`). Built with `-sanitize=fuzzer -D FUZZING` it is a
/// libFuzzer binary for the target named in `WMO_FUZZ_TARGET` (`delivery` or `row`); built
/// normally it replays files: `wmo-fuzz delivery|row FILE_OR_DIR...` runs every input once and
/// exits 0, so the corpus and every crash found are regression cases in the test command.
@main struct FuzzMain {
    static func main() {
        #if FUZZING
        guard let name = ProcessInfo.processInfo.environment["WMO_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set WMO_FUZZ_TARGET to delivery or row\n".utf8))
            exit(2)
        }
        selected = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: wmo-fuzz delivery|row FILE_OR_DIR...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(Array(data))
                count += 1
            }
        }
        print("wmo-fuzz: \(count) \(name) input(s) replayed, no crash")
        #endif
    }

    /// The files at `path`: the file itself, or every file of a directory, sorted.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }
}

/// The inputs the harness can drive.
enum FuzzTarget: String {
    case delivery, row

    func run(_ input: [UInt8]) {
        switch self {
        case .delivery: FuzzTargets.delivery(input)
        case .row: FuzzTargets.row(input)
        }
    }
}

/// The target of this fuzzing run (set once, before libFuzzer starts).
nonisolated(unsafe) var selected = FuzzTarget.delivery

/// libFuzzer's entry point; also what `LLVMFuzzerRunDriver` calls.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
