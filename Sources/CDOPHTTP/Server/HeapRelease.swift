/// Gives malloc's free memory back to the system every `interval` while the server runs, so that its resident
/// memory follows what it uses rather than the high-water mark of every thread's arena.
enum HeapRelease {
    static let interval: Duration = .seconds(15)

    static func run(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            ProcessMemory.releaseFreeHeap()
        }
    }
}
