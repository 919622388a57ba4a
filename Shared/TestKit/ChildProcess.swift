public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid`.
///
/// Foundation's `Process.waitUntilExit` was seen here to miss a child's exit (the child stayed
/// a zombie and the test hung), so tests use this small wrapper instead.
public struct ChildProcess: Sendable {
    public let pid: pid_t

    /// Starts `executable` with `arguments`, the current environment plus `environment`, and
    /// stdout/stderr appended to `logFile` (or inherited).
    public init(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = [:],
        logFile: String? = nil
    )
        throws
    {
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let logFile {
            posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw ScriptFailed(script: executable, output: String(cString: strerror(status))) }
        pid = child
    }

    /// Sends `signal` (SIGKILL, SIGTERM).
    public func signal(_ signal: Int32) {
        _ = Glibc.kill(pid, signal)
    }

    /// Waits for the child to exit, on a thread of its own (never the cooperative pool).
    @discardableResult
    public func wait() async -> Int32 {
        let pid = pid
        return await withCheckedContinuation { continuation in
            Thread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                let exited = status & 0x7f == 0
                continuation.resume(returning: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
            }.start()
        }
    }
}
