import CProcessHeap

/// Gives malloc's free memory back to the system every `interval` while the server runs, so that its resident
/// memory follows what it uses rather than the high-water mark of every thread's arena.
package enum HeapRelease {
    static let interval: Duration = .seconds(15)

    /// Sets malloc up for a long-running server, before its threads start: two arenas however many threads
    /// allocate, and blocks of 64 KiB or more in mappings of their own, so that what the server frees can be
    /// given back.
    package static func limitArenas() {
        _ = cdop_heap_limit_arenas(2)
        _ = cdop_heap_map_large_blocks(64 * 1024)
    }

    static func run(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            ProcessMemory.releaseFreeHeap()
        }
    }
}
